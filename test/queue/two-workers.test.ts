import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachDatabase, startTestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile } from '../helpers/otp-flow.ts';
import { sendSms } from '../helpers/queue.ts';

const N = 60;

forEachDatabase('two instances draining one queue', (backend) => {
  it(`deliver each of ${N} messages exactly once between them`, { timeout: 30_000 }, async () => {
    const env = { SMS_QUEUE_CONCURRENCY: '4' };
    const a = await startTestApp(backend, { env });
    const b = await startTestApp(backend, { env, shareWith: a });
    try {
      const { secret } = await newKey(a, ['sms:send']);
      const ids = new Set<string>();
      for (let i = 0; i < N; i++) {
        const answer = await sendSms(a, secret, { to: mobile(i), text: `message ${i}` });
        assert.equal(answer.status, 202);
        ids.add(answer.body.id);
      }
      // Both start with every message already due, so their first claims race for the same rows.
      a.app.smsQueue.worker.start();
      b.app.smsQueue.worker.start();
      const deadline = Date.now() + 20_000;
      const unsent = () => a.database.db.selectFrom('sms_logs').select('id').where('status', '!=', 'sent').execute();
      while ((await unsent()).length > 0 && Date.now() < deadline) await sleep(20);
      await Promise.all([a.app.smsQueue.worker.stop(2000), b.app.smsQueue.worker.stop(2000)]);

      assert.deepEqual(await unsent(), []);
      const references = [...a.sink.requests, ...b.sink.requests].map((r) => r.message?.reference);
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
