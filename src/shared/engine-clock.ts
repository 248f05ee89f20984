/**
 * The engine's time, as this page last heard it. The mock engine's clock
 * runs apart from the browser's (tests move it, the demo plays it faster,
 * a seeded story can sit months away), so "5 minutes ago" is measured
 * against this and not against `Date.now()`.
 *
 * Between hearings it runs on at the page's own pace. It only moves on:
 * anything stamped later than it (a message that just came in) moves it
 * up to that stamp.
 */
type Listener = () => void;

class EngineClock {
  /** The engine's time in ms at `page`, the page's `performance.now()`. */
  private known: { engine: number; page: number } | undefined;
  private readonly listeners = new Set<Listener>();

  /** The engine's time now; the browser's until the engine has been heard. */
  now(): Date {
    const known = this.known;
    return new Date(
      known ? known.engine + (performance.now() - known.page) : Date.now(),
    );
  }

  /** The engine said it is `iso`. */
  set(iso: string): void {
    const engine = Date.parse(iso);
    if (Number.isNaN(engine)) return;
    this.known = { engine, page: performance.now() };
    for (const listener of this.listeners) listener();
  }

  /** Something was stamped `iso` by the engine: it is at least that late. */
  observe(iso: string): void {
    const stamp = Date.parse(iso);
    if (Number.isNaN(stamp)) return;
    if (!this.known || stamp > this.now().getTime()) this.set(iso);
  }

  /** Calls `listener` whenever the clock is set; returns how to stop. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets what was heard (tests). */
  reset(): void {
    this.known = undefined;
  }
}

export const engineClock = new EngineClock();
