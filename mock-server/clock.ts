import type { Clock } from './engine/records.js';

/** The wall clock, for an engine that runs in real time (a server, a host's tests). */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock a test or a scenario sets by hand. It only moves when told to,
 * so every timestamp it gives is known in advance.
 */
export class ManualClock implements Clock {
  private time: number;

  constructor(start: Date | string = '2026-07-01T16:00:00.000Z') {
    this.time = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.time);
  }

  /** Moves the clock on by `ms` milliseconds. */
  advance(ms: number): void {
    this.time += ms;
  }

  set(date: Date | string): void {
    this.time = new Date(date).getTime();
  }
}

/**
 * The wall clock shifted by an offset, so a scenario can lay down history
 * "two hours ago" and then carry on in real time.
 */
export class OffsetClock implements Clock {
  offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Jumps ahead by `ms`, then keeps running in real time. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
