import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config/index.ts';
import { compiledOnce } from '../../src/db/compiled-query.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { forEachDatabase } from '../helpers/app.ts';

forEachDatabase('a query compiled once', (backend) => {
  let database: DatabaseHandle;
  let drop: () => Promise<void>;
  before(async () => {
    const created = await backend.create();
    drop = created.drop;
    database = createDatabase(loadConfig({ DATABASE_URL: created.url }).database);
    await migrateToLatest(database);
  });
  after(async () => {
    await database?.close();
    await drop?.();
  });

  it('binds each run its own values, in every place an argument appears', async () => {
    const { db } = database;
    const upsert = compiledOnce(db, ['key', 'points', 'now'], (a: { key: string; points: number; now: number }) =>
      db
        .insertInto('rate_limits')
        .values({ key: a.key, points: a.points, expire: a.now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ points: a.points, expire: a.now }))
        .returning(['key', 'points', 'expire']),
    );
    assert.deepEqual((await upsert({ key: 'a', points: 1, now: 10 })).rows, [{ key: 'a', points: 1, expire: 10 }]);
    assert.deepEqual((await upsert({ key: 'b', points: 2, now: 20 })).rows, [{ key: 'b', points: 2, expire: 20 }]);
    assert.deepEqual((await upsert({ key: 'a', points: 3, now: 30 })).rows, [{ key: 'a', points: 3, expire: 30 }]);
  });

  it('refuses a build that does not bind an argument as a plain value', () => {
    const { db } = database;
    assert.throws(
      () =>
        compiledOnce(db, ['key', 'points'], (a: { key: string; points: number }) =>
          db.insertInto('rate_limits').values({ key: a.key, points: a.points + 1 }),
        ),
      /points is not bound as a plain value/,
    );
    assert.throws(
      () =>
        compiledOnce(db, ['key'], (a: { key: string }) =>
          db.selectFrom('rate_limits').select('points').where('key', '=', sql.lit(a.key)),
        ),
      /not bound as a plain value/,
    );
  });
});
