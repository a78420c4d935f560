import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';

forEachDatabase('migration 0014_telegram_accounts', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  const user = (id: string, phone: string | null) => ({
    id,
    phone_number: phone,
    phone_verified: phone ? 1 : 0,
    locale: null,
    created_at: 1,
    updated_at: 1,
    last_login_at: null,
    external_id: null,
    blocked_at: null,
  });
  const session = (id: string, userId: string) => ({
    id,
    user_id: userId,
    family_id: id,
    token_hash: `hash-${id}`,
    expires_at: Date.now() + 60_000,
    auth_time: 1,
    rotated_at: null,
    revoked_at: null,
    created_at: 1,
    ip: null,
    user_agent: null,
  });

  it('keeps every user with a number and their sessions both ways, and lets a user have no number', async () => {
    const { db } = t.database;
    await db.insertInto('users').values(user('with-number', '+989125550001')).execute();
    await db.insertInto('sessions').values(session('s-1', 'with-number')).execute();
    await db.insertInto('users').values(user('telegram-only', null)).execute();
    await db.insertInto('sessions').values(session('s-2', 'telegram-only')).execute();

    let reverted: string[] = [];
    while (!reverted.includes('0014_telegram_accounts')) reverted = await migrateDown(t.database);
    const users = await db.selectFrom('users').select('id').orderBy('id').execute();
    assert.deepEqual(users, [{ id: 'with-number' }], 'a user without a number cannot stay');
    assert.deepEqual(await db.selectFrom('sessions').select('id').execute(), [{ id: 's-1' }]);
    await assert.rejects(db.insertInto('users').values(user('again', null)).execute(), 'the number is required again');

    await migrateToLatest(t.database);
    // On SQLite the table was rebuilt: its rows, and the rows that refer to them, are all still there.
    assert.deepEqual(await db.selectFrom('users').select(['id', 'phone_number']).execute(), [
      { id: 'with-number', phone_number: '+989125550001' },
    ]);
    assert.deepEqual(await db.selectFrom('sessions').select(['id', 'amr']).execute(), [{ id: 's-1', amr: 'sms' }]);
    // Many users without a number; a number still belongs to one user.
    await db
      .insertInto('users')
      .values([user('tg-1', null), user('tg-2', null)])
      .execute();
    await assert.rejects(db.insertInto('users').values(user('twin', '+989125550001')).execute());
    // Foreign keys are enforced again, and point at the new table.
    await assert.rejects(db.insertInto('sessions').values(session('s-3', 'nobody')).execute());
    await db.deleteFrom('users').where('id', '=', 'with-number').execute();
    assert.deepEqual(await db.selectFrom('sessions').select('id').execute(), [], 'sessions go with their user');
  });
});
