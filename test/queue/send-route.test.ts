import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile } from '../helpers/otp-flow.ts';
import { logRow, SEND, sendSms } from '../helpers/queue.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer } from '../helpers/session-sign-in.ts';

const TEST_NUMBER = '+989000000001';

forEachDatabase('POST /api/v1/admin/sms/send', (backend) => {
  let t: TestApp;
  let key: string;
  const rows = () => t.database.db.selectFrom('sms_logs').select('id').execute();

  before(async () => {
    t = await startTestApp(backend, { env: { SMS_TEST_NUMBERS: `${TEST_NUMBER}:123456` } });
    key = (await newKey(t, ['sms:send'])).secret;
  });
  after(() => t?.close());

  it('queues a text: 202 with its id, one queued row holding what to send, and no SMS yet', async () => {
    const answer = await sendSms(t, key, { to: '0912 000 0001', text: 'Your order has shipped' });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    assert.deepEqual(Object.keys(answer.body).sort(), ['id', 'status', 'success']);
    assert.equal(answer.body.status, 'queued');
    const row = await logRow(t, answer.body.id);
    assert.equal(row.phone_number, mobile(1));
    assert.equal(row.status, 'queued');
    assert.equal(row.template, null);
    assert.equal(row.text, 'Your order has shipped');
    assert.equal(row.tries, 0);
    assert.ok(row.next_attempt_at !== null && row.queued_at !== null);
    assert.deepEqual(JSON.parse(row.payload!), { text: 'Your order has shipped', params: {}, approvedBy: {} });
    assert.equal(t.sink.requests.length, 0, 'the request itself sends nothing');
  });

  it('a retry with the same Idempotency-Key and body returns the first message and writes no second row', async () => {
    const before = (await rows()).length;
    const body = { to: mobile(2), text: 'Back in stock' };
    const first = await sendSms(t, key, body, 'order-1234-shipped');
    const again = await sendSms(t, key, { to: '09120000002', text: 'Back in stock' }, 'order-1234-shipped');
    assert.equal(first.status, 202);
    assert.equal(again.status, 202);
    assert.equal(again.body.id, first.body.id);
    assert.equal((await rows()).length, before + 1);
  });

  it('the same key with a different body is 422 IDEMPOTENCY_KEY_REUSED; another API key may use it', async () => {
    await sendSms(t, key, { to: mobile(3), text: 'one' }, 'k-reused');
    assertError(await sendSms(t, key, { to: mobile(3), text: 'two' }, 'k-reused'), 'IDEMPOTENCY_KEY_REUSED');
    assertError(await sendSms(t, key, { to: mobile(4), text: 'one' }, 'k-reused'), 'IDEMPOTENCY_KEY_REUSED');
    const other = (await newKey(t, ['sms:send'])).secret;
    const theirs = await sendSms(t, other, { to: mobile(3), text: 'two' }, 'k-reused');
    assert.equal(theirs.status, 202);
  });

  it('twenty concurrent calls with one key make one row and all answer its id', async () => {
    const before = (await rows()).length;
    const body = { to: mobile(5), text: 'concurrent' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => sendSms(t, key, body, 'k-concurrent')));
    assert.deepEqual(
      answers.map((a) => a.status),
      answers.map(() => 202),
    );
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal((await rows()).length, before + 1);
  });

  it('a test number gets a row as sent through provider test, and no SMS', async () => {
    const answer = await sendSms(t, key, { to: TEST_NUMBER, text: 'hello' });
    assert.equal(answer.status, 202);
    assert.equal(answer.body.status, 'sent');
    const row = await logRow(t, answer.body.id);
    assert.deepEqual([row.provider, row.status, row.attempts, row.payload], ['test', 'sent', 0, null]);
  });

  it('refuses bad input before anything is written', async () => {
    const before = (await rows()).length;
    assertError(await sendSms(t, key, { to: '12345', text: 'x' }), 'INVALID_PHONE');
    assertError(await sendSms(t, key, { to: '+14155550123', text: 'x' }), 'INVALID_PHONE');
    assertError(await sendSms(t, key, { to: mobile(6) }), 'VALIDATION_ERROR');
    assertError(await sendSms(t, key, { to: mobile(6), text: 'x', template: 'back_in_stock' }), 'VALIDATION_ERROR');
    // params or a locale with a text would be ignored: refused rather than dropped without a word.
    assertError(await sendSms(t, key, { to: mobile(6), text: 'x', params: { name: 'y' } }), 'VALIDATION_ERROR');
    assertError(await sendSms(t, key, { to: mobile(6), text: 'x', locale: 'fa' }), 'VALIDATION_ERROR');
    assertError(await sendSms(t, key, { text: 'x' }), 'VALIDATION_ERROR');
    assertError(await sendSms(t, key, { to: mobile(6), text: '' }), 'VALIDATION_ERROR');
    assertError(await sendSms(t, key, { to: mobile(6), text: 'x'.repeat(1001) }), 'VALIDATION_ERROR');
    assertError(await sendSms(t, key, { to: mobile(6), template: 'Not A Key' }), 'VALIDATION_ERROR');
    assertError(await sendSms(t, key, { to: mobile(6), template: 'x', params: { a: 1 } }), 'VALIDATION_ERROR');
    assertError(await sendSms(t, key, { to: mobile(6), text: 'x' }, 'has space'), 'VALIDATION_ERROR');
    assertError(await sendSms(t, key, { to: mobile(6), text: 'x' }, 'k'.repeat(256)), 'VALIDATION_ERROR');
    assert.equal((await rows()).length, before);
  });

  it('needs a key (401) holding sms:send (403)', async () => {
    assertError(await t.post(SEND, { to: mobile(7), text: 'x' }), 'UNAUTHORIZED');
    assertError(await t.post(SEND, { to: mobile(7), text: 'x' }, bearer('otpg_not-a-key')), 'UNAUTHORIZED');
    const { secret } = await newKey(t, ['sms:read', 'templates:write', 'providers:read', 'keys:read']);
    const refused = await sendSms(t, secret, { to: mobile(7), text: 'x' });
    assertError(refused, 'FORBIDDEN');
    assert.equal(refused.body.message, 'This API key does not have the sms:send scope');
  });
});
