import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { issueCode, mobile } from '../helpers/otp-flow.ts';
import { logRow, sendSms } from '../helpers/queue.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer } from '../helpers/session-sign-in.ts';
import { lastLogOf, putTemplate } from '../templates/helpers.ts';

const PHISHING = 'https://evil.example/login';

forEachDatabase("the service's own templates and codes", (backend) => {
  let t: TestApp;
  let key: string;
  const rows = () => t.database.db.selectFrom('sms_logs').select('id').execute();

  before(async () => {
    t = await startTestApp(backend);
    key = (await newKey(t, ['sms:send'])).secret;
  });
  after(() => t?.close());

  it('a key cannot send the code messages or the phone-change notice: 403 TEMPLATE_RESERVED, nothing queued', async () => {
    const before = (await rows()).length;
    const attempts = [
      { template: 'otp_login', params: { code: PHISHING, minutes: '5' } },
      { template: 'otp_phone_change', params: { code: PHISHING, minutes: '5' }, locale: 'en' },
      { template: 'phone_changed', params: { phone: PHISHING } },
      { template: 'telegram_linked', params: { telegram: PHISHING } },
    ];
    for (const attempt of attempts) {
      const answer = await sendSms(t, key, { to: mobile(1), ...attempt });
      assertError(answer, 'TEMPLATE_RESERVED');
      assert.match(answer.body.message, new RegExp(attempt.template));
    }
    // Refused before the Idempotency-Key is looked at or anything rendered.
    assertError(await sendSms(t, key, { to: mobile(1), ...attempts[0] }, 'reserved-1'), 'TEMPLATE_RESERVED');
    assert.equal((await rows()).length, before);
    assert.equal(t.sink.requests.length, 0);
  });

  it("a caller's `code` parameter is its own text: the delivery log keeps it unmasked", async () => {
    const write = bearer((await newKey(t, ['templates:write'])).secret);
    const saved = await putTemplate(t, 'coupon', 'en', { body: 'Your discount code: {code}. Shop at {url}' }, write);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const params = { code: 'SAVE20', url: PHISHING };
    const answer = await sendSms(t, key, { to: mobile(2), template: 'coupon', params, locale: 'en' });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    const row = await logRow(t, answer.body.id);
    assert.equal(row.text, `Your discount code: SAVE20. Shop at ${PHISHING}`);
  });

  it('a code the service issued is still masked in the log', async () => {
    const phone = mobile(3);
    const code = await issueCode(t, phone);
    const row = await lastLogOf(t, phone);
    assert.equal(row.template, 'otp_login');
    assert.ok(!row.text.includes(code), row.text);
    assert.ok(row.text.includes('*'.repeat(code.length)), row.text);
  });
});
