// `npm test`: every test in headless Chromium through @web/test-runner.
// Stops early, in one line, when no browser is installed.
import { spawnSync } from 'node:child_process';
import { findBrowser, noBrowserMessage } from './find-browser.mjs';

if (!findBrowser()) {
  console.error(noBrowserMessage());
  process.exit(1);
}
const result = spawnSync('web-test-runner', process.argv.slice(2), {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
