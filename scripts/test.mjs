// `npm test`: every test. The browser tests in headless Chromium through
// @web/test-runner; then the package and the demo are built and server
// mode is tested in Node (test/server/), with Chromium for its pages, the
// demo at / among them. Stops early, in one
// line, when no browser is installed. Arguments go to the test runner
// (`npm test -- test/flow.test.ts`), and then only it runs.
import { spawnSync } from 'node:child_process';
import { findBrowser, noBrowserMessage } from './find-browser.mjs';

if (!findBrowser()) {
  console.error(noBrowserMessage());
  process.exit(1);
}
const run = (command, args) =>
  spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  }).status ?? 1;

const args = process.argv.slice(2);
let status = run('web-test-runner', args);
if (status === 0 && args.length === 0) {
  status = run('npm', ['run', '--silent', 'build']);
  // The demo too: test/server/ opens it at / in server mode.
  if (status === 0) status = run('npm', ['run', '--silent', 'build:demo']);
  if (status === 0) status = run(process.execPath, ['--test', 'test/server/']);
}
process.exit(status);
