/**
 * The `/events` stream, shared: however many elements listen, one
 * connection is open while any of them does. After a drop it reconnects
 * with `Last-Event-ID`, so the server sends what was missed and nothing
 * is heard twice.
 */
import { createEventSource, type EventSourceClient } from 'eventsource-client';
import { ApiParseError } from './errors.js';
import { EngineEvent } from './schemas.js';
import { parseWith } from './validation.js';

/** `live` once the server opened the stream; `reconnecting` after a drop. */
export type StreamStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';

export type EventListener = (event: EngineEvent) => void;
export type StatusListener = (status: StreamStatus) => void;
export type ErrorListener = (error: ApiParseError) => void;

export class EventStream {
  private source?: EventSourceClient;
  private readonly listeners = new Set<EventListener>();
  private readonly statusListeners = new Set<StatusListener>();
  private readonly errorListeners = new Set<ErrorListener>();
  private lastId = 0;
  private current: StreamStatus = 'idle';
  private waiting: Array<() => void> = [];

  constructor(
    private readonly url: string,
    private readonly fetchImpl: typeof fetch,
  ) {}

  get status(): StreamStatus {
    return this.current;
  }

  /** The id of the last event heard, 0 before any. */
  get lastEventId(): number {
    return this.lastId;
  }

  /**
   * Calls `listener` with every event from now on. The connection opens
   * with the first listener and closes after the last one leaves.
   */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    this.open();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Hears events the server sent in a shape the API does not promise. */
  onError(listener: ErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Resolves once the stream is live, so nothing after it can be missed. */
  ready(): Promise<void> {
    if (this.current === 'live') return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private open(): void {
    if (this.source) return;
    this.setStatus('connecting');
    this.source = createEventSource({
      url: this.url,
      fetch: this.fetchImpl,
      // The server opens each stream with `stream.opened` (or, elsewhere,
      // a comment): from then on we are live.
      onComment: () => this.setStatus('live'),
      onScheduleReconnect: () => this.setStatus('reconnecting'),
      onMessage: (message) => {
        if (message.event === 'stream.opened') this.opened(message.data);
        else this.receive(message.data);
      },
    });
  }

  /**
   * Nobody is listening any more. A later listener loads fresh state and
   * hears from then on, so what happened in between is not replayed.
   */
  private close(): void {
    this.source?.close();
    this.source = undefined;
    this.lastId = 0;
    this.setStatus('idle');
  }

  /**
   * The server says where the stream starts. Starting before what was
   * already heard means the server's ids went back (it restarted and
   * forgot): what was heard no longer matches, so listeners are told, as
   * for a gap, and ids are heard again from there.
   */
  private opened(data: string): void {
    let after: unknown;
    try {
      after = (JSON.parse(data) as { after?: unknown }).after;
    } catch {
      after = undefined;
    }
    this.setStatus('live');
    if (typeof after !== 'number' || after >= this.lastId) return;
    const missed: EngineEvent = {
      id: after,
      type: 'events.missed',
      data: { from: after + 1, to: this.lastId },
    };
    this.lastId = after;
    for (const listener of [...this.listeners]) listener(missed);
  }

  private receive(data: string): void {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      json = undefined;
    }
    const parsed = parseWith(EngineEvent, json);
    if (!parsed.ok) {
      const error = new ApiParseError(this.url, parsed.problems);
      for (const listener of this.errorListeners) listener(error);
      return;
    }
    const event = parsed.value;
    if (event.id <= this.lastId) return; // heard already
    this.lastId = event.id;
    for (const listener of [...this.listeners]) listener(event);
  }

  private setStatus(status: StreamStatus): void {
    if (status === this.current) return;
    this.current = status;
    if (status === 'live') {
      for (const resolve of this.waiting.splice(0)) resolve();
    }
    for (const listener of this.statusListeners) listener(status);
  }
}
