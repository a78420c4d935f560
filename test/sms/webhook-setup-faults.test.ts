import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../helpers/app.ts';
import { mobile, requestCode, verifyCode } from '../helpers/otp-flow.ts';
import { codeIn, providerStates, smsLogsOf, withProviders } from '../helpers/sms-fakes.ts';

const WEBHOOK_FIRST = ['webhook', 'kavenegar'];

/**
 * A 4xx other than 400 and 422 from the webhook's gateway is its own fault or its setup's (a typo in
 * SMS_WEBHOOK_URL's path answers 404), not a refusal of the number: read as a refusal, every code would
 * fail with no failover while health still called the gateway fine.
 */
forEachDatabase('webhook answers that say its gateway or its setup is wrong', (backend) => {
  it('a webhook answering 404 fails over and the code arrives; SMS_BREAKER_FAILURES of them open its circuit', async () => {
    await withProviders(backend, WEBHOOK_FIRST, { SMS_BREAKER_FAILURES: '3' }, async (t, { kavenegar }) => {
      t.sink.answerAll({ status: 404, body: '<html>Not Found</html>' });
      for (const n of [1, 2, 3]) {
        const phone = mobile(7600 + n);
        const from = { ip: `10.0.76.${n}` };
        const answer = await requestCode(t, phone, from);
        assert.equal(answer.status, 200, answer.raw);
        assert.deepEqual(
          (await smsLogsOf(t, phone)).map(({ provider, status, attempts }) => ({ provider, status, attempts })),
          [{ provider: 'kavenegar', status: 'sent', attempts: 2 }],
        );
        const code = codeIn(kavenegar.requests.at(-1)?.fields.message);
        assert.equal((await verifyCode(t, phone, code, from)).status, 200);
        const expected = n < 3 ? 'closed' : 'open';
        assert.deepEqual(await providerStates(t), [
          { name: 'webhook', state: expected },
          { name: 'kavenegar', state: 'closed' },
        ]);
      }
      assert.equal(t.sink.requests.length, 3);

      assert.equal((await requestCode(t, mobile(7604), { ip: '10.0.76.4' })).status, 200);
      assert.equal(t.sink.requests.length, 3, 'the open circuit keeps the webhook out of the next send');
      assert.equal(kavenegar.issued.length, 4);
    });
  });

  it('402, 405, 409, 410, 413, 415 and 451 fail over too, and each counts against the circuit', async () => {
    const statuses = [402, 405, 409, 410, 413, 415, 451];
    const env = { SMS_BREAKER_FAILURES: String(statuses.length) };
    await withProviders(backend, WEBHOOK_FIRST, env, async (t, { kavenegar }) => {
      for (const [i, status] of statuses.entries()) {
        t.sink.answerNext({ status });
        const answer = await requestCode(t, mobile(7610 + i), { ip: `10.0.77.${i}` });
        assert.equal(answer.status, 200, `HTTP ${status}: ${answer.raw}`);
        assert.equal(kavenegar.issued.length, i + 1, `HTTP ${status} is failed over`);
      }
      assert.equal((await providerStates(t))[0]?.state, 'open');
    });
  });
});
