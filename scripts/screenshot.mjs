// Takes the README's picture of the demo: opens it in headless Chromium,
// waits for the timeline and queues to show, hovers the reply marker so
// the hovercard is in the shot, and saves docs/screenshot.png.
//   npm start   (in another terminal), then: npm run screenshot [url] [file]
import { chromium } from 'playwright-core';
import { browserArgs, findBrowser, noBrowserMessage } from './find-browser.mjs';

const url = process.argv[2] ?? 'http://localhost:5173/';
const file = process.argv[3] ?? 'docs/screenshot.png';
const executablePath = findBrowser();
if (!executablePath) {
  console.error(noBrowserMessage());
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath,
  args: browserArgs().filter((arg) => !arg.startsWith('--headless')),
});
try {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 860 },
  });
  page.on(
    'console',
    (m) => m.type() === 'error' && console.error('page:', m.text()),
  );
  page.on('pageerror', (e) => console.error('page error:', e.message));
  try {
    await page.goto(url);
  } catch {
    console.error(
      `Nothing answers at ${url}: start the demo (npm start), or pass its URL: npm run screenshot -- http://localhost:5199/`,
    );
    process.exitCode = 1;
    throw new Error('no demo');
  }
  await page.locator('sms-timeline reply-marker').waitFor();
  await page.locator('routed-queue .agent').first().waitFor();
  await page.locator('sms-timeline reply-marker [part=stamp]').hover();
  // The card opens after the pointer rests; wait for it, then its place.
  await page
    .locator('sms-timeline reply-marker number-hovercard[open]')
    .waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: file });
  console.log(`saved ${file}`);
} catch (error) {
  if (error.message !== 'no demo') throw error;
} finally {
  await browser.close();
}
