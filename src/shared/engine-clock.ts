/**
 * The engine's time, as this page last heard it. The mock engine's clock
 * runs apart from the browser's (tests move it, the demo plays it faster,
 * a seeded story can sit months away), so "5 minutes ago" is measured
 * against this and not against `Date.now()`.
 *
 * Between hearings it runs on at the page's own pace. Anything stamped
 * later than it (a message that just came in) moves it up to that stamp.
 * While anything listens, it asks the engine again every half minute
 * through whichever source it was given, and tells its listeners, so
 * relative times move on; with no source it only tells them.
 */
type Listener = () => void;
/** A way to ask the engine its time, ISO 8601. */
type Source = () => Promise<string>;

const EVERY_MS = 30_000;

export class EngineClock {
  /** The engine's time in ms at `page`, the page's `performance.now()`. */
  private known: { engine: number; page: number } | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly sources = new Set<Source>();
  private timer: ReturnType<typeof setInterval> | undefined;

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
    this.tell();
  }

  /** Something was stamped `iso` by the engine: it is at least that late. */
  observe(iso: string): void {
    const stamp = Date.parse(iso);
    if (Number.isNaN(stamp)) return;
    if (!this.known || stamp > this.now().getTime()) this.set(iso);
  }

  /**
   * Asks the engine through `ask` now. An engine that cannot say (an API
   * without GET /clock) leaves the clock to the stamps the page hears;
   * listeners are told all the same, so relative times still move on.
   */
  hear(ask: Source): void {
    ask().then(
      (now) => this.set(now),
      () => this.tell(),
    );
  }

  /** Lets the half-minute hearing ask through `ask`; returns how to stop. */
  addSource(ask: Source): () => void {
    this.sources.add(ask);
    return () => this.sources.delete(ask);
  }

  /** Calls `listener` whenever the clock moves on; returns how to stop. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.timer ??= setInterval(() => this.tick(), EVERY_MS);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** Forgets what was heard (tests). */
  reset(): void {
    this.known = undefined;
  }

  private tick(): void {
    // One engine a page: any source will do.
    const [ask] = this.sources;
    if (ask) this.hear(ask);
    else this.tell();
  }

  private tell(): void {
    for (const listener of this.listeners) listener();
  }
}

export const engineClock = new EngineClock();
