/**
 * The most any provider answer may hold, in bytes. The largest documented answer is a Kavenegar entry that
 * echoes a long Persian text (about 2 KiB with its escapes; reference/protocols.md §2); Melipayamak's envelope
 * is about 100 bytes and SMS.ir's status answer well under 4 KiB, and the error pages of proxies in front of
 * them run to tens of KiB. 64 KiB takes all of these with room to spare: one cap for every call, because
 * a cap that cuts off a real success turns it into a failure and a second SMS, while the cost of the margin is
 * nothing (64 connections at once hold at most 4 MiB). Anything longer is not an answer of the API.
 */
export const ANSWER_CAP_BYTES = 64 * 1024;

/** The slice of a readable body this needs: undici's response body, or any Node stream. */
export interface ReadableBody extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

/**
 * The body decoded as UTF-8 (a byte-order mark dropped, as `body.text()` does), or null when it holds more
 * than `capBytes`. Reading stops at the chunk that passes the cap and the body is destroyed there, closing
 * the connection: a provider streaming without end, or 50 MB, costs at most the cap plus one chunk of memory.
 * A `content-length` over the cap is refused before the first byte is read.
 */
export async function readCapped(body: ReadableBody, capBytes: number, contentLength?: string): Promise<string | null> {
  if (contentLength !== undefined && Number(contentLength) > capBytes) {
    body.destroy();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > capBytes) {
      // Leaving the loop would also end the stream; destroying it says so outright, before anything else runs.
      body.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks, total));
}
