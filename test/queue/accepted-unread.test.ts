import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile, withApp } from '../helpers/otp-flow.ts';
import { backdate, logRow, sendSms } from '../helpers/queue.ts';
import { withProviders } from '../helpers/sms-fakes.ts';

const HOUR = 60 * 60_000;

async function queued(t: TestApp, to: string): Promise<string> {
  const { secret } = await newKey(t, ['sms:send']);
  const answer = await sendSms(t, secret, { to, text: 'Your order has shipped' });
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  return answer.body.id;
}

/** Runs the worker again and again, with every retry made due, as a queue left alone for hours would. */
async function runForHours(t: TestApp): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await backdate(t, 'next_attempt_at', HOUR);
    await t.app.smsQueue.worker.runOnce();
  }
}

/**
 * A provider that answered 2xx took the message, even when its answer is not its API's: trying the message
 * again, or handing it to the next provider, would put it on the phone twice.
 */
forEachDatabase('a queued message a provider took with an answer that cannot be read', (backend) => {
  for (const [name, body] of [
    ['an id of 200 characters', JSON.stringify({ id: '9'.repeat(200) })],
    ['an id JSON cannot carry exactly', '{"id": 123456789012345678901234567890123456789}'],
    ['an answer over 64 KiB', JSON.stringify({ id: 'x', padding: 'p'.repeat(70_000) })],
  ] as const) {
    it(`is sent once and never again: ${name}`, async () => {
      await withApp(backend, {}, async (t) => {
        t.sink.answerAll({ status: 200, body });
        const id = await queued(t, mobile(1));
        await t.app.smsQueue.worker.runOnce();
        await runForHours(t);
        assert.equal(t.sink.messagesTo(mobile(1)).length, 1, 'the gateway got the message once');
        const row = await logRow(t, id);
        assert.equal(row.status, 'sent');
        assert.equal(row.provider_message_id, null, 'no id that is not one is stored');
        assert.match(row.error_code ?? '', /^(BAD_MESSAGE_ID|ANSWER_TOO_LARGE)$/);
        assert.equal(row.tries, 1);
      });
    });
  }

  it('is not handed to the next provider', async () => {
    await withProviders(backend, ['kavenegar', 'smsir'], {}, async (t, fakes) => {
      fakes.kavenegar.answerNext({ status: 200, body: JSON.stringify({ id: 'x', padding: 'p'.repeat(70_000) }) });
      const id = await queued(t, mobile(2));
      await t.app.smsQueue.worker.runOnce();
      await runForHours(t);
      assert.equal(fakes.kavenegar.requests.filter((r) => r.call === 'sms/send').length, 1);
      assert.equal(fakes.smsir.requests.length, 0, 'the next provider was not asked to send it again');
      const row = await logRow(t, id);
      assert.deepEqual([row.status, row.provider, row.error_code], ['sent', 'kavenegar', 'ANSWER_TOO_LARGE']);
    });
  });
});
