/**
 * The mock engine running in the page, behind MSW's service worker: what
 * the demo and the browser tests start.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { OffsetClock } from './clock.js';
import { Engine } from './engine/engine.js';
import type { Clock } from './engine/records.js';
import { createHandlers, DEFAULT_BASE } from './handlers.js';

export interface MockServerOptions {
  base?: string;
  clock?: Clock;
  /** Where the page serves `mockServiceWorker.js`; the root by default. */
  workerUrl?: string;
  quiet?: boolean;
}

export interface MockServer {
  engine: Engine;
  worker: SetupWorker;
  stop(): void;
}

export async function startMockServer(
  options: MockServerOptions = {},
): Promise<MockServer> {
  // The wall clock, but one POST /clock can move on.
  const engine = new Engine(options.clock ?? new OffsetClock());
  const worker = setupWorker(
    ...createHandlers(engine, options.base ?? DEFAULT_BASE),
  );
  await worker.start({
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? true,
  });
  // The engine keeps no timer: offers run out and campaigns send from here.
  const timer = setInterval(() => engine.tick(), 1000);
  return {
    engine,
    worker,
    stop: () => {
      clearInterval(timer);
      worker.stop();
    },
  };
}
