/** A module loaded on first use: `loadOnce`'s answer. */
export interface Lazy<T> {
  /**
   * Loads it once and shares the answer. A load that failed, such as a
   * chunk the network dropped, is forgotten, so the next call tries again
   * instead of failing for the page's life.
   */
  (): Promise<T>;
  /**
   * Asks for it, and calls `then` once it is there, whoever's load brought
   * it (after what runs now, if it is there already): what was drawn while
   * a load failed is drawn again when a later one succeeds. Returns what
   * stops the wait, for an element leaving the page.
   */
  whenLoaded(then: () => void): () => void;
}

/** `load` (a dynamic import, usually) as a `Lazy`. */
export function loadOnce<T>(load: () => Promise<T>): Lazy<T> {
  let loading: Promise<T> | undefined;
  let loaded = false;
  const waiting = new Set<() => void>();
  const get = () =>
    (loading ??= load().then(
      (value) => {
        loaded = true;
        for (const then of waiting) then();
        waiting.clear();
        return value;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return Object.assign(get, {
    whenLoaded(then: () => void) {
      if (loaded) {
        queueMicrotask(then);
        return () => {};
      }
      waiting.add(then);
      get().catch(() => {});
      return () => void waiting.delete(then);
    },
  });
}
