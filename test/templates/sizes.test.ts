import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile } from '../helpers/otp-flow.ts';
import { logRow, sendSms } from '../helpers/queue.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer } from '../helpers/session-sign-in.ts';
import { putTemplate } from './helpers.ts';

const fa = (n: number) => 'س'.repeat(n);

forEachDatabase('message sizes', (backend) => {
  let t: TestApp;
  let send: string;
  let write: Record<string, string>;
  const rows = () => t.database.db.selectFrom('sms_logs').select('id').execute();

  before(async () => {
    // SMS_MAX_PARTS is left at its default, 4.
    t = await startTestApp(backend);
    send = (await newKey(t, ['sms:send'])).secret;
    write = bearer((await newKey(t, ['templates:write'])).secret);
  });
  after(() => t?.close());

  it('a body over 1000 characters and a value over 500 are refused as VALIDATION_ERROR', async () => {
    assertError(await putTemplate(t, 'long_body', 'en', { body: 'x'.repeat(1001) }, write), 'VALIDATION_ERROR');
    const saved = await putTemplate(t, 'note', 'en', { body: 'Note: {text}' }, write);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const long = { to: mobile(1), template: 'note', params: { text: 'x'.repeat(501) }, locale: 'en' };
    assertError(await sendSms(t, send, long), 'VALIDATION_ERROR');
  });

  it('a rendered message over SMS_MAX_PARTS SMS is 422 MESSAGE_TOO_LONG, and nothing is queued', async () => {
    // A short body whose placeholder repeats: 20 × 500 characters from a 2 KB request.
    const body = Array.from({ length: 20 }, () => '{v}').join(' ');
    assert.equal((await putTemplate(t, 'repeat', 'en', { body }, write)).status, 200);
    const before = (await rows()).length;
    const refused = await sendSms(t, send, { to: mobile(2), template: 'repeat', params: { v: 'x'.repeat(500) } });
    assertError(refused, 'MESSAGE_TOO_LONG');
    assert.match(refused.body.message, /at most 4/);
    // Free text is measured the same way: 613 GSM-7 characters are 5 SMS.
    assertError(await sendSms(t, send, { to: mobile(2), text: 'x'.repeat(613) }), 'MESSAGE_TOO_LONG');
    assert.equal((await rows()).length, before);
  });

  it('four SMS are the limit: 612 GSM-7 or 268 Persian characters pass, one more does not', async () => {
    for (const text of ['x'.repeat(612), fa(268), `${'x'.repeat(610)}€`]) {
      const answer = await sendSms(t, send, { to: mobile(3), text });
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
      assert.equal((await logRow(t, answer.body.id)).text, text);
    }
    for (const text of ['x'.repeat(613), fa(269), `${'x'.repeat(611)}€`]) {
      assertError(await sendSms(t, send, { to: mobile(3), text }), 'MESSAGE_TOO_LONG');
    }
    const three = { to: mobile(3), template: 'repeat', params: { v: 'x'.repeat(20) } };
    assert.equal((await sendSms(t, send, three)).status, 202, 'a repeated placeholder that fits is sent');
  });

  it('a template body that cannot fit even with one-character values is refused when saved', async () => {
    assertError(await putTemplate(t, 'essay', 'fa', { body: fa(269) }, write), 'MESSAGE_TOO_LONG');
    assertError(
      await putTemplate(t, 'essay', 'fa', { body: `${fa(262)} {a}{b}{c}{d}{e}{f}{g}` }, write),
      'MESSAGE_TOO_LONG',
    );
    assert.equal((await putTemplate(t, 'essay', 'fa', { body: fa(268) }, write)).status, 200);
    // A code message is measured with the longest code the service sends in it (OTP_LENGTH digits).
    const code = { body: `${fa(263)}{code}` };
    assertError(await putTemplate(t, 'otp_login', 'fa', code, write), 'MESSAGE_TOO_LONG');
    assert.equal((await putTemplate(t, 'otp_login', 'fa', { body: `${fa(262)}{code}` }, write)).status, 200);
  });
});
