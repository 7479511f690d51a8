/** Polls `read` until `accept` holds or the timeout passes; the error names what was last seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last saw ${JSON.stringify(last)}`);
}
