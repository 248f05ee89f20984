/** `/events` as a `text/event-stream` body over the engine's event log. */
import type { EngineEvent } from '../src/sdk/schemas.js';
import type { EventLog } from './engine/event-log.js';

const encoder = new TextEncoder();

/** One event in the wire format: `id`, `event` and one `data` line. */
export function formatEvent(event: EngineEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * A stream that first sends every event after `lastId`, then each new one
 * as it happens, until the client goes away (`signal`) or cancels.
 */
export function openEventStream(
  log: EventLog,
  lastId: number,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  let unsubscribe = () => {};
  return new ReadableStream({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          unsubscribe(); // the stream was closed under us
        }
      };
      // The stream opens at once with where it starts: a client that drops
      // before any event has an id to resume from all the same (a comment
      // cannot carry one, and a message without data is not dispatched).
      send(
        `retry: 1000\nid: ${lastId}\nevent: stream.opened\ndata: {"after":${lastId}}\n\n`,
      );
      for (const event of log.since(lastId)) send(formatEvent(event));
      unsubscribe = log.subscribe((event) => send(formatEvent(event)));
      signal?.addEventListener('abort', () => {
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      unsubscribe();
    },
  });
}
