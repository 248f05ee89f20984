/**
 * For play functions: waits for what a story's element draws once its
 * data has loaded. A play that finds nothing throws, so the stories test
 * fails instead of passing a story that did nothing.
 */
export async function until<T>(
  find: () => T | null | undefined,
  what: string,
  ms = 2500,
): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() > deadline) {
      throw new Error(`The story never showed ${what}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
