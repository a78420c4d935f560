import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ANSWER_CAP_BYTES, readCapped } from '../../src/sms/answer-body.ts';
import { parseJsonObject, postForAnswer } from '../../src/sms/http.ts';
import { SmsError } from '../../src/sms/provider.ts';
import { startFakeHostileProvider, type FakeHostileProvider } from '../helpers/fake-hostile-provider.ts';

const KIB = 1024;
const MB = 1024 * 1024;

/** A stream that makes 16 KiB chunks only when asked, forever, and counts what it handed out. */
function endlessStream(): { stream: Readable; pulled(): number } {
  let pulled = 0;
  const chunk = Buffer.alloc(16 * KIB, 0x30);
  const stream = new Readable({
    read() {
      pulled += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('readCapped', () => {
  it('stops at the chunk that passes the cap and destroys the stream, however long it would go on', async () => {
    const { stream, pulled } = endlessStream();
    assert.equal(await readCapped(stream, 64 * KIB), null);
    assert.ok(stream.destroyed, 'the body is destroyed, which closes its connection');
    // What the stream read ahead into its own buffer (its highWaterMark) is all that passes the cap.
    assert.ok(pulled() <= 64 * KIB + 2 * stream.readableHighWaterMark + 16 * KIB, `pulled ${pulled()} bytes`);
  });

  it('refuses a content-length over the cap without reading a byte', async () => {
    const { stream, pulled } = endlessStream();
    assert.equal(await readCapped(stream, 64 * KIB, String(50 * MB)), null);
    assert.ok(stream.destroyed);
    assert.equal(pulled(), 0);
  });

  it('reads a body up to the cap whole, as UTF-8 split anywhere, without a byte-order mark', async () => {
    const text = '{"message":"تایید شد"}';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const split = [bytes.subarray(0, 17), bytes.subarray(17, 18), bytes.subarray(18)];
    assert.equal(await readCapped(Readable.from(split), bytes.length), text);
    const exact = Buffer.alloc(64 * KIB, 0x20);
    assert.equal((await readCapped(Readable.from([exact]), 64 * KIB))?.length, 64 * KIB);
  });
});

describe('provider answers over HTTP', () => {
  let hostile: FakeHostileProvider;
  before(async () => void (hostile = await startFakeHostileProvider({ mode: 'huge' })));
  after(() => hostile.close());

  const post = (timeoutMs = 5000) => postForAnswer('hostile', `${hostile.url}/send`, '{}', {}, timeoutMs);

  for (const mode of ['huge', 'huge-chunked', 'endless'] as const) {
    it(`${mode}: a 2xx past the cap is a provider failure that may have sent, and the reader hangs up`, async () => {
      hostile.setMode(mode);
      const error = await post().then(
        () => assert.fail('resolved'),
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof SmsError);
      assert.deepEqual([error.kind, error.providerCode, error.mayHaveSent], ['transport', 'ANSWER_TOO_LARGE', true]);
      const answer = hostile.answers.at(-1)!;
      await answer.over;
      assert.equal(answer.completed, false, 'the connection closed before the answer was over');
      // Loopback socket buffers hold a few MB at most; reading on would have taken it all.
      assert.ok(answer.bytesWritten < 16 * MB, `the fake wrote ${(answer.bytesWritten / MB).toFixed(1)} MB`);
    });
  }

  it('nested ten thousand deep in a few KiB is read and parsed, and is not an object', async () => {
    hostile.setMode('nested');
    const answer = await post();
    assert.equal(answer.status, 200);
    assert.ok(answer.body.length < ANSWER_CAP_BYTES);
    assert.equal(parseJsonObject(answer.body), null);
    assert.equal(parseJsonObject(`{"a":${'['.repeat(30_000)}${']'.repeat(30_000)}}`)?.a instanceof Array, true);
  });

  it('slow: an answer dribbled one byte at a time is a timeout within the budget', async () => {
    hostile.setMode('slow');
    const error = await post(300).then(
      () => assert.fail('resolved'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof SmsError);
    assert.deepEqual([error.kind, error.mayHaveSent], ['timeout', true]);
    await hostile.answers.at(-1)!.over;
  });
});
