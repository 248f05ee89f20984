/** What console.warn was told while `run` ran (and, if it is async, until it ended). */
export async function warnings(run: () => unknown): Promise<unknown[][]> {
  const said: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => said.push(args);
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return said;
}
