import type { EngineEvent } from '../../src/sdk/schemas.js';

type Listener = (event: EngineEvent) => void;

/** An event before the log numbers it. */
export type NewEvent = EngineEvent extends infer E
  ? E extends EngineEvent
    ? Omit<E, 'id'>
    : never
  : never;

/**
 * Every change the engine makes, as events with rising ids, kept so that a
 * client reconnecting with `Last-Event-ID` can be sent what it missed.
 * Ids keep rising across a reset, so an old id never names a new event.
 */
export class EventLog {
  private log: EngineEvent[] = [];
  private lastId = 0;
  private readonly listeners = new Set<Listener>();

  append(next: NewEvent): EngineEvent {
    const event = { id: ++this.lastId, ...next } as EngineEvent;
    this.log.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Events after `id`, oldest first; all of them for 0. */
  since(id: number): EngineEvent[] {
    // Ids rise by one, so the first wanted event sits at a known offset.
    const first = this.log[0]?.id ?? this.lastId + 1;
    return this.log.slice(Math.max(0, id + 1 - first));
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
  }
}
