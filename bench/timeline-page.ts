/**
 * The page `npm run bench:timeline` drives: a mock engine seeded with one
 * customer's timeline of a given length, and the measurements the driver
 * asks for, on `window.bench`.
 */
import { startMockServer } from '../mock-server/browser.js';
import { ManualClock } from '../mock-server/clock.js';
import '../src/sms-timeline/define.js';

const GOLD = '+14155550100';
const JULIE = '+14155550142';

const clock = new ManualClock('2026-07-01T00:00:00Z');
const mock = await startMockServer({ clock });
const { engine } = mock;
let sent = 0;
let total = 0;

function text(body: string) {
  clock.advance(1000);
  return engine.receiveSms({
    messageSid: `SM${(++sent).toString(16).padStart(32, '0')}`,
    from: JULIE,
    to: GOLD,
    body,
    attachments: [],
  });
}

/** Every node in `root`, through shadow roots. */
function countNodes(root: Node): number {
  let count = 1;
  for (const child of root.childNodes) count += countNodes(child);
  const shadow = (root as Element).shadowRoot;
  if (shadow) count += countNodes(shadow);
  return count;
}

const host = document.querySelector('#host')!;
let timeline: HTMLElement | undefined;

const rowsOf = () => timeline?.shadowRoot?.querySelectorAll('.row').length ?? 0;
/** Whether a row for `body` is drawn. */
const shows = (body: string) =>
  [...(timeline?.shadowRoot?.querySelectorAll('.row .text') ?? [])].some(
    (p) => p.textContent === body,
  );
/** How many items the timeline holds, drawn or not. */
const loaded = () =>
  (timeline as unknown as { items?: unknown[] } | undefined)?.items?.length ??
  0;
/** Scrolls the log as a reader does: the wheel turns, then it moves. */
const scrollTo = (log: HTMLElement, top: number) => {
  log.dispatchEvent(new WheelEvent('wheel', { deltaY: top - log.scrollTop }));
  log.scrollTop = top;
};

Object.assign(window, {
  bench: {
    /**
     * Seeds about `count` timeline items for Julie: texts, then a newest
     * stretch of every kind of row, the heaviest first in view: campaign
     * answers with their numbers, replies to them, agents' replies and
     * routing lines.
     */
    seed(count: number) {
      engine.reset();
      const g = engine.createInbox({
        name: 'Gold Members',
        phoneNumbers: [GOLD],
      });
      const ben = engine.createAgent({
        name: 'Ben Okafor',
        inboxIds: [g.id],
        capacity: 5,
      });
      const rounds = Math.min(60, Math.floor(count / 10));
      // One routing item comes with the first message; the rest are texts.
      const first = text('Message 0');
      const customerId = first.item.customerId;
      for (let i = 1; i < count - rounds * 5; i++) text(`Message ${i}`);
      for (let round = 0; round < rounds; round++) {
        const [open] = engine
          .listConversations(customerId)
          .filter((c) => c.status === 'OPEN');
        if (open) engine.closeConversation(open.id);
        clock.advance(1000);
        engine.createCampaign({
          name: `Offer ${round}`,
          from: GOLD,
          answer: { name: `Offer ${round}`, body: 'This week only: 20% off.' },
          recipients: [{ name: 'Julie Example', phoneNumber: JULIE }],
        });
        engine.tick();
        text(`Yes please ${round}`);
        const [next] = engine
          .listConversations(customerId)
          .filter((c) => c.status === 'OPEN');
        clock.advance(1000);
        engine.sendAgentMessage(next!.id, ben.id, `On its way ${round}`);
      }
      total = 0;
      let cursor: string | undefined;
      do {
        const page = engine.getTimeline(customerId, 200, cursor);
        total += page.items.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return customerId;
    },
    /** Mounts a timeline and resolves with ms until its rows show. */
    async mount(customerId: string) {
      timeline?.remove();
      const start = performance.now();
      timeline = document.createElement('sms-timeline');
      timeline.setAttribute('customer-id', customerId);
      host.append(timeline);
      while (rowsOf() === 0) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return performance.now() - start;
    },
    nodes: () => (timeline ? countNodes(timeline) : 0),
    /** Rows added to the DOM when one live message arrives. */
    async rowsPerLive() {
      const log = timeline!.shadowRoot!.querySelector('.log')!;
      let added = 0;
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          for (const node of r.addedNodes) {
            if ((node as Element).classList?.contains('row')) added += 1;
          }
        }
      });
      observer.observe(log, { childList: true, subtree: true });
      text('A live one');
      while (!shows('A live one')) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      observer.disconnect();
      return added;
    },
    /**
     * Scrolls the log from the bottom to the top, loading earlier pages
     * as a reader would, and returns each frame's duration in ms and the
     * most DOM nodes any frame had.
     */
    async scrollFrames(pages: number) {
      const root = timeline!.shadowRoot!;
      const log = root.querySelector<HTMLElement>('.log')!;
      // Scrolled to the top, the timeline loads the page before by itself.
      for (let p = 0; p < pages && loaded() < total; p++) {
        const before = loaded();
        // The reader keeps turning the wheel at the top until it loads.
        const deadline = performance.now() + 10_000;
        while (loaded() === before) {
          if (performance.now() > deadline) {
            throw new Error(`page ${p + 1} did not load within 10 s`);
          }
          scrollTo(log, 0);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      const frames: number[] = [];
      let last = performance.now();
      // The most nodes drawn in any frame of the sweep, not only at rest.
      let most = 0;
      const steps = 120;
      for (let i = 0; i <= steps; i++) {
        scrollTo(log, log.scrollHeight * (1 - i / steps));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        frames.push(now - last);
        last = now;
        most = Math.max(most, countNodes(timeline!));
      }
      return { frames, most };
    },
  },
});
document.body.dataset.ready = 'true';
