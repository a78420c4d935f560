import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DATABASES } from '../helpers/backends.ts';

const postgres = DATABASES.find((backend) => backend.name === 'postgres')!;

/**
 * Test schemas come and go while other tests migrate theirs, as schemas of other applications may in a shared
 * database: what the migrator reads must be the working schema alone, or a schema dropped meanwhile fails it.
 */
describe('the PostgreSQL introspector', { skip: postgres.skip }, () => {
  let ours: { url: string; drop(): Promise<void> };
  let theirs: { url: string; drop(): Promise<void> };
  before(async () => {
    ours = await postgres.create();
    theirs = await postgres.create();
    const client = new pg.Client({ connectionString: theirs.url });
    await client.connect();
    await client.query('CREATE TABLE someone_elses (id integer)');
    await client.query('CREATE TABLE kysely_migration (name text)');
    await client.end();
  });
  after(async () => {
    await ours?.drop();
    await theirs?.drop();
  });

  it('sees the tables of the working schema only, and the migrator builds on that', async () => {
    const database = createDatabase(loadConfig({ DATABASE_URL: ours.url }).database);
    try {
      await migrateToLatest(database);
      const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
      const names = tables.map((table) => table.name);
      assert.ok(!names.includes('someone_elses'), `another schema's table was read: ${names.join(', ')}`);
      assert.ok(names.includes('kysely_migration') && names.includes('sms_logs'), names.join(', '));
      assert.equal(new Set(tables.map((table) => table.schema)).size, 1);
      const id = tables.find((table) => table.name === 'users')?.columns.find((column) => column.name === 'id');
      assert.equal(id?.isNullable, false);
    } finally {
      await database.close();
    }
  });
});
