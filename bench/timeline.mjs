// How sms-timeline's cost grows with a timeline's length: 100, 10,000 and
// 100,000 items, in headless Chromium. A script that prints figures, not a
// test: compare the ratios within one run.
//
//   npm run bench:timeline
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import {
  browserArgs,
  findBrowser,
  noBrowserMessage,
} from '../scripts/find-browser.mjs';

const SIZES = [100, 10_000, 100_000];
const PAGES = 10; // earlier pages a reader loads before scrolling

const executablePath = findBrowser();
if (!executablePath) {
  console.error(noBrowserMessage());
  process.exit(1);
}

const server = await createServer({
  logLevel: 'error',
  server: { port: 0, strictPort: false },
});
await server.listen();
const url = `${server.resolvedUrls.local[0]}bench/timeline.html`;
const browser = await chromium.launch({ executablePath, args: browserArgs() });

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
};

try {
  const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { state: 'attached' });
  const results = [];
  for (const size of SIZES) {
    const customerId = await page.evaluate((n) => window.bench.seed(n), size);
    // Once to warm up, then the measured mount.
    await page.evaluate((id) => window.bench.mount(id), customerId);
    const mount = await page.evaluate(
      (id) => window.bench.mount(id),
      customerId,
    );
    // Rows keep drawing for a few frames after the first shows.
    await page.waitForTimeout(500);
    const nodesAtMount = await page.evaluate(() => window.bench.nodes());
    const rowsPerLive = await page.evaluate(() => window.bench.rowsPerLive());
    const { frames, most } = await page.evaluate(
      (p) => window.bench.scrollFrames(p),
      PAGES,
    );
    await page.waitForTimeout(500);
    const nodesAfterScroll = await page.evaluate(() => window.bench.nodes());
    results.push({
      size,
      mount,
      nodes: Math.max(nodesAtMount, nodesAfterScroll, most),
      nodesWhileScrolling: most,
      nodesAfterScroll,
      nodesAtMount,
      rowsPerLive,
      frameP95: percentile(frames, 95),
    });
  }
  console.log(
    'items    mount ms  DOM nodes (mount / sweeping / at rest after)  rows per live  frame p95 ms',
  );
  for (const r of results) {
    console.log(
      `${r.size.toLocaleString('en').padStart(7)} ${r.mount.toFixed(1).padStart(9)} ${`${r.nodesAtMount} / ${r.nodesWhileScrolling} / ${r.nodesAfterScroll}`.padStart(45)} ${String(r.rowsPerLive).padStart(14)} ${r.frameP95.toFixed(1).padStart(13)}`,
    );
  }
  const small = results[0];
  const large = results.at(-1);
  const maxNodes = Math.max(...results.map((r) => r.nodes));
  const rowsPerLive = Math.max(...results.map((r) => r.rowsPerLive));
  console.log(
    `\nmount at 100,000 is ${(large.mount / small.mount).toFixed(2)}× that at 100 (goal: within 1.5×); ` +
      `at most ${maxNodes} DOM nodes (goal: 400); ${rowsPerLive} row(s) per live message (goal: 1)`,
  );
  console.log(
    `timeline: mount_100=${small.mount.toFixed(1)} mount_100k=${large.mount.toFixed(1)} max_nodes=${maxNodes} rows_per_live=${rowsPerLive} frame_p95=${percentile(
      results.map((r) => r.frameP95),
      100,
    ).toFixed(1)}`,
  );
} finally {
  await browser.close();
  await server.close();
}
