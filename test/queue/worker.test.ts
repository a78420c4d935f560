import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile, withApp } from '../helpers/otp-flow.ts';
import { backdate, logRow, sendSms } from '../helpers/queue.ts';
import { withProviders } from '../helpers/sms-fakes.ts';

const TEN_MINUTES = 10 * 60_000;

async function queue(t: TestApp, body: Record<string, unknown>): Promise<string> {
  const { secret } = await newKey(t, ['sms:send']);
  const answer = await sendSms(t, secret, body);
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  return answer.body.id;
}

forEachDatabase('the SMS queue worker', (backend) => {
  it('delivers a queued message once, with its row id as the reference, and clears what it sent', async () => {
    await withApp(backend, {}, async (t) => {
      const id = await queue(t, { to: mobile(1), text: 'Your order has shipped' });
      assert.equal(await t.app.smsQueue.worker.runOnce(), 1);
      assert.equal(await t.app.smsQueue.worker.runOnce(), 0, 'nothing is left to claim');
      const [request, ...more] = t.sink.requests;
      assert.equal(more.length, 0);
      assert.deepEqual(request?.message, {
        to: mobile(1),
        text: 'Your order has shipped',
        template: 'text',
        params: {},
        reference: id,
      });
      const row = await logRow(t, id);
      assert.deepEqual(
        [row.status, row.provider, row.provider_message_id, row.tries, row.attempts, row.payload, row.lease_until],
        ['sent', 'webhook', request!.id, 1, 1, null, null],
      );
      assert.ok(row.sent_at !== null && row.sending_at !== null && row.queued_at !== null);
      assert.equal(row.poll_at, null, 'the webhook reports no delivery, so nothing is polled');
    });
  });

  it('renders a template at enqueue and masks a code in the stored text', async () => {
    await withApp(backend, {}, async (t) => {
      const params = { product: 'Kettle', url: 'https://shop.example/k' };
      const id = await queue(t, { to: mobile(2), template: 'back_in_stock', params, locale: 'en' });
      const queued = await logRow(t, id);
      assert.deepEqual([queued.template, queued.locale], ['back_in_stock', 'en']);
      await t.app.smsQueue.worker.runOnce();
      const sent = t.sink.requests.at(-1)?.message;
      assert.equal(sent?.text, 'Kettle is back in stock.\nBuy it here: https://shop.example/k');
      assert.equal(sent?.template, 'back_in_stock');
      const { secret } = await newKey(t, ['sms:send']);
      const missing = await sendSms(t, secret, { to: mobile(2), template: 'back_in_stock', params: {} });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.code, 'TEMPLATE_PARAMS_MISSING');
      const unknown = await sendSms(t, secret, { to: mobile(2), template: 'no_such_template', params: {} });
      assert.equal(unknown.body.code, 'TEMPLATE_NOT_FOUND');
    });
  });

  it('a transport failure is tried again after a jittered backoff: one row, tries and attempts counted', async () => {
    await withApp(backend, {}, async (t) => {
      const id = await queue(t, { to: mobile(3), text: 'retry me' });
      t.sink.answerNext({ status: 503 });
      await t.app.smsQueue.worker.runOnce();
      const waiting = await logRow(t, id);
      assert.deepEqual(
        [waiting.status, waiting.tries, waiting.attempts, waiting.error_code],
        ['queued', 1, 1, 'HTTP_503'],
      );
      const wait = waiting.next_attempt_at! - Date.now();
      assert.ok(wait >= -50 && wait <= 10_000, `the first retry waits up to 10 s (waits ${wait} ms)`);
      assert.ok(waiting.payload !== null, 'what to send is kept for the retry');
      if (wait > 50) assert.equal(await t.app.smsQueue.worker.runOnce(), 0, 'not before its time');

      await backdate(t, 'next_attempt_at', 10_000);
      assert.equal(await t.app.smsQueue.worker.runOnce(), 1);
      const sent = await logRow(t, id);
      assert.deepEqual([sent.status, sent.tries, sent.attempts, sent.error_code], ['sent', 2, 2, null]);
      assert.deepEqual(
        t.sink.requests.map((r) => r.message?.reference),
        [id, id],
      );
      assert.equal((await t.database.db.selectFrom('sms_logs').select('id').execute()).length, 1);
    });
  });

  it('gives up after SMS_QUEUE_MAX_ATTEMPTS tries with a final failed status', async () => {
    await withApp(backend, { SMS_QUEUE_MAX_ATTEMPTS: '3' }, async (t) => {
      const id = await queue(t, { to: mobile(4), text: 'never arrives' });
      t.sink.answerAll({ status: 502 });
      for (let i = 0; i < 5; i++) {
        await t.app.smsQueue.worker.runOnce();
        await backdate(t, 'next_attempt_at', TEN_MINUTES);
      }
      const row = await logRow(t, id);
      assert.deepEqual(
        [row.status, row.tries, row.attempts, row.error_code, row.payload, row.next_attempt_at],
        ['failed', 3, 3, 'HTTP_502', null, null],
      );
      assert.ok(row.final_at !== null);
      assert.equal(t.sink.requests.length, 3);
    });
  });

  it('a refusal of the recipient or of the text ends the message at once as failed', async () => {
    await withProviders(backend, ['kavenegar'], {}, async (t, fakes) => {
      const refusedNumber = await queue(t, { to: mobile(5), text: 'hello' });
      fakes.kavenegar.answerNext({ code: 411 });
      await t.app.smsQueue.worker.runOnce();
      const refusedText = await queue(t, { to: mobile(6), text: 'hello' });
      fakes.kavenegar.answerNext({ code: 413, style: 'body' });
      await t.app.smsQueue.worker.runOnce();
      await backdate(t, 'next_attempt_at', TEN_MINUTES);
      assert.equal(await t.app.smsQueue.worker.runOnce(), 0);
      for (const [id, code] of [
        [refusedNumber, '411'],
        [refusedText, '413'],
      ] as const) {
        const row = await logRow(t, id);
        assert.deepEqual([row.status, row.tries, row.error_code, row.payload], ['failed', 1, code, null]);
      }
      assert.equal(fakes.kavenegar.requests.length, 2);
    });
  });

  it('the running worker is woken by a message queued here, and stops when told', async () => {
    await withApp(backend, {}, async (t) => {
      const { worker } = t.app.smsQueue;
      worker.start();
      try {
        await sleep(150);
        const id = await queue(t, { to: mobile(7), text: 'now' });
        const queuedAt = Date.now();
        while (t.sink.requests.length === 0 && Date.now() - queuedAt < 2000) await sleep(5);
        const took = Date.now() - queuedAt;
        assert.ok(took < 500, `delivered ${took} ms after it was queued (the idle poll is 1000 ms)`);
        while ((await logRow(t, id)).status !== 'sent' && Date.now() - queuedAt < 2000) await sleep(5);
        assert.equal((await logRow(t, id)).status, 'sent');
      } finally {
        await worker.stop(1000);
      }
      await queue(t, { to: mobile(8), text: 'after the stop' });
      await sleep(1200);
      assert.equal(t.sink.requests.length, 1, 'a stopped worker sends nothing');
    });
  });
});
