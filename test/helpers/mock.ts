import {
  http,
  HttpResponse,
  type JsonBodyType,
  type RequestHandler,
} from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import './safe-assertions.js';
import { ManualClock } from '../../mock-server/clock.js';
import { Engine } from '../../mock-server/engine/engine.js';
import { createHandlers } from '../../mock-server/handlers.js';
import { SmsKitClient } from '../../src/sdk/client.js';
import type { TimelineItem } from '../../src/sdk/schemas.js';

export interface MockContext {
  engine: Engine;
  clock: ManualClock;
  client: SmsKitClient;
  worker: SetupWorker;
}

/**
 * Runs the mock server in this test file's page: one service worker for
 * the file, and a fresh engine and client for every test.
 */
export function useMockServer(): MockContext {
  const context = {} as MockContext;
  before(async () => {
    context.worker = setupWorker();
    await context.worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  beforeEach(() => {
    context.clock = new ManualClock();
    context.engine = new Engine(context.clock);
    context.worker.resetHandlers(...createHandlers(context.engine));
    context.client = new SmsKitClient();
  });
  after(() => context.worker.stop());
  return context;
}

/** The text of a fixture under test/fixtures. */
export async function fixture(name: string): Promise<string> {
  const response = await fetch(new URL(`../fixtures/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${name}: ${response.status}`);
  return response.text();
}

/**
 * Waits until `check` passes, and gives what it returned; or fails with
 * its last error.
 */
export async function eventually<T>(
  check: () => T,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/**
 * Agents' replies refused as a busy SMS gateway would (503, "The SMS
 * gateway is busy."), for as long as `refusing()` says; after that they
 * go on to the real handler.
 */
export function gatewayBusy(refusing = () => true): RequestHandler {
  return http.post('/api/v1/conversations/:id/messages', () =>
    refusing()
      ? HttpResponse.json(
          { message: 'The SMS gateway is busy.', problems: [] },
          { status: 503 },
        )
      : undefined,
  );
}

/**
 * The next agent reply is stored, with its Idempotency-Key, and then the
 * connection drops before the answer: a reply whose answer was lost.
 * `onStored` hears the item as the engine made it.
 */
export function answerLost(
  engine: Engine,
  onStored: (item: TimelineItem) => void = () => {},
): RequestHandler {
  return http.post(
    '/api/v1/conversations/:id/messages',
    async ({ request, params }) => {
      const { agentId, body } = (await request.json()) as {
        agentId: string;
        body: string;
      };
      onStored(
        engine.sendAgentMessage(String(params.id), agentId, body, {
          idempotencyKey: request.headers.get('idempotency-key') ?? undefined,
        }),
      );
      return HttpResponse.error();
    },
    { once: true },
  );
}

/**
 * A request to `path` held at a gate until the test calls `release()`:
 * for what happens while an answer is on its way. `arrived` resolves when
 * the request comes. With `answer`, the answer is read as it arrives (so
 * it is older than anything the test changes meanwhile) and sent once
 * released; without, the request goes on to the real handler.
 */
export function heldRequest(
  method: 'get' | 'post',
  path: string,
  answer?: (params: Record<string, string>) => JsonBodyType,
) {
  let arrive = () => {};
  let release = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const handler = http[method](path, async ({ params }) => {
    const body = answer?.(params as Record<string, string>);
    arrive();
    await gate;
    return body === undefined ? undefined : HttpResponse.json(body);
  });
  return { handler, arrived, release };
}
