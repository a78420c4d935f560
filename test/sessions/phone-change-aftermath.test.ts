import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, it } from 'node:test';
import { maskPhone } from '../../src/phone/parse.ts';
import { TEMPLATE_CACHE_TTL_MS } from '../../src/templates/cache.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { confirmChange, phoneOf, requestChangeCode } from '../helpers/session-phone-change.ts';
import { bearer, freshPhone, meStatus, refresh, signIn } from '../helpers/session-sign-in.ts';
import { adminHeaders, deleteTemplate } from '../templates/helpers.ts';

const NOTICE_EN = (masked: string) =>
  `The mobile number of your account was changed to ${masked}; this number no longer signs in to it. ` +
  'If you did not do this, contact support at once.';
const NOTICE_FA = (masked: string) =>
  `شماره موبایل حساب شما به ${masked} تغییر کرد و این شماره دیگر به آن حساب وصل نیست. ` +
  'اگر این کار را شما نکرده‌اید، فوراً با پشتیبانی تماس بگیرید.';

forEachDatabase('after a phone change', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_RESEND_SECONDS: '1' } });
  });
  after(() => t?.close());

  /** Moves the account of `accessToken` to a fresh number; returns it. */
  async function change(accessToken: string): Promise<string> {
    const target = freshPhone();
    const { code } = await requestChangeCode(t, accessToken, target);
    const confirmed = await confirmChange(t, accessToken, target, code!);
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    return target;
  }

  /** Delivers what the queue holds, as a running worker would. */
  const drainQueue = async () => {
    while ((await t.app.smsQueue.worker.runOnce()) > 0);
  };

  it('every other session of the account ends, refreshed ones too; the session that changed it goes on', async () => {
    const phone = freshPhone();
    const changer = await signIn(t, phone);
    await sleep(1100); // the resend window keeps real time
    const other = await signIn(t, phone);
    await sleep(1100);
    const refreshedOther = await signIn(t, phone);
    const renewed = await refresh(t, refreshedOther.refreshToken);
    assert.equal(renewed.status, 200);
    const stranger = await signIn(t);
    for (const token of [other.accessToken, renewed.body.access_token]) assert.equal(await meStatus(t, token), 200);

    await change(changer.accessToken);

    for (const token of [other.accessToken, refreshedOther.accessToken, renewed.body.access_token]) {
      assertError(await t.get('/api/v1/auth/me', bearer(token)), 'UNAUTHORIZED');
    }
    for (const token of [other.refreshToken, renewed.body.refresh_token]) {
      assertError(await refresh(t, token), 'UNAUTHORIZED');
    }
    assert.equal(await meStatus(t, changer.accessToken), 200);
    const next = await refresh(t, changer.refreshToken);
    assert.equal(next.status, 200, JSON.stringify(next.body));
    assert.equal(await meStatus(t, next.body.access_token), 200);
    // Another account's session is not touched.
    assert.equal(await meStatus(t, stranger.accessToken), 200);
    assert.equal((await refresh(t, stranger.refreshToken)).status, 200);
  });

  it('the old number gets a phone_changed notice in the stored locale, naming the new number masked', async () => {
    const user = await signIn(t);
    const patched = await t.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { locale: 'en' },
      headers: bearer(user.accessToken),
    });
    assert.equal(patched.statusCode, 200);
    const target = await change(user.accessToken);
    await drainQueue();

    const notices = t.sink.messagesTo(user.phone).filter((m) => m.message?.template === 'phone_changed');
    assert.equal(notices.length, 1);
    const notice = notices[0]!.message!;
    assert.equal(notice.text, NOTICE_EN(maskPhone(target)));
    assert.ok(!notice.text.includes(target.slice(-7)), `the new number is not in full: ${notice.text}`);
    assert.ok(!JSON.stringify(notice.params).includes(target), 'nor in the params a template provider gets');
    assert.equal(t.sink.messagesTo(target).filter((m) => m.message?.template === 'phone_changed').length, 0);
  });

  it('without a stored locale the notice is in Persian', async () => {
    const user = await signIn(t);
    const target = await change(user.accessToken);
    await drainQueue();
    const notice = t.sink.messagesTo(user.phone).find((m) => m.message?.template === 'phone_changed')?.message;
    assert.equal(notice?.text, NOTICE_FA(maskPhone(target)));
  });

  it('the admin API keeps a last locale of phone_changed (409 TEMPLATE_REQUIRED), so the notice still goes', async () => {
    const write = await adminHeaders(t, ['templates:write']);
    assert.equal((await deleteTemplate(t, 'phone_changed', 'en', write)).status, 200);
    const last = await deleteTemplate(t, 'phone_changed', 'fa', write);
    assert.deepEqual([last.status, last.body.code], [409, 'TEMPLATE_REQUIRED']);

    const user = await signIn(t);
    const target = await change(user.accessToken);
    await drainQueue();
    const notice = t.sink.messagesTo(user.phone).find((m) => m.message?.template === 'phone_changed')?.message;
    assert.equal(notice?.text, NOTICE_FA(maskPhone(target)));
  });

  it('a notice that cannot be queued is logged, and the change stands', async () => {
    // The admin API refuses to delete the template's last locale, so it goes the way only the database
    // allows; the render cache sees that once its period is over.
    await t.database.db.deleteFrom('sms_templates').where('key', '=', 'phone_changed').execute();
    t.clock.advance(TEMPLATE_CACHE_TTL_MS);
    const user = await signIn(t);
    const target = await change(user.accessToken);
    assert.equal(await phoneOf(t, user.accessToken), target);
    await drainQueue();
    assert.equal(t.sink.messagesTo(user.phone).filter((m) => m.message?.template === 'phone_changed').length, 0);
    assert.match(t.logs.text(), /phone-change notice to the old number could not be queued/);
    assert.ok(!t.logs.text().includes(user.phone), 'the old number is masked in the log');
  });
});
