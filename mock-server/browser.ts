/**
 * The mock engine running in the page, behind MSW's service worker: what
 * the demo and the browser tests start.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { OffsetClock } from './clock.js';
import { Engine } from './engine/engine.js';
import type { Clock } from './engine/records.js';
import { createHandlers, DEFAULT_BASE } from './handlers.js';
import {
  postTwilioStatus,
  simulateDelivery,
  twilioStatusForm,
} from './simulator.js';

export interface MockServerOptions {
  base?: string;
  clock?: Clock;
  /** Where the page serves `mockServiceWorker.js`; the root by default. */
  workerUrl?: string;
  quiet?: boolean;
  /**
   * Plays Twilio's part after each message the business sends: status
   * callbacks posted to the webhook, `sent` after a second and
   * `delivered` after two, as a carrier would report them.
   */
  simulateDelivery?: boolean;
}

export interface MockServer {
  engine: Engine;
  worker: SetupWorker;
  /**
   * Plays the engine's clock `speed` times faster than the wall clock (1,
   * the default, is real time), so a campaign sends and offers run out
   * that much sooner. Refused where the clock cannot be moved.
   */
  setSpeed(speed: number): void;
  stop(): void;
}

const TICK_MS = 250;

/** The fastest the mock's clock may be played. */
export const MAX_SPEED = 3600;

export async function startMockServer(
  options: MockServerOptions = {},
): Promise<MockServer> {
  // The wall clock, but one POST /clock can move on.
  const engine = new Engine(options.clock ?? new OffsetClock());
  const base = options.base ?? DEFAULT_BASE;
  const worker = setupWorker(...createHandlers(engine, base));
  await worker.start({
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? true,
  });
  const unsubscribe = options.simulateDelivery
    ? simulateDelivery(engine.events, (sid, status) => {
        void postTwilioStatus(twilioStatusForm(sid, status), base);
      })
    : () => {};
  // The engine keeps no timer: offers run out and campaigns send from here.
  // Four times a second, so a played campaign moves smoothly.
  let speed = 1;
  const timer = setInterval(() => {
    if (speed > 1) engine.advanceClock((speed - 1) * (TICK_MS / 1000));
    else engine.tick();
  }, TICK_MS);
  return {
    engine,
    worker,
    setSpeed(next) {
      if (!Number.isFinite(next) || next < 1 || next > MAX_SPEED) {
        throw new RangeError(
          `speed must be from 1 to ${MAX_SPEED} times real time, not ${next}.`,
        );
      }
      if (next > 1) engine.checkClockMoves();
      speed = next;
    },
    stop: () => {
      clearInterval(timer);
      unsubscribe();
      worker.stop();
    },
  };
}
