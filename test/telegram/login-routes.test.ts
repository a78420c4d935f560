import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { decodeJwt } from 'jose';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { confirmChange, requestChangeCode } from '../helpers/session-phone-change.ts';
import { bearer, freshPhone, refresh, signIn } from '../helpers/session-sign-in.ts';
import { newKey } from '../helpers/api-keys.ts';
import { TEST_BOT_TOKEN, signedInitData, signedWidget } from '../helpers/telegram-login.ts';

const WIDGET = '/api/v1/telegram/login/widget';
const WEBAPP = '/api/v1/telegram/login/webapp';
const env = { TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_BOT_USERNAME: 'shop_login_bot' };

let nextId = 7_000_000_000;
/** A Telegram id no other test in this process used. */
const freshTelegramId = () => String((nextId += 1));

let logins = 0;
/**
 * A widget login for `id`, signed now by the test clock (or `ageSeconds` ago). Each is a new login (its own
 * hash), as Telegram's are, even when two are signed in the same second.
 */
function widgetLogin(t: TestApp, id: string, ageSeconds = 0) {
  const authDate = Math.floor(t.clock.now() / 1000) - ageSeconds;
  logins += 1;
  return signedWidget(
    { id, first_name: `Sara ${logins}`, username: `sara_${id}`, auth_date: authDate },
    TEST_BOT_TOKEN,
  );
}

function miniAppLogin(t: TestApp, id: string) {
  const authDate = String(Math.floor(t.clock.now() / 1000));
  return signedInitData(
    { user: { id: Number(id), first_name: 'Sara', language_code: 'fa' }, auth_date: authDate, query_id: `q${id}` },
    TEST_BOT_TOKEN,
  );
}

forEachDatabase('signing in with the Telegram widget and Mini Apps', (backend) => {
  let t: TestApp;
  let second: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env });
    second = await startTestApp(backend, { env, shareWith: t });
  });
  after(async () => {
    await second?.close();
    await t?.close();
  });

  it('makes a user without a number on the first sign-in, and the same user after, by either way in', async () => {
    const id = freshTelegramId();
    const first = await t.post(WIDGET, widgetLogin(t, id));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.user.is_new, true);
    assert.equal(first.body.user.phone_number, null);
    assert.equal(first.body.telegram.id, id);
    const claims = decodeJwt(first.body.access_token);
    assert.deepEqual(claims.amr, ['telegram']);
    assert.equal(claims.sub, first.body.user.id);
    assert.equal('phone_number' in claims, false);

    t.clock.advance(2000);
    const again = await t.post(WEBAPP, undefined, { authorization: `tma ${miniAppLogin(t, id)}` });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.user.id, first.body.user.id);
    assert.equal(again.body.user.is_new, false);

    const listed = await t.get('/api/v1/auth/sessions', bearer(again.body.access_token));
    assert.deepEqual(
      listed.body.sessions.map((s: { method: string }) => s.method),
      ['telegram', 'telegram'],
    );
    const me = await t.get('/api/v1/auth/me', bearer(again.body.access_token));
    assert.equal(me.body.user.telegram.id, id);
    assert.equal(me.body.user.phone_number, null);
    // A refresh keeps how the session signed in.
    const refreshed = await refresh(t, first.body.refresh_token);
    assert.equal(refreshed.status, 200);
    assert.deepEqual(decodeJwt(refreshed.body.access_token).amr, ['telegram']);
  });

  it('refuses the same login twice, on another instance too, and a login past its age', async () => {
    const login = widgetLogin(t, freshTelegramId());
    assert.equal((await t.post(WIDGET, login)).status, 200);
    const replayed = await second.post(WIDGET, login);
    assert.equal(replayed.status, 401);
    assert.equal(replayed.body.code, 'TELEGRAM_AUTH_REPLAYED');

    const old = await t.post(WIDGET, widgetLogin(t, freshTelegramId(), 301));
    assert.equal(old.body.code, 'TELEGRAM_AUTH_EXPIRED');
    const initData = miniAppLogin(t, freshTelegramId());
    assert.equal((await second.post(WEBAPP, { init_data: initData })).status, 200);
    assert.equal((await t.post(WEBAPP, { init_data: initData })).body.code, 'TELEGRAM_AUTH_REPLAYED');
  });

  it('lets exactly one of parallel sign-ins with one login through, across two instances', async () => {
    const login = widgetLogin(t, freshTelegramId());
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? second : t).post(WIDGET, login)));
    assert.equal(answers.filter((a) => a.status === 200).length, 1);
    assert.ok(answers.every((a) => a.status === 200 || a.body.code === 'TELEGRAM_AUTH_REPLAYED'));
  });

  it('makes one user of parallel first sign-ins of one person with different logins', async () => {
    const id = freshTelegramId();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => {
        const app = i % 2 ? second : t;
        return i % 3 ? app.post(WIDGET, widgetLogin(t, id, i)) : app.post(WEBAPP, { init_data: miniAppLogin(t, id) });
      }),
    );
    // The Mini App logins of one moment are one login: all but one of them are replays.
    const ok = answers.filter((a) => a.status === 200);
    assert.ok(ok.length >= 4, JSON.stringify(answers.map((a) => a.body.code)));
    assert.equal(new Set(ok.map((a) => a.body.user.id)).size, 1);
    assert.equal(ok.filter((a) => a.body.user.is_new).length, 1);
  });

  it('links Telegram to a phone account, refuses it to a second account, and unlinks it', async () => {
    const user = await signIn(t);
    const id = freshTelegramId();
    const linked = await t.post('/api/v1/telegram/link/widget', widgetLogin(t, id), bearer(user.accessToken));
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.equal(linked.body.telegram.id, id);
    // Signing in with that Telegram account is now the phone user.
    const viaTelegram = await t.post(WIDGET, widgetLogin(t, id, 1));
    assert.equal(viaTelegram.body.user.id, user.userId);
    assert.equal(viaTelegram.body.user.phone_number, user.phone);

    const other = await signIn(t);
    const taken = await t.post('/api/v1/telegram/link/widget', widgetLogin(t, id, 2), bearer(other.accessToken));
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'TELEGRAM_ALREADY_LINKED');
    const secondId = await t.post(
      '/api/v1/telegram/link/webapp',
      { init_data: miniAppLogin(t, freshTelegramId()) },
      bearer(user.accessToken),
    );
    assert.equal(secondId.body.code, 'TELEGRAM_ALREADY_LINKED', 'a user has one Telegram account');

    const unlinked = await t.inject({
      method: 'DELETE',
      url: '/api/v1/telegram/link',
      headers: bearer(user.accessToken),
    });
    assert.equal(unlinked.statusCode, 200);
    const me = await t.get('/api/v1/auth/me', bearer(user.accessToken));
    assert.equal(me.body.user.telegram, null);
    const fresh = await t.post(WIDGET, widgetLogin(t, id, 3));
    assert.notEqual(fresh.body.user.id, user.userId, 'once unlinked, the Telegram account is a new user');
  });

  it('refuses to unlink the only way in, until the user adds a number', async () => {
    const signedIn = await t.post(WIDGET, widgetLogin(t, freshTelegramId()));
    const token = signedIn.body.access_token;
    const refused = await t.inject({ method: 'DELETE', url: '/api/v1/telegram/link', headers: bearer(token) });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'TELEGRAM_UNLINK_REFUSED');

    const phone = freshPhone();
    const { code } = await requestChangeCode(t, token, phone);
    assert.ok(code);
    const added = await confirmChange(t, token, phone, code);
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.user.phone_number, phone);
    const unlinked = await t.inject({ method: 'DELETE', url: '/api/v1/telegram/link', headers: bearer(token) });
    assert.equal(unlinked.statusCode, 200);
  });

  it('says in health which ways in are on, and never the token', async () => {
    const health = await t.get('/api/v1/otp/health');
    assert.deepEqual(health.body.telegram, {
      widget: { configured: true },
      webapp: { configured: true },
      oidc: { configured: false },
      bot: { configured: true, updates: 'off' },
    });
    assert.ok(!JSON.stringify(health.body).includes(TEST_BOT_TOKEN.split(':')[1]!));
  });

  it('lists, blocks and deletes a Telegram-only user through the admin API; the account signs up anew', async () => {
    const admin = bearer((await newKey(t, ['users:read', 'users:write'])).secret);
    const id = freshTelegramId();
    const first = await t.post(WIDGET, widgetLogin(t, id));
    const userId = first.body.user.id;
    const shown = await t.get(`/api/v1/admin/users/${userId}`, admin);
    assert.equal(shown.status, 200, JSON.stringify(shown.body));
    assert.equal(shown.body.user.phone_number, null);
    const blocked = await t.post(`/api/v1/admin/users/${userId}/block`, {}, admin);
    assert.equal(blocked.status, 200, JSON.stringify(blocked.body));
    assert.equal((await t.post(WIDGET, widgetLogin(t, id, 1))).body.code, 'USER_BLOCKED');
    const deleted = await t.inject({ method: 'DELETE', url: `/api/v1/admin/users/${userId}`, headers: admin });
    assert.equal(deleted.statusCode, 200, deleted.body);
    const again = await t.post(WIDGET, widgetLogin(t, id, 2));
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.user.is_new, true);
    assert.notEqual(again.body.user.id, userId);
  });

  it('stores the profile cleaned of characters that reorder text, and refuses a value that spans lines', async () => {
    const id = freshTelegramId();
    const authDate = Math.floor(t.clock.now() / 1000);
    const login = signedWidget({ id, first_name: 'Sara\u202Egnp.exe', auth_date: authDate }, TEST_BOT_TOKEN);
    const signedIn = await t.post(WIDGET, login);
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    assert.equal(signedIn.body.telegram.first_name, 'Saragnp.exe');
    const me = await t.get('/api/v1/auth/me', bearer(signedIn.body.access_token));
    assert.equal(me.body.user.telegram.first_name, 'Saragnp.exe');

    // Signed as Telegram would, then split again: the same check string, another id.
    const signed = signedWidget(
      { id: '570000001', first_name: 'A', last_name: 'B\nid=570000999', auth_date: authDate },
      TEST_BOT_TOKEN,
    );
    const resplit = {
      first_name: 'A\nid=570000001\nlast_name=B',
      id: '570000999',
      auth_date: authDate,
      hash: signed.hash,
    };
    assert.equal((await t.post(WIDGET, resplit)).body.code, 'TELEGRAM_AUTH_INVALID');
    assert.equal((await t.post(WIDGET, signed)).body.code, 'TELEGRAM_AUTH_INVALID');
  });

  it('refuses a blocked user', async () => {
    const signedIn = await t.post(WIDGET, widgetLogin(t, freshTelegramId()));
    await t.database.db
      .updateTable('users')
      .set({ blocked_at: t.clock.now() })
      .where('id', '=', signedIn.body.user.id)
      .execute();
    const id = signedIn.body.telegram.id;
    const refused = await t.post(WIDGET, widgetLogin(t, id, 5));
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'USER_BLOCKED');
  });
});

forEachDatabase('Telegram sign-in limits and setup', (backend) => {
  it('answers TELEGRAM_NOT_CONFIGURED without a bot token, and phone sign-in works as before', async () => {
    const t = await startTestApp(backend);
    try {
      const answer = await t.post(WIDGET, { id: 1, auth_date: 1, hash: 'x' });
      assert.equal(answer.status, 503);
      assert.equal(answer.body.code, 'TELEGRAM_NOT_CONFIGURED');
      const user = await signIn(t);
      assert.deepEqual(decodeJwt(user.accessToken).amr, ['sms']);
    } finally {
      await t.close();
    }
  });

  it('limits requests per client address, refused ones included', async () => {
    const t = await startTestApp(backend, { env: { ...env, TELEGRAM_IP_HOURLY_LIMIT: '3' } });
    try {
      // A forged login, a link without a token, an unlink without one: each counts.
      assert.equal((await t.post(WIDGET, { id: 1, auth_date: 1, hash: 'x' })).status, 401);
      assert.equal((await t.post('/api/v1/telegram/link/widget', widgetLogin(t, freshTelegramId()))).status, 401);
      const unlink = await t.inject({ method: 'DELETE', url: '/api/v1/telegram/link' });
      assert.equal(unlink.statusCode, 401);
      const limited = await t.post(WIDGET, widgetLogin(t, freshTelegramId()));
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'RATE_LIMITED');
      const unlinkLimited = await t.inject({ method: 'DELETE', url: '/api/v1/telegram/link' });
      assert.equal(unlinkLimited.json().code, 'RATE_LIMITED');
    } finally {
      await t.close();
    }
  });
});
