import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { mobile, requestCode, verifyCode, withApp, wrongCode } from '../helpers/otp-flow.ts';

/** The code as a number of its own, not as part of a longer run of digits (a timing, a port). */
const standalone = (code: string) => new RegExp(`(?<!\\d)${code}(?!\\d)`);

/** Every code any gateway was handed in this app. */
const codesSent = (t: TestApp) => t.sink.requests.map((r) => r.message?.params.code ?? '').filter(Boolean);

forEachDatabase('codes and numbers stay secret with a live provider', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { WEBOTP_DOMAIN: 'shop.example' } });
  });
  after(() => t?.close());

  it('never puts the code in a response of the sign-in flow', async () => {
    const phone = mobile(5001);
    const sent = await requestCode(t, phone);
    const code = t.sink.lastCode(phone)!;
    const wrong = await verifyCode(t, phone, wrongCode(code));
    const right = await verifyCode(t, phone, code);
    assert.deepEqual([sent.status, wrong.status, right.status], [200, 400, 200]);
    for (const answer of [sent, wrong, right]) {
      assert.doesNotMatch(answer.raw, standalone(code));
      assert.doesNotMatch(JSON.stringify(answer.headers), standalone(code));
    }
  });

  it('stores the message in sms_logs with every occurrence of the code masked', async () => {
    const phone = mobile(5002);
    assert.equal((await requestCode(t, phone)).status, 200);
    const code = t.sink.lastCode(phone)!;
    const delivered = t.sink.messagesTo(phone)[0]!.message!.text;
    const body = 'کد ورود شما: CODE\nاین کد تا 5 دقیقه معتبر است. آن را به کسی ندهید.\n\n@shop.example #CODE';
    assert.equal(delivered, body.replaceAll('CODE', code));
    const row = await t.database.db
      .selectFrom('sms_logs')
      .select(['text', 'error_message'])
      .where('phone_number', '=', phone)
      .executeTakeFirstOrThrow();
    assert.equal(row.text, body.replaceAll('CODE', '******'));
    assert.equal(row.error_message, null);
  });

  it('keeps codes and full numbers out of the log, and names a number only masked', async () => {
    const phone = '+989127654321';
    // A refusal (400), not a 5xx: a send that may have arrived would hold the number's resend window.
    t.sink.answerNext({ status: 400 });
    assert.equal((await requestCode(t, phone)).status, 503);
    assert.equal((await requestCode(t, '0912 765 4321')).status, 200);
    const code = t.sink.lastCode(phone)!;
    await verifyCode(t, phone, wrongCode(code));
    assert.equal((await verifyCode(t, phone, code)).status, 200);

    const log = t.logs.text();
    // The failed send is logged, with the number masked: the check below has something to look at.
    assert.match(log, /"to":"\+98912\*\*\*4321"/);
    assert.ok(!log.includes('9127654321'), 'a full number is in the log');
    for (const sent of codesSent(t)) assert.doesNotMatch(log, standalone(sent));
  });
});

forEachDatabase('the development fallback', (backend) => {
  it('writes the code to its log line, which is how a developer signs in, and still masks the number', async () => {
    await withApp(backend, { SMS_PROVIDER: 'console', NODE_ENV: 'development' }, async (t) => {
      const phone = '+989127654321';
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.equal(t.sink.requests.length, 0);

      const lines = t.logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const fallback = lines.filter((line) => line.msg === 'development SMS fallback: message not sent');
      assert.equal(fallback.length, 1);
      const code = String(fallback[0]!.code);
      assert.match(code, /^\d{6}$/);
      assert.equal(fallback[0]!.to, '+98912***4321');
      assert.equal((await verifyCode(t, phone, code)).status, 200);

      assert.ok(!t.logs.text().includes('9127654321'), 'a full number is in the log');
      const stored = await t.database.db.selectFrom('sms_logs').select(['provider', 'text']).execute();
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.provider, 'console');
      assert.doesNotMatch(stored[0]!.text, standalone(code));
    });
  });
});
