/**
 * `load` (a dynamic import, usually) run once and its answer shared. A
 * load that failed, such as a chunk the network dropped, is forgotten,
 * so the next call tries again instead of failing for the page's life.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
