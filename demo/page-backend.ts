/**
 * The demo's own engine, in the page behind MSW's service worker: what
 * `npm start` runs. It is seeded with the July Sale story here, and its
 * clock can be played faster.
 */
import { startMockServer } from '../mock-server/browser.js';
import { OffsetClock } from '../mock-server/clock.js';
import { seedJulySale } from '../mock-server/scenario.js';
import { SmsKitClient } from '../src/sdk/client.js';
import { outbox } from '../src/shared/outbox.js';
import type { DemoBackend } from './backend.js';

export async function startPageBackend(): Promise<DemoBackend> {
  const clock = new OffsetClock();
  const mock = await startMockServer({ clock, simulateDelivery: true });
  const { engine } = mock;
  let story = seedJulySale(engine, clock);
  // This engine is new with the page, and seeded as the last one was, so
  // the story's conversations have their ids again; any other id the last
  // page's engine gave out will name someone else here. What the kit kept
  // in this tab for those goes.
  const seeded = new Set(
    Object.values(story.customers).flatMap((id) =>
      engine.listConversations(id).map((c) => c.id),
    ),
  );
  outbox.forget((id) => seeded.has(id));
  return {
    mode: 'page',
    client: new SmsKitClient(),
    now: () => clock.now(),
    syncClock: async () => {},
    story: async () => story,
    async restartStory() {
      engine.reset();
      story = seedJulySale(engine, clock);
      return story;
    },
    setSpeed: (speed) => mock.setSpeed(speed),
  };
}
