import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { TEMPLATE_CACHE_TTL_MS } from '../../src/templates/cache.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { mobile, requestCode } from '../helpers/otp-flow.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';
import { adminHeaders, deleteTemplate, filled, LOGIN_FA, putTemplate, TEMPLATES } from './helpers.ts';

const SEEDED = [
  'back_in_stock/en',
  'back_in_stock/fa',
  'otp_login/en',
  'otp_login/fa',
  'otp_phone_change/en',
  'otp_phone_change/fa',
  'phone_changed/en',
  'phone_changed/fa',
  'stock_alert/en',
  'stock_alert/fa',
  'telegram_bot_account_blocked/en',
  'telegram_bot_account_blocked/fa',
  'telegram_bot_alert_cancelled/en',
  'telegram_bot_alert_cancelled/fa',
  'telegram_bot_alerts_cancel_button/en',
  'telegram_bot_alerts_cancel_button/fa',
  'telegram_bot_alerts_list/en',
  'telegram_bot_alerts_list/fa',
  'telegram_bot_alerts_none/en',
  'telegram_bot_alerts_none/fa',
  'telegram_bot_device_unknown/en',
  'telegram_bot_device_unknown/fa',
  'telegram_bot_help/en',
  'telegram_bot_help/fa',
  'telegram_bot_link_conflict/en',
  'telegram_bot_link_conflict/fa',
  'telegram_bot_link_expired/en',
  'telegram_bot_link_expired/fa',
  'telegram_bot_link_help/en',
  'telegram_bot_link_help/fa',
  'telegram_bot_link_unknown/en',
  'telegram_bot_link_unknown/fa',
  'telegram_bot_link_used/en',
  'telegram_bot_link_used/fa',
  'telegram_bot_linked/en',
  'telegram_bot_linked/fa',
  'telegram_bot_login_cancel_button/en',
  'telegram_bot_login_cancel_button/fa',
  'telegram_bot_login_cancelled/en',
  'telegram_bot_login_cancelled/fa',
  'telegram_bot_login_confirm/en',
  'telegram_bot_login_confirm/fa',
  'telegram_bot_login_confirm_button/en',
  'telegram_bot_login_confirm_button/fa',
  'telegram_bot_login_confirmed/en',
  'telegram_bot_login_confirmed/fa',
  'telegram_bot_login_help/en',
  'telegram_bot_login_help/fa',
  'telegram_bot_phone_ask/en',
  'telegram_bot_phone_ask/fa',
  'telegram_bot_phone_blocked/en',
  'telegram_bot_phone_blocked/fa',
  'telegram_bot_phone_button/en',
  'telegram_bot_phone_button/fa',
  'telegram_bot_phone_invalid/en',
  'telegram_bot_phone_invalid/fa',
  'telegram_bot_phone_joined/en',
  'telegram_bot_phone_joined/fa',
  'telegram_bot_phone_kept/en',
  'telegram_bot_phone_kept/fa',
  'telegram_bot_phone_not_own/en',
  'telegram_bot_phone_not_own/fa',
  'telegram_bot_phone_saved/en',
  'telegram_bot_phone_saved/fa',
  'telegram_bot_phone_taken/en',
  'telegram_bot_phone_taken/fa',
  'telegram_bot_stock_alert/en',
  'telegram_bot_stock_alert/fa',
  'telegram_bot_stock_alert_stop_button/en',
  'telegram_bot_stock_alert_stop_button/fa',
  'telegram_bot_stopped/en',
  'telegram_bot_stopped/fa',
  'telegram_bot_welcome/en',
  'telegram_bot_welcome/fa',
  'telegram_linked/en',
  'telegram_linked/fa',
];

forEachDatabase('message templates over the admin API', (backend) => {
  let t: TestApp;
  let read: Record<string, string>;
  let write: Record<string, string>;
  before(async () => {
    t = await startTestApp(backend);
    read = await adminHeaders(t, ['templates:read']);
    write = await adminHeaders(t, ['templates:write']);
  });
  after(() => t?.close());

  const names = (templates: Array<{ key: string; locale: string }>) => templates.map((x) => `${x.key}/${x.locale}`);

  it('lists the seeded templates, by key then locale, and one key on request', async () => {
    const all = await t.get(`${TEMPLATES}?limit=100`, read);
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(names(all.body.templates), SEEDED);
    const stock = all.body.templates.find((x: { key: string }) => x.key === 'back_in_stock');
    assert.deepEqual(stock.placeholders, ['product', 'url']);
    assert.deepEqual(stock.approved, {});
    const one = await t.get(`${TEMPLATES}?key=otp_login`, read);
    assert.deepEqual(names(one.body.templates), ['otp_login/en', 'otp_login/fa']);
  });

  it('gets one template, and answers 404 TEMPLATE_NOT_FOUND for a key or locale that has none', async () => {
    const got = await t.get(`${TEMPLATES}/otp_login/fa`, read);
    assert.equal(got.status, 200);
    assert.equal(got.body.template.body, filled(LOGIN_FA, '{code}', '{minutes}'));
    assert.deepEqual(got.body.template.placeholders, ['code', 'minutes']);
    for (const path of ['otp_login/de', 'order_shipped/fa']) {
      const missing = await t.get(`${TEMPLATES}/${path}`, read);
      assert.deepEqual([missing.status, missing.body.code], [404, 'TEMPLATE_NOT_FOUND'], path);
    }
  });

  it('needs a key (401) holding the route scope (403); a customer’s access token is not staff’s (403)', async () => {
    const user = await signIn(t, mobile(9101));
    const body = { body: 'Your order {order} has shipped.' };
    const cases: Array<[string, Promise<{ status: number; body: any }>, number, string?]> = [
      ['list without a key', t.get(TEMPLATES), 401],
      ['list with an access token', t.get(TEMPLATES, bearer(user.accessToken)), 403, 'STAFF_ONLY'],
      ['list with templates:write only', t.get(TEMPLATES, write), 403],
      ['get with templates:write only', t.get(`${TEMPLATES}/otp_login/fa`, write), 403],
      ['put without a key', putTemplate(t, 'order_shipped', 'en', body, {}), 401],
      ['put with templates:read only', putTemplate(t, 'order_shipped', 'en', body, read), 403],
      ['delete with templates:read only', deleteTemplate(t, 'back_in_stock', 'en', read), 403],
      ['delete with an unknown key', deleteTemplate(t, 'back_in_stock', 'en', bearer('otpg_nope')), 401],
    ];
    for (const [what, answer, status, code] of cases) {
      const { status: got, body: envelope } = await answer;
      assert.deepEqual([got, envelope.code], [status, code ?? (status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN')], what);
    }
    const untouched = await t.get(`${TEMPLATES}/back_in_stock/en`, read);
    assert.equal(untouched.status, 200, 'the refused delete deleted nothing');
    assert.equal((await t.get(`${TEMPLATES}/order_shipped/en`, read)).status, 404, 'the refused put wrote nothing');
  });

  it('creates, replaces and deletes a template of the shop', async () => {
    const approved = { smsir: { id: '100200', args: ['order', 'eta'] } };
    const created = await putTemplate(
      t,
      'order_shipped',
      'en',
      { body: 'Order {order} ships {eta}.', approved },
      write,
    );
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.created, true);
    assert.deepEqual(created.body.template.placeholders, ['order', 'eta']);
    assert.deepEqual(created.body.template.approved, approved);

    const replaced = await putTemplate(t, 'order_shipped', 'en', { body: 'Order {order} is on its way.' }, write);
    assert.deepEqual([replaced.status, replaced.body.created], [200, false]);
    assert.deepEqual(replaced.body.template.approved, {});
    assert.equal(replaced.body.template.created_at, created.body.template.created_at);
    assert.equal(
      (await t.get(`${TEMPLATES}/order_shipped/en`, read)).body.template.body,
      'Order {order} is on its way.',
    );

    const deleted = await deleteTemplate(t, 'order_shipped', 'en', write);
    assert.deepEqual([deleted.status, deleted.body.success], [200, true]);
    assert.equal((await t.get(`${TEMPLATES}/order_shipped/en`, read)).status, 404);
    const again = await deleteTemplate(t, 'order_shipped', 'en', write);
    assert.deepEqual([again.status, again.body.code], [404, 'TEMPLATE_NOT_FOUND']);
  });

  it('refuses templates that would break a message, saying why, and stores none of them', async () => {
    const refused: Array<[string, string, string, object, RegExp]> = [
      ['Bad_Key', 'en', 'a key in upper case', { body: 'x' }, /key/],
      ['promo', 'english', 'a locale that is not a language code', { body: 'x' }, /locale/],
      ['promo', 'en', 'an empty body', { body: '' }, /body/],
      ['promo', 'en', 'a body of spaces', { body: '   ' }, /body is empty/],
      ['promo', 'en', 'a malformed placeholder', { body: 'Hi {Name}' }, /placeholder/],
      ['promo', 'en', 'an unclosed placeholder', { body: 'Hi {name' }, /placeholder/],
      [
        'promo',
        'en',
        'an unknown provider',
        { body: 'Hi {name}', approved: { magfa: { id: '1', args: [] } } },
        /magfa/,
      ],
      [
        'promo',
        'en',
        'a provider named after an object property',
        { body: 'Hi {name}', approved: { constructor: { id: '1', args: [] } } },
        /constructor/,
      ],
      [
        'promo',
        'en',
        'an argument that is not a placeholder of the body',
        { body: 'Hi {name}', approved: { kavenegar: { id: 'promo', args: ['code'] } } },
        /"code" is not a placeholder/,
      ],
      [
        'promo',
        'en',
        'a Melipayamak bodyId that is not a number',
        { body: 'Hi {name}', approved: { melipayamak: { id: 'abc', args: ['name'] } } },
        /melipayamak/,
      ],
      ['otp_login', 'en', 'a code message without {code}', { body: 'Welcome back!' }, /must contain \{code\}/],
      [
        'otp_login',
        'en',
        'a code message with a value the sender lacks',
        { body: '{code} for {product}' },
        /\{product\}/,
      ],
    ];
    for (const [key, locale, what, body, message] of refused) {
      const answer = await putTemplate(t, key, locale, body, write);
      assert.deepEqual([answer.status, answer.body.code], [400, 'VALIDATION_ERROR'], what);
      assert.match(answer.body.message, message, what);
    }
    const all = await t.get(`${TEMPLATES}?limit=100`, read);
    assert.deepEqual(names(all.body.templates), SEEDED);
    assert.match((await t.get(`${TEMPLATES}/otp_login/en`, read)).body.template.body, /^Your sign-in code/);
  });

  it("refuses to delete the last locale of the service's own templates (409), and deletes the others", async () => {
    assert.equal((await deleteTemplate(t, 'otp_phone_change', 'en', write)).status, 200);
    const last = await deleteTemplate(t, 'otp_phone_change', 'fa', write);
    assert.deepEqual([last.status, last.body.code], [409, 'TEMPLATE_REQUIRED']);
    assert.equal((await t.get(`${TEMPLATES}/otp_phone_change/fa`, read)).status, 200);
    // The notice to the old number after a phone change is the service's own too.
    assert.equal((await deleteTemplate(t, 'phone_changed', 'en', write)).status, 200);
    const notice = await deleteTemplate(t, 'phone_changed', 'fa', write);
    assert.deepEqual([notice.status, notice.body.code], [409, 'TEMPLATE_REQUIRED']);
    assert.equal((await t.get(`${TEMPLATES}/phone_changed/fa`, read)).status, 200);
    // A shop template has no such guard: its last locale goes.
    assert.equal((await deleteTemplate(t, 'back_in_stock', 'en', write)).status, 200);
    assert.equal((await deleteTemplate(t, 'back_in_stock', 'fa', write)).status, 200);
    assert.equal((await t.get(`${TEMPLATES}?key=back_in_stock`, read)).body.templates.length, 0);
  });

  it('an edit takes effect on the next code request of this instance, and of another within the cache period', async () => {
    const other = await startTestApp(backend, { shareWith: t });
    try {
      // Both instances have read the templates before the edit.
      assert.equal((await requestCode(t, mobile(9102))).status, 200);
      assert.equal((await requestCode(other, mobile(9103))).status, 200);

      const body = 'Shop code {code} (valid {minutes} min)';
      assert.equal((await putTemplate(t, 'otp_login', 'fa', { body }, write)).status, 200);
      assert.equal((await requestCode(t, mobile(9104))).status, 200);
      assert.match(t.sink.messagesTo(mobile(9104))[0]?.message?.text ?? '', /^Shop code \d{6} \(valid 5 min\)$/);

      assert.equal((await requestCode(other, mobile(9105))).status, 200);
      assert.match(other.sink.messagesTo(mobile(9105))[0]?.message?.text ?? '', /^کد ورود شما/, 'still cached');
      t.clock.advance(TEMPLATE_CACHE_TTL_MS);
      assert.equal((await requestCode(other, mobile(9106))).status, 200);
      assert.match(other.sink.messagesTo(mobile(9106))[0]?.message?.text ?? '', /^Shop code \d{6}/);
    } finally {
      await other.close();
    }
  });
});
