import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';

forEachDatabase('migration 0004_sms_templates', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  const rows = () =>
    t.database.db.selectFrom('sms_templates').select(['key', 'locale']).orderBy('key').orderBy('locale').execute();

  it('reverts to no approvals column and no seeds, keeps templates added since, and applies again', async () => {
    const at = Date.now();
    await t.database.db
      .insertInto('sms_templates')
      .values({
        id: 'added',
        key: 'order_shipped',
        locale: 'fa',
        body: 'x',
        approved: '{}',
        created_at: at,
        updated_at: at,
      })
      .execute();
    let reverted: string[] = [];
    while (!reverted.includes('0004_sms_templates')) reverted = await migrateDown(t.database);
    assert.deepEqual(await rows(), [{ key: 'order_shipped', locale: 'fa' }]);
    const columns = Object.keys((await t.database.db.selectFrom('sms_templates').selectAll().executeTakeFirst()) ?? {});
    assert.ok(!columns.includes('approved'), `columns: ${columns.join(', ')}`);

    await migrateToLatest(t.database);
    // The six seeds of 0004, the two of 0006 and of 0014, the six of 0016, the 28 of 0017, the 18 of 0019 and
    // the 14 of 0020 (reverted on the way down), and the one added.
    assert.equal((await rows()).length, 77);
    const seeded = await t.database.db
      .selectFrom('sms_templates')
      .select(['body', 'approved'])
      .where('key', '=', 'otp_login')
      .where('locale', '=', 'fa')
      .executeTakeFirstOrThrow();
    assert.deepEqual(seeded, {
      body: 'کد ورود شما: {code}\nاین کد تا {minutes} دقیقه معتبر است. آن را به کسی ندهید.',
      approved: '{}',
    });
  });
});
