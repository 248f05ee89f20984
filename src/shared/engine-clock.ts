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
  /** The latest stamp heard: the engine is at least this late. */
  private latest = -Infinity;

  /** The engine's time now; the browser's until the engine has been heard. */
  now(): Date {
    const known = this.known;
    return new Date(
      known ? known.engine + (performance.now() - known.page) : Date.now(),
    );
  }

  /**
   * The engine said it is `iso`. An answer that took its time can be
   * older than a stamp heard since: the clock never goes behind that.
   * Listeners are told only when the time moved by a second or more, so a
   * page of elements, each hearing the clock as it loads, does not draw
   * every element again for each one.
   */
  set(iso: string): void {
    const said = Date.parse(iso);
    if (Number.isNaN(said)) return;
    const engine = Math.max(said, this.latest);
    const before = this.known ? this.now().getTime() : undefined;
    this.known = { engine, page: performance.now() };
    if (before === undefined || Math.abs(engine - before) >= 1000) this.tell();
  }

  /** Something was stamped `iso` by the engine: it is at least that late. */
  observe(iso: string): void {
    const stamp = Date.parse(iso);
    if (Number.isNaN(stamp)) return;
    this.latest = Math.max(this.latest, stamp);
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
    this.latest = -Infinity;
  }

  /** Half a minute on: relative times move, whatever the engine says. */
  private tick(): void {
    // One engine a page: any source will do.
    const [ask] = this.sources;
    if (!ask) return this.tell();
    ask()
      .then(
        (now) => this.set(now),
        () => undefined,
      )
      .finally(() => this.tell());
  }

  private tell(): void {
    for (const listener of this.listeners) listener();
  }
}

export const engineClock = new EngineClock();
