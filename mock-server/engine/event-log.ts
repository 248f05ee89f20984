import type { EngineEvent } from '../../src/sdk/schemas.js';

type Listener = (event: EngineEvent) => void;

/** An event before the log numbers it. */
export type NewEvent = EngineEvent extends infer E
  ? E extends EngineEvent
    ? Omit<E, 'id'>
    : never
  : never;

/** How many recent events a log keeps unless told otherwise. */
export const KEEP_EVENTS = 10_000;

/**
 * Every change the engine makes, as events with rising ids. The latest
 * `keep` are kept so that a client reconnecting with `Last-Event-ID` can
 * be sent what it missed; one that missed more is told so. Ids keep rising
 * across a reset, so an old id never names a new event.
 */
export class EventLog {
  private log: EngineEvent[] = [];
  /** Where the kept events start in `log`; older ones are dropped in bulk. */
  private start = 0;
  private lastId = 0;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly keep = KEEP_EVENTS) {
    if (!Number.isInteger(keep) || keep < 1) {
      throw new RangeError(
        `keepEvents must be a whole number above 0, not ${keep}.`,
      );
    }
  }

  append(next: NewEvent): EngineEvent {
    const event = { id: ++this.lastId, ...next } as EngineEvent;
    this.log.push(event);
    if (this.log.length - this.start > this.keep) this.start += 1;
    // Compact once the dropped head is as long as what is kept.
    if (this.start >= this.keep) {
      this.log = this.log.slice(this.start);
      this.start = 0;
    }
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /**
   * Events after `id`, oldest first; all that are kept for 0. When some of
   * them are no longer kept, an `events.missed` event comes first.
   */
  since(id: number): EngineEvent[] {
    // Ids rise by one, so the first wanted event sits at a known offset.
    const first = this.log[this.start]?.id ?? this.lastId + 1;
    const kept = this.log.slice(this.start + Math.max(0, id + 1 - first));
    if (id === 0 || id + 1 >= first) return kept;
    const missed: EngineEvent = {
      id: first - 1,
      type: 'events.missed',
      data: { from: id + 1, to: first - 1 },
    };
    return [missed, ...kept];
  }

  get latestId(): number {
    return this.lastId;
  }

  /** Calls `listener` with each new event; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops the kept events; ids go on from where they were. */
  clear(): void {
    this.log = [];
    this.start = 0;
  }

  /** Event ids go on after `lastId`, as a restored engine's do. */
  resume(lastId: number): void {
    this.lastId = Math.max(this.lastId, lastId);
  }
}
