import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase, startTestApp } from '../helpers/app.ts';
import { mobile } from '../helpers/otp-flow.ts';
import { drainTogether, queueTexts } from '../helpers/queue.ts';

const N = 60;

forEachDatabase('two instances draining one queue', (backend) => {
  it(`deliver each of ${N} messages exactly once between them`, { timeout: 30_000 }, async () => {
    const env = { SMS_QUEUE_CONCURRENCY: '4' };
    const a = await startTestApp(backend, { env });
    const b = await startTestApp(backend, { env, shareWith: a });
    try {
      const ids = await queueTexts(a, N, mobile);
      const references = await drainTogether([a, b], 20_000, 2000);
      assert.equal(references.length, N, 'no message was sent twice');
      assert.deepEqual(new Set(references), ids);
      if (backend.name === 'postgres') {
        assert.ok(a.sink.requests.length > 0 && b.sink.requests.length > 0, 'both instances delivered some');
      }
    } finally {
      await b.close();
      await a.close();
    }
  });
});
