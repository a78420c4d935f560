import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { errorBody, toArabicIndicDigits, toPersianDigits, withApp } from '../helpers/otp-flow.ts';
import { bearer, freshPhone, signIn } from '../helpers/session-sign-in.ts';
import { USERS, userAdmin } from './helpers.ts';

forEachDatabase('the admin API over users', (backend) => {
  it('creates a user once: the same number and external_id again finds it, however the number is typed', async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await userAdmin(t);
      const first = await admin.create({ phone_number: '0912 345 6789', external_id: 'cust-1', locale: 'en' });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.equal(first.body.created, true);
      const user = first.body.user;
      assert.equal(user.phone_number, '+989123456789');
      assert.equal(user.external_id, 'cust-1');
      assert.equal(user.locale, 'en');
      assert.equal(user.phone_verified, false);
      assert.equal(user.blocked_at, null);
      for (const typed of ['+989123456789', toPersianDigits('09123456789'), toArabicIndicDigits('00989123456789')]) {
        const again = await admin.create({ phone_number: typed, external_id: 'cust-1' });
        assert.equal(again.status, 200, JSON.stringify(again.body));
        assert.deepEqual(again.body, { success: true, created: false, user });
      }
      const rows = await t.database.db.selectFrom('users').select('id').execute();
      assert.equal(rows.length, 1);
    });
  });

  it('gives a signed-up user without an external_id the one asked for, and refuses conflicts with their codes', async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await userAdmin(t);
      const signedUp = await signIn(t);
      const linked = await admin.create({ phone_number: signedUp.phone, external_id: 'shop-7' });
      assert.equal(linked.status, 200);
      assert.equal(linked.body.created, false);
      assert.equal(linked.body.user.id, signedUp.userId);
      assert.equal(linked.body.user.external_id, 'shop-7');
      assert.equal(linked.body.user.phone_verified, true);

      const other = await admin.create({ phone_number: signedUp.phone, external_id: 'shop-8' });
      assert.equal(other.status, 409);
      assert.deepEqual(other.body, errorBody('USER_PHONE_CONFLICT'));
      const taken = await admin.create({ phone_number: freshPhone(), external_id: 'shop-7' });
      assert.equal(taken.status, 409);
      assert.deepEqual(taken.body, errorBody('EXTERNAL_ID_IN_USE'));
      // A user without an external_id whose number is free, asked for an id another user has.
      const bare = await signIn(t);
      const stolen = await admin.create({ phone_number: bare.phone, external_id: 'shop-7' });
      assert.deepEqual(stolen.body, errorBody('EXTERNAL_ID_IN_USE'));
      const bad = await admin.create({ phone_number: '12345', external_id: 'x' });
      assert.deepEqual(bad.body, errorBody('INVALID_PHONE'));
      const quoted = await admin.create({ phone_number: freshPhone(), external_id: 'a"b' });
      assert.equal(quoted.status, 400);
      assert.equal(quoted.body.code, 'VALIDATION_ERROR');
    });
  });

  it('looks a user up by id, by the number in any typed form, and by external_id', async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await userAdmin(t);
      const made = (await admin.create({ phone_number: '+989121112233', external_id: 'e-1' })).body.user;
      await admin.create({ phone_number: '+989121112244', external_id: 'e-2' });
      assert.deepEqual((await admin.get(`/${made.id}`)).body, { success: true, user: made });
      const missing = await admin.get('/no-such-user');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'NOT_FOUND');
      for (const typed of [
        '09121112233',
        '9121112233',
        '+98 912 111 2233',
        toPersianDigits('۰۹۱۲۱۱۱۲۲۳۳'),
        '00989121112233',
      ]) {
        const found = await admin.get(`?phone_number=${encodeURIComponent(typed)}`);
        assert.equal(found.status, 200, typed);
        assert.deepEqual(found.body.users, [made], typed);
      }
      assert.deepEqual((await admin.get('?external_id=e-1')).body.users, [made]);
      assert.deepEqual((await admin.get('?external_id=nobody')).body.users, []);
      assert.equal((await admin.get('?phone_number=abc')).body.code, 'INVALID_PHONE');
      assert.equal((await admin.get('?phone=0912')).status, 400, 'a misspelt filter is refused');
    });
  });

  it('lists newest first by keyset pages, filtered by blocked and by creation time', async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await userAdmin(t);
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        // Two users per millisecond: the id breaks the tie and no page repeats or skips one.
        if (i % 2 === 0) t.clock.advance(1000);
        const made = await admin.create({ phone_number: `+98912200000${i}`, external_id: `p-${i}` });
        ids.push(made.body.user.id);
      }
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page = await admin.get(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(page.status, 200, JSON.stringify(page.body));
        pages.push(page.body.users.map((u: { id: string }) => u.id));
        cursor = page.body.next_cursor;
      } while (cursor);
      assert.deepEqual(
        pages.map((p) => p.length),
        [3, 3, 1],
      );
      const all = pages.flat();
      assert.equal(new Set(all).size, 7);
      assert.deepEqual([...all].sort(), [...ids].sort());
      const created = await Promise.all(all.map(async (id) => (await admin.get(`/${id}`)).body.user.created_at));
      assert.deepEqual(created, [...created].sort().reverse(), 'newest first');

      await admin.act(ids[1]!, 'block');
      await admin.act(ids[4]!, 'block');
      const blocked = await admin.get('?blocked=true');
      assert.deepEqual(blocked.body.users.map((u: { id: string }) => u.id).sort(), [ids[1], ids[4]].sort());
      assert.equal((await admin.get('?blocked=false')).body.users.length, 5);

      const third = (await admin.get(`/${ids[2]}`)).body.user.created_at;
      const fifth = (await admin.get(`/${ids[5]}`)).body.user.created_at;
      const ranged = await admin.get(`?created_from=${third}&created_to=${fifth}`);
      assert.deepEqual(ranged.body.users.map((u: { id: string }) => u.id).sort(), ids.slice(2, 6).sort());
      assert.equal((await admin.get('?cursor=bm9wZQ')).body.code, 'VALIDATION_ERROR');
    });
  });

  it('needs users:read to read and users:write to change, and audits every change', async () => {
    await withApp(backend, {}, async (t) => {
      const admin = await userAdmin(t);
      const reader = bearer((await newKey(t, ['users:read'], 'reader')).secret);
      const writer = bearer((await newKey(t, ['users:write'], 'writer')).secret);
      const other = bearer((await newKey(t, ['sms:read'], 'other')).secret);
      const body = { phone_number: freshPhone(), external_id: 'scoped' };
      assert.equal((await t.post(USERS, body, reader)).body.code, 'FORBIDDEN');
      assert.equal((await t.post(USERS, body, other)).body.code, 'FORBIDDEN');
      const made = await t.post(USERS, body, writer);
      assert.equal(made.status, 201);
      const id = made.body.user.id;
      assert.equal((await t.get(`${USERS}/${id}`, writer)).body.code, 'FORBIDDEN');
      assert.equal((await t.get(USERS, writer)).body.code, 'FORBIDDEN');
      assert.equal((await t.get(`${USERS}/${id}`, reader)).status, 200);
      for (const action of ['block', 'unblock', 'sign-out']) {
        assert.equal((await t.post(`${USERS}/${id}/${action}`, undefined, reader)).body.code, 'FORBIDDEN', action);
      }
      const del = await t.inject({ method: 'DELETE', url: `${USERS}/${id}`, headers: reader });
      assert.equal(del.statusCode, 403);
      assert.equal((await t.get(USERS)).status, 401, 'no key');

      for (const action of ['block', 'unblock', 'sign-out'] as const) {
        assert.equal((await t.post(`${USERS}/${id}/${action}`, undefined, writer)).status, 200, action);
      }
      assert.equal((await admin.act('no-such-user', 'block')).status, 404);
      assert.equal((await admin.remove(id)).status, 200);
      const records = await t.database.db
        .selectFrom('admin_audit')
        .selectAll()
        .where('action', 'like', 'user.%')
        .orderBy('created_at')
        .execute();
      assert.deepEqual(
        records.map((r) => [r.action, r.target, r.actor_name]),
        [
          ['user.create', id, 'writer'],
          ['user.block', id, 'writer'],
          ['user.unblock', id, 'writer'],
          ['user.sign_out', id, 'writer'],
          ['user.delete', id, 'support'],
        ],
      );
    });
  });
});
