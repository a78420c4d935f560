import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { createStaff } from '../../src/staff/service.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';
import { adminHeaders, TEMPLATES } from './helpers.ts';

const PREVIEW = `${TEMPLATES}/preview`;

/**
 * POST /api/v1/admin/sms/templates/preview: what the console's editor shows as its user types. The counts
 * are written out here (70 and 67 for Persian, 160 and 153 for GSM-7), not taken from the code that counts.
 */
forEachDatabase('the template preview of the admin API', (backend) => {
  let t: TestApp;
  let reader: Record<string, string>;
  before(async () => {
    t = await startTestApp(backend, {
      env: { WEBOTP_DOMAIN: 'shop.example', OTP_LENGTH: '7', OTP_TTL_SECONDS: '300' },
    });
    reader = await adminHeaders(t, ['templates:read']);
  });
  after(() => t?.close());

  const preview = async (body: object, headers = reader) => {
    const res = await t.inject({ method: 'POST', url: PREVIEW, payload: body, headers });
    return { status: res.statusCode, body: res.json(), headers: res.headers as Record<string, unknown> };
  };

  it('Persian is UCS-2: 70 characters are one SMS, 71 are two parts of 67', async () => {
    const seventy = await preview({ body: 'س'.repeat(70) });
    assert.equal(seventy.status, 200, JSON.stringify(seventy.body));
    assert.deepEqual(
      [seventy.body.encoding, seventy.body.parts, seventy.body.characters, seventy.body.per_part],
      ['UCS-2', 1, 70, 70],
    );
    const more = await preview({ body: 'س'.repeat(71) });
    assert.deepEqual([more.body.encoding, more.body.parts, more.body.per_part], ['UCS-2', 2, 67]);
    const three = await preview({ body: 'س'.repeat(135) });
    assert.equal(three.body.parts, 3);
    assert.equal(three.body.max_parts, 4);
  });

  it('plain Latin text is GSM-7: 160 characters in one SMS, then parts of 153; one Persian letter turns it UCS-2', async () => {
    const gsm = await preview({ body: 'a'.repeat(160) });
    assert.deepEqual([gsm.body.encoding, gsm.body.parts, gsm.body.per_part], ['GSM-7', 1, 160]);
    const longer = await preview({ body: 'a'.repeat(161) });
    assert.deepEqual([longer.body.parts, longer.body.per_part], [2, 153]);
    const mixed = await preview({ body: `${'a'.repeat(69)}س` });
    assert.deepEqual([mixed.body.encoding, mixed.body.parts], ['UCS-2', 1]);
    // An extension character (€) takes two septets.
    const euro = await preview({ body: `${'a'.repeat(159)}€` });
    assert.deepEqual([euro.body.units, euro.body.characters, euro.body.parts], [161, 160, 2]);
  });

  it('a code message is filled as the code sender fills it: OTP_LENGTH digits, the minutes, the WebOTP line', async () => {
    const { body } = await preview({ key: 'otp_login', locale: 'fa', body: 'کد: {code} تا {minutes} دقیقه' });
    assert.equal(body.text, 'کد: 1234567 تا 5 دقیقه\n\n@shop.example #1234567');
    assert.deepEqual(body.placeholders, ['code', 'minutes']);
    assert.equal(body.problem, null);
  });

  it('other placeholders get sample values in the locale asked for, and an unknown name itself', async () => {
    const fa = await preview({ locale: 'fa', body: '{product} موجود شد: {link} {order_id}' });
    assert.match(fa.body.text, /^کفش ورزشی .* موجود شد: https:\/\/shop\.example\/\S+ order_id$/);
    const en = await preview({ locale: 'en', body: '{product} is back' });
    assert.equal(en.body.text, 'Running shoes 2026 is back');
    assert.equal(en.body.encoding, 'GSM-7');
  });

  it('says what saving would refuse, and saves nothing', async () => {
    const noCode = await preview({ key: 'otp_login', locale: 'en', body: 'Hello' });
    assert.equal(noCode.status, 200);
    assert.match(noCode.body.problem, /must contain \{code\}/);
    const stray = await preview({ key: 'sale', body: 'Sale on {Product}' });
    assert.match(stray.body.problem, /not part of a placeholder/);
    assert.equal(stray.body.text, 'Sale on {Product}');
    // The service's own notices keep exactly their placeholders.
    const notice = await preview({ key: 'phone_changed', body: 'Your number changed.' });
    assert.match(notice.body.problem, /exactly \{phone\}/);
    const tooLong = await preview({ key: 'sale', body: 'س'.repeat(300) });
    assert.match(tooLong.body.problem, /at most 4 are allowed/);
    assert.equal(tooLong.body.parts, 5);
    const fine = await preview({ key: 'sale', body: 'Sale on {product}' });
    assert.equal(fine.body.problem, null);
    const stored = await t.get(`${TEMPLATES}/otp_login/en`, reader);
    assert.match(stored.body.template.body, /^Your sign-in code: \{code\}/);
    assert.equal((await t.get(`${TEMPLATES}/sale/en`, reader)).status, 404);
  });

  it('needs templates:read; support staff may preview; a body that is not text is refused', async () => {
    assertError(await preview({ body: 'x' }, await adminHeaders(t, ['templates:write'])), 'FORBIDDEN');
    assertError(await preview({ body: 'x' }, {}), 'UNAUTHORIZED');
    const user = await signIn(t);
    const staff = createStaff({ db: t.database.db, lockRows: backend.name === 'postgres', now: t.clock.now });
    await staff.add({ userId: user.userId }, 'support', CLI_ACTOR);
    assert.equal((await preview({ body: 'x' }, bearer(user.accessToken))).status, 200);
    assertError(await preview({ body: 'a\tb' }), 'VALIDATION_ERROR');
    assertError(await preview({ body: 'x', key: 'Not A Key' }), 'VALIDATION_ERROR');
    assertError(await preview({ body: 'x', values: {} }), 'VALIDATION_ERROR');
  });
});
