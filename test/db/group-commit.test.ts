import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config/index.ts';
import { isUniqueViolation } from '../../src/db/errors.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createDatabaseLimiter } from '../../src/rate-limit/database-store.ts';

/**
 * SQLite's group commit (src/db/group-commit.ts), watched from a second connection to the same file: what
 * that connection sees is what is committed.
 */
describe('SQLite group commit', () => {
  let dir: string;
  let database: DatabaseHandle;
  let observer: SqliteDatabase.Database;
  const committed = (key: string) =>
    (observer.prepare('select count(*) as n from rate_limits where key = ?').get(key) as { n: number }).n === 1;
  const insert = (key: string) => database.db.insertInto('rate_limits').values({ key, points: 1, expire: 0 }).execute();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'otpgate-group-'));
    database = createDatabase(loadConfig({ DATABASE_URL: `sqlite:${dir}/group.db` }).database);
    await migrateToLatest(database);
    observer = new SqliteDatabase(`${dir}/group.db`, { readonly: true });
  });
  afterEach(async () => {
    observer.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits the writes of one turn together, and answers each only once they are committed', async () => {
    const seen: boolean[][] = [];
    const first = insert('a').then(() => seen.push([committed('a'), committed('b')]));
    const second = insert('b').then(() => seen.push([committed('a'), committed('b')]));
    // Queued before the group's own commit, so this runs after both statements and before their commit.
    const midway = await new Promise((resolve) =>
      setImmediate(() => resolve({ open: database.sqlite!.inTransaction, a: committed('a'), b: committed('b') })),
    );
    assert.deepEqual(midway, { open: true, a: false, b: false });
    await Promise.all([first, second]);
    assert.deepEqual(seen, [
      [true, true],
      [true, true],
    ]);
    assert.equal(database.sqlite!.inTransaction, false);
  });

  it('answers a read at once when nothing is pending, and after the commit when it could see pending writes', async () => {
    assert.equal((await database.db.selectFrom('rate_limits').selectAll().execute()).length, 0);
    assert.equal(database.sqlite!.inTransaction, false, 'a read alone opens no transaction');

    const write = insert('c');
    let readAnswered = false;
    const read = database.db
      .selectFrom('rate_limits')
      .select('key')
      .execute()
      .then((rows) => {
        readAnswered = true;
        // Whoever acts on this answer acts on committed data.
        assert.equal(committed('c'), true);
        return rows;
      });
    // Before the group's commit (see above): a read that joined the group has not been answered yet.
    assert.equal(await new Promise((resolve) => setImmediate(() => resolve(readAnswered))), false);
    assert.deepEqual(await read, [{ key: 'c' }]);
    await write;
  });

  it('refuses a failed statement alone; the rest of its group is committed', async () => {
    await insert('taken');
    const results = await Promise.allSettled([insert('d'), insert('taken'), insert('e')]);
    assert.equal(results[0].status, 'fulfilled');
    assert.equal(results[1].status, 'rejected');
    assert.ok(isUniqueViolation((results[1] as PromiseRejectedResult).reason));
    assert.equal(results[2].status, 'fulfilled');
    assert.equal(committed('d') && committed('e'), true);
  });

  it('fails every write of a group whose commit fails, and the next group starts clean', async () => {
    // A deferred foreign key is checked at COMMIT: the one way to make a commit itself fail on demand.
    database.sqlite!.exec(`create table parents (id integer primary key);
      create table children (id integer primary key,
        parent integer references parents(id) deferrable initially deferred)`);
    const results = await Promise.allSettled([
      insert('f'),
      database.db.executeQuery(sql`insert into children (id, parent) values (1, 42)`.compile(database.db)),
      insert('g'),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected', 'rejected'],
    );
    assert.match(String((results[0] as PromiseRejectedResult).reason), /FOREIGN KEY/);
    assert.equal(committed('f') || committed('g'), false);
    assert.equal(database.sqlite!.inTransaction, false);

    await insert('h');
    assert.equal(committed('h'), true);
  });

  it('keeps other writes out of an explicit transaction, so its rollback undoes only its own', async () => {
    let outsideDone = false;
    let outside: Promise<unknown> | undefined;
    const transaction = database.db.transaction().execute(async (trx) => {
      await trx.insertInto('rate_limits').values({ key: 'inside', points: 1, expire: 0 }).execute();
      // Another request writes while this transaction waits on something.
      outside = insert('outside').then(() => (outsideDone = true));
      await sleep(20);
      assert.equal(outsideDone, false, 'the other write waits for the transaction to end');
      throw new Error('roll back');
    });
    await assert.rejects(transaction, /roll back/);
    await outside;
    assert.equal(committed('inside'), false);
    assert.equal(committed('outside'), true);
  });

  it('runs many explicit transactions and writes that wait for one, one at a time, none inside another', async () => {
    const transactions = Array.from({ length: 6 }, (_, i) =>
      database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('rate_limits')
          .values({ key: `t${i}`, points: 1, expire: 0 })
          .execute();
        await sleep(1);
        await trx.updateTable('rate_limits').set({ points: 2 }).where('key', '=', `t${i}`).execute();
      }),
    );
    const writes = Array.from({ length: 6 }, (_, i) => insert(`w${i}`));
    await Promise.all([...transactions, ...writes]);
    const rows = await database.db.selectFrom('rate_limits').select(['key', 'points']).orderBy('key').execute();
    assert.equal(rows.length, 12);
    assert.ok(rows.filter((row) => row.key.startsWith('t')).every((row) => row.points === 2));
  });

  it("waits for another connection's write lock without blocking the event loop", async () => {
    const other = new SqliteDatabase(`${dir}/group.db`);
    other.exec('begin immediate');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const write = insert('after-lock');
    try {
      await sleep(100);
      // SQLite's own busy handler would have held the thread in a sleep: no timer could have fired.
      assert.ok(ticks >= 5, `the event loop ran ${ticks} timer ticks while the write waited`);
      assert.equal(committed('after-lock'), false);
    } finally {
      clearInterval(ticker);
      if (other.inTransaction) other.exec('commit');
      other.close();
    }
    await write;
    assert.equal(committed('after-lock'), true);
  });

  it('commits a group that is still open when the database is closed', async () => {
    const pending = database.group!.run(() =>
      database.sqlite!.prepare(`insert into rate_limits (key, points, expire) values ('last', 1, 0)`).run(),
    );
    assert.equal(database.sqlite!.inTransaction, true);
    await database.close();
    await pending;
    assert.equal(committed('last'), true);
    database = createDatabase(loadConfig({ DATABASE_URL: `sqlite:${dir}/group.db` }).database);
  });

  it('rolls back a refused set of rate-limit charges alone, inside a shared group', async () => {
    const limiter = createDatabaseLimiter(database);
    const rule = { name: 'r', points: 1, durationSeconds: 60 };
    const other = { name: 'o', points: 5, durationSeconds: 60 };
    await limiter.consume(rule, 'x');
    const [refused, allowed] = await Promise.all([
      limiter.consumeAll([
        [other, 'y'],
        [rule, 'x'],
      ]),
      limiter.consume(other, 'z'),
    ]);
    assert.equal(refused.allowed, false);
    assert.equal(allowed.allowed, true);
    const points = (key: string) =>
      (observer.prepare('select points from rate_limits where key = ?').get(key) as { points: number } | undefined)
        ?.points;
    assert.equal(points('o:y'), undefined, 'the refused request left no count behind');
    assert.equal(points('r:x'), 1);
    assert.equal(points('o:z'), 1);
  });
});
