/**
 * Waits until `check` (which may be async) is true, polling every 100 ms;
 * fails naming `what` after `ms`. For the Node tests of server mode,
 * whose pages change on their own time.
 */
export async function until(what, check, ms = 8000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
