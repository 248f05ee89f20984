/**
 * Reads `reader` until `enough` says the text so far will do, and returns
 * it. A stream that ends first fails the test, saying what it had sent,
 * instead of spinning on reads that return nothing.
 */
export async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array | string>,
  enough: (text: string) => boolean,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!enough(text)) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the stream ended after: ${text || '(nothing)'}`);
    text +=
      typeof value === 'string'
        ? value
        : decoder.decode(value, { stream: true });
  }
  return text;
}
