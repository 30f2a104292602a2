/**
 * Reads a response body into memory with a byte cap enforced while it streams: the read stops,
 * and the connection is released, the moment the body passes the cap.
 */

/** Thrown by {@link readCappedBody} when the body passes the cap; the caller words the message. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
  constructor(readonly maxBytes: number) {
    super(`the body is larger than ${maxBytes} bytes`);
  }
}

/**
 * All of `body`, or {@link BodyTooLarge} as soon as more than `maxBytes` have arrived. Errors of
 * the stream itself (an abort, a reset connection) propagate as they are.
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Cancelling tells undici to drop the connection instead of draining the rest.
        await reader.cancel().catch(() => {});
        throw new BodyTooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
