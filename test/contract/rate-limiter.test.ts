import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createRateLimiter } from '../../src/rate-limit/create.ts';
import { createDatabaseLimiter } from '../../src/rate-limit/database-store.ts';
import type { Decision, RateLimiter, RateRule, Taken } from '../../src/rate-limit/limiter.ts';
import { DATABASES, redisSkip, redisUrl, type DatabaseBackend } from '../helpers/backends.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/infra-tcp-proxy.ts';

/** One store, opened empty. Every `limiter()` is a new instance of the service over that same store. */
interface OpenStore {
  limiter(): Promise<RateLimiter>;
  close(): Promise<void>;
}

interface Store {
  readonly name: string;
  readonly skip: string | false;
  open(): Promise<OpenStore>;
}

const sqliteBackend = DATABASES.find((b) => b.name === 'sqlite')!;
const postgresBackend = DATABASES.find((b) => b.name === 'postgres')!;

/** A database the test owns: a fresh SQLite file or PostgreSQL schema, migrated, and a way to open handles on it. */
async function openDatabase(backend: DatabaseBackend) {
  let url: string;
  let drop: () => Promise<void>;
  if (backend.name === 'sqlite') {
    // A file rather than :memory:, so that two instances hold two connections as two processes would.
    const dir = mkdtempSync(join(tmpdir(), 'otpgate-rl-'));
    url = `sqlite:${join(dir, 'rl.db')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    ({ url, drop } = await backend.create());
  }
  const handles: DatabaseHandle[] = [];
  const handle = () => {
    const database = createDatabase(loadConfig({ DATABASE_URL: url }).database);
    handles.push(database);
    return database;
  };
  const main = handle();
  await migrateToLatest(main);
  return {
    /** The handle the test itself reads through. */
    main,
    /** A new connection (pool) on the same database. */
    handle,
    async close() {
      for (const database of handles) await database.close();
      await drop();
    },
  };
}

const databaseStore = (backend: DatabaseBackend): Store => ({
  name: `database on ${backend.name}`,
  skip: backend.skip,
  async open() {
    const database = await openDatabase(backend);
    const limiters: RateLimiter[] = [];
    return {
      async limiter() {
        const limiter = createRateLimiter({ database: database.handle(), redisKeyPrefix: 'unused:' });
        limiters.push(limiter);
        return limiter;
      },
      async close() {
        for (const limiter of limiters) await limiter.close();
        await database.close();
      },
    };
  },
});

const redisStore: Store = {
  name: 'redis (the database while it is away)',
  skip: redisSkip,
  async open() {
    const database = await openDatabase(sqliteBackend);
    const prefix = `rltest${randomBytes(4).toString('hex')}:`;
    const inspector = new Redis(redisUrl!);
    const limiters: RateLimiter[] = [];
    return {
      async limiter() {
        const limiter = createRateLimiter({ database: database.handle(), redisUrl, redisKeyPrefix: prefix });
        limiters.push(limiter);
        await untilCountingInRedis(limiter, inspector, prefix);
        return limiter;
      },
      async close() {
        for (const limiter of limiters) await limiter.close();
        const keys = await inspector.keys(`${prefix}*`);
        if (keys.length) await inspector.del(...keys);
        inspector.disconnect();
        await database.close();
      },
    };
  },
};

/**
 * Until its Redis connection is ready a limiter counts in the insurance database. The contract below must
 * be shown on Redis itself, so each instance is first seen writing a counter there.
 */
async function untilCountingInRedis(limiter: RateLimiter, inspector: Redis, prefix: string): Promise<void> {
  const probe: RateRule = { name: 'probe', points: 1_000_000, durationSeconds: 60 };
  const key = randomBytes(6).toString('hex');
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    await limiter.consume(probe, key);
    if ((await inspector.exists(`${prefix}rl:${probe.name}:${key}`)) === 1) return;
    await sleep(20);
  }
  throw new Error('the limiter never counted in Redis');
}

const STORES: readonly Store[] = [databaseStore(sqliteBackend), databaseStore(postgresBackend), redisStore];

let ruleCount = 0;
/** A rule of its own for each test, so that no two tests share a counter. */
function rule(points: number, durationSeconds = 60): RateRule {
  ruleCount += 1;
  return { name: `contract-${ruleCount}-${randomBytes(3).toString('hex')}`, points, durationSeconds };
}

async function consumeTimes(limiter: RateLimiter, r: RateRule, key: string, times: number): Promise<Decision[]> {
  const decisions: Decision[] = [];
  for (let i = 0; i < times; i += 1) decisions.push(await limiter.consume(r, key));
  return decisions;
}

const allowedCount = (decisions: readonly Decision[]) => decisions.filter((d) => d.allowed).length;

/** What the first allowed decision took, to refund. */
function takenBy(decisions: readonly Decision[]): Taken {
  const allowed = decisions.find((d) => d.allowed);
  assert.ok(allowed?.allowed, 'one of the decisions was allowed');
  return allowed.taken;
}

// The stores are independent, so they are checked side by side; within one, tests run in order.
describe('the RateLimiter contract', { concurrency: true }, () => {
  for (const store of STORES) {
    if (store.skip) {
      it(`on ${store.name}`, { skip: store.skip }, () => {});
      continue;
    }
    describe(`on ${store.name}`, { concurrency: 1 }, () => {
      let opened: OpenStore;
      let limiter: RateLimiter;
      before(async () => {
        opened = await store.open();
        limiter = await opened.limiter();
      });
      after(() => opened?.close());

      it('allows `points` consumes in a window, then refuses with the seconds left in it', async () => {
        const r = rule(3, 60);
        const decisions = await consumeTimes(limiter, r, 'k', 5);
        assert.deepEqual(
          decisions.map((d) => d.allowed),
          [true, true, true, false, false],
        );
        for (const refused of decisions.slice(3)) {
          assert.equal(refused.allowed, false);
          if (!refused.allowed) {
            assert.ok(
              refused.retryAfterSeconds >= 58 && refused.retryAfterSeconds <= 60,
              `retryAfterSeconds ${refused.retryAfterSeconds} is what is left of the 60 s window`,
            );
          }
        }
      });

      it('keeps separate counts for separate keys and separate rules', async () => {
        const r = rule(1);
        const other = rule(1);
        assert.equal((await limiter.consume(r, 'a')).allowed, true);
        assert.equal((await limiter.consume(r, 'a')).allowed, false);
        assert.equal((await limiter.consume(r, 'b')).allowed, true);
        assert.equal((await limiter.consume(other, 'a')).allowed, true);
      });

      it('of 30 parallel consumes with points=5, exactly 5 are allowed', async () => {
        const r = rule(5);
        const decisions = await Promise.all(Array.from({ length: 30 }, () => limiter.consume(r, 'burst')));
        assert.equal(allowedCount(decisions), 5);
        // And the count stays at the limit: the refused 25 took nothing that a later consume would miss.
        assert.equal((await limiter.consume(r, 'burst')).allowed, false);
      });

      it('a refund gives back exactly the room one consume took', async () => {
        const r = rule(2);
        const first = await consumeTimes(limiter, r, 'k', 2);
        assert.equal(allowedCount(first), 2);
        await limiter.refund(takenBy(first));
        assert.deepEqual(
          (await consumeTimes(limiter, r, 'k', 2)).map((d) => d.allowed),
          [true, false],
        );
      });

      it('a refused consume leaves the count as it was: refunding one after it frees exactly one', async () => {
        const r = rule(3);
        const first = await consumeTimes(limiter, r, 'k', 3);
        assert.equal(allowedCount(first), 3);
        const refused = await consumeTimes(limiter, r, 'k', 4);
        assert.equal(allowedCount(refused), 0);
        await limiter.refund(takenBy(first));
        // Had the refused consumes been counted, the refund would not reach below the limit.
        assert.deepEqual(
          (await consumeTimes(limiter, r, 'k', 2)).map((d) => d.allowed),
          [true, false],
        );
      });

      it('reset clears the count of that key only', async () => {
        const r = rule(2);
        await consumeTimes(limiter, r, 'reset-me', 2);
        await consumeTimes(limiter, r, 'keep-me', 2);
        await limiter.reset(r, 'reset-me');
        assert.equal(allowedCount(await consumeTimes(limiter, r, 'reset-me', 3)), 2);
        assert.equal((await limiter.consume(r, 'keep-me')).allowed, false);
      });

      it('a new window starts once the duration has passed', async () => {
        const r = rule(2, 1);
        assert.equal(allowedCount(await consumeTimes(limiter, r, 'k', 3)), 2);
        await sleep(1100);
        assert.deepEqual(
          (await consumeTimes(limiter, r, 'k', 3)).map((d) => d.allowed),
          [true, true, false],
        );
      });

      it('a refund that comes after its window ended gives nothing to the next window', async () => {
        const r = rule(1, 1);
        const [spent] = await consumeTimes(limiter, r, 'late', 1);
        await new Promise((resolve) => setTimeout(resolve, 1100));
        await limiter.refund(takenBy([spent!]));
        assert.deepEqual(
          (await consumeTimes(limiter, r, 'late', 2)).map((d) => d.allowed),
          [true, false],
        );
      });

      it('a refund that comes after a new window started gives that window nothing', async () => {
        const r = rule(1, 1);
        const [spent] = await consumeTimes(limiter, r, 'later', 1);
        await sleep(1100);
        assert.equal((await limiter.consume(r, 'later')).allowed, true);
        await limiter.refund(takenBy([spent!]));
        assert.equal((await limiter.consume(r, 'later')).allowed, false);
      });

      it('consumeAll takes a point from every charge, or from none when one limit says no', async () => {
        const wide = rule(5);
        const narrow = rule(1);
        const first = await limiter.consumeAll([
          [wide, 'a'],
          [narrow, 'b'],
        ]);
        assert.equal(first.allowed, true);
        const second = await limiter.consumeAll([
          [wide, 'a'],
          [narrow, 'b'],
        ]);
        assert.equal(second.allowed, false);
        if (!second.allowed) {
          assert.equal(second.rule.name, narrow.name);
          assert.ok(second.retryAfterSeconds >= 58 && second.retryAfterSeconds <= 60);
        }
        // The refused call took nothing from the wide limit: 4 of its 5 are left.
        assert.deepEqual(
          (await consumeTimes(limiter, wide, 'a', 5)).map((d) => d.allowed),
          [true, true, true, true, false],
        );
      });

      it('of 20 parallel consumeAll sharing one limit of 3, exactly 3 go through and the rest take nothing', async () => {
        const shared = rule(3);
        const own = rule(1);
        const decisions = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            limiter.consumeAll([
              [own, `k${i}`],
              [shared, 'all'],
            ]),
          ),
        );
        assert.equal(decisions.filter((d) => d.allowed).length, 3);
        const again = await Promise.all(decisions.map((_, i) => limiter.consume(own, `k${i}`)));
        assert.deepEqual(
          again.map((d) => d.allowed),
          decisions.map((d) => !d.allowed),
          'a key whose request was refused still has its point; one that went through does not',
        );
      });

      it('a refund of what consumeAll took gives back exactly that room', async () => {
        const r = rule(1);
        const other = rule(1);
        const decision = await limiter.consumeAll([
          [r, 'x'],
          [other, 'y'],
        ]);
        assert.ok(decision.allowed);
        for (const taken of decision.taken) await limiter.refund(taken);
        assert.equal((await limiter.consume(r, 'x')).allowed, true);
        assert.equal((await limiter.consume(other, 'y')).allowed, true);
        assert.equal((await limiter.consume(other, 'y')).allowed, false);
      });

      it('refundAll gives back what several charges took in one call, and only that', async () => {
        const r = rule(2);
        const other = rule(2);
        const untouched = rule(2);
        const first = await limiter.consumeAll([
          [r, 'x'],
          [other, 'y'],
        ]);
        const second = await limiter.consumeAll([
          [r, 'x'],
          [other, 'y'],
          [untouched, 'z'],
        ]);
        assert.ok(first.allowed && second.allowed);
        await limiter.refundAll([...first.taken, ...second.taken.filter((t) => t.rule !== untouched)]);
        for (const key of [
          [r, 'x'],
          [other, 'y'],
        ] as const) {
          assert.equal((await limiter.consume(key[0], key[1])).allowed, true);
          assert.equal((await limiter.consume(key[0], key[1])).allowed, true);
          assert.equal((await limiter.consume(key[0], key[1])).allowed, false, 'exactly the two points came back');
        }
        assert.equal((await limiter.consume(untouched, 'z')).allowed, true);
        assert.equal((await limiter.consume(untouched, 'z')).allowed, false, 'a charge not refunded stays taken');
      });

      it('two instances over the same store share one count, also when they race', async () => {
        const second = await opened.limiter();
        const r = rule(4);
        assert.equal((await limiter.consume(r, 'shared')).allowed, true);
        const secondTook = await second.consume(r, 'shared');
        assert.equal(secondTook.allowed, true);
        const raced = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? limiter : second).consume(r, 'shared')),
        );
        assert.equal(allowedCount(raced), 2);
        await second.refund(takenBy([secondTook]));
        assert.equal((await limiter.consume(r, 'shared')).allowed, true);
        assert.equal((await second.consume(r, 'shared')).allowed, false);
      });
    });
  }
});

/** Waits for a condition the limiter reaches on its own (its checks run every second). */
async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

describe('with Redis configured but unreachable, limits are counted in the database', () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let limiter: RateLimiter;
  before(async () => {
    database = await openDatabase(sqliteBackend);
    limiter = createRateLimiter({ database: database.handle(), redisUrl: 'redis://127.0.0.1:1', redisKeyPrefix: 'x:' });
  });
  after(async () => {
    await limiter?.close();
    await database?.close();
  });

  it('exactly N allowed, never unlimited, decided at once, and the limiter says so', async () => {
    const r = rule(3);
    const started = Date.now();
    const decisions = await Promise.all(Array.from({ length: 10 }, () => limiter.consume(r, 'k')));
    assert.equal(allowedCount(decisions), 3);
    assert.ok(Date.now() - started < 3000, 'decided after the first connection attempt, not after timeouts');
    assert.equal(limiter.store, 'database');
    assert.equal(limiter.degraded, true);
    const rows = await database.main.db
      .selectFrom('rate_limits')
      .select(['key', 'points'])
      .where('key', '=', `${r.name}:k`)
      .execute();
    assert.deepEqual(rows, [{ key: `${r.name}:k`, points: 3 }]);
    await limiter.refund(takenBy(decisions));
    assert.deepEqual(
      (await consumeTimes(limiter, r, 'k', 2)).map((d) => d.allowed),
      [true, false],
    );
  });
});

// On each database: the counts taken while Redis is away, and their move into Redis, are the database's.
for (const backend of DATABASES) {
  const outage = `when Redis goes away and comes back (database on ${backend.name})`;
  if (redisSkip || backend.skip) it(outage, { skip: redisSkip || backend.skip }, () => {});
  else outageTests(outage, backend);
}

function outageTests(outage: string, backend: DatabaseBackend) {
  describe(outage, { concurrency: 1 }, () => {
    let database: Awaited<ReturnType<typeof openDatabase>>;
    let proxy: TcpProxy;
    let inspector: Redis;
    /** Two instances that reach Redis through the proxy, and one that reaches it directly. */
    let a: RateLimiter;
    let b: RateLimiter;
    let direct: RateLimiter;
    const prefix = `rlproxy${randomBytes(4).toString('hex')}:`;
    const all = () => [a, b, direct];
    const allOn = (store: 'redis' | 'database') => () => all().every((l) => l.store === store);
    /** Redis away until every instance counts in the database, `during`, then back until all count in Redis. */
    const throughOutage = async (during: () => Promise<void>) => {
      await proxy.pause();
      await until('every instance counts in the database', allOn('database'), 15_000);
      await during();
      await proxy.resume();
      await until('every instance counts in Redis again', allOn('redis'));
    };
    /** n consumes started at once, spread over the instances given. */
    const spread = (limiters: RateLimiter[], n: number, r: RateRule, key: string) =>
      Promise.all(Array.from({ length: n }, (_, i) => limiters[i % limiters.length]!.consume(r, key)));

    before(async () => {
      database = await openDatabase(backend);
      const target = new URL(redisUrl!);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
      inspector = new Redis(redisUrl!);
      const open = (url: string) =>
        createRateLimiter({ database: database.handle(), redisUrl: url, redisKeyPrefix: prefix });
      a = open(proxy.rewrite(redisUrl!));
      b = open(proxy.rewrite(redisUrl!));
      direct = open(redisUrl!);
      for (const limiter of all()) await untilCountingInRedis(limiter, inspector, prefix);
    });
    after(async () => {
      for (const limiter of [a, b, direct]) await limiter?.close();
      await proxy?.close();
      const keys = await inspector.keys(`${prefix}*`);
      if (keys.length) await inspector.del(...keys);
      inspector?.disconnect();
      await database?.close();
    });

    it('counts before, during and after an outage add up to exactly N, on every instance', async () => {
      const before = rule(4);
      const fresh = rule(4);
      const some = rule(4);
      assert.equal(allowedCount(await spread([a, b], 2, before, 'k')), 2);

      await proxy.pause();
      // The first command that fails switches its instance at once; the one that reaches Redis follows
      // the outage marker within a check or two.
      assert.equal(allowedCount(await spread([a, b], 10, fresh, 'k')), 4);
      await until('every instance counts in the database', allOn('database'));
      assert.equal(allowedCount(await spread(all(), 2, before, 'k')), 2, 'Redis still holds the 2 from before');
      assert.equal(allowedCount(await spread(all(), 1, some, 'k')), 1);

      await proxy.resume();
      await until('every instance counts in Redis again', allOn('redis'));
      assert.equal(allowedCount(await spread(all(), 6, before, 'k')), 0, '2 before and 2 during: none left');
      assert.equal(allowedCount(await spread(all(), 6, fresh, 'k')), 0, 'the 4 taken during the outage still count');
      assert.equal(allowedCount(await spread(all(), 6, some, 'k')), 3, 'exactly the 1 taken during the outage counts');
      assert.equal(await inspector.get(`${prefix}rl:${fresh.name}:k`), '4');
      const left = await database.main.db
        .selectFrom('rate_limits')
        .select(['points', 'carried', 'expire', 'carried_expire'])
        .where('key', 'not like', '~%')
        .execute();
      assert.ok(left.length >= 3);
      for (const row of left) {
        assert.equal(Number(row.carried), Number(row.points), 'every count taken in the database is in Redis');
        assert.equal(Number(row.carried_expire), Number(row.expire));
      }
    });

    it('an instance that has not seen Redis back yet counts on top of the counts already moved, not from nothing', async () => {
      const r = rule(3);
      await throughOutage(async () => assert.equal(allowedCount(await spread(all(), 6, r, 'lag')), 3));
      assert.equal(await inspector.get(`${prefix}rl:${r.name}:lag`), '3');

      // An instance still on the database (it has not seen Redis back yet: its check is up to a second away).
      const lagging = createDatabaseLimiter(database.handle());
      assert.equal(allowedCount(await consumeTimes(lagging, r, 'lag', 3)), 0, 'the 3 moved still count there');
      const other = rule(3);
      assert.equal((await lagging.consume(other, 'lag')).allowed, true);
      // What it counts meanwhile is moved at the next check, and what was moved before is not moved again.
      const moved = `${prefix}rl:${other.name}:lag`;
      for (const deadline = Date.now() + 5000; (await inspector.get(moved)) === null && Date.now() < deadline;) {
        await sleep(100);
      }
      assert.equal(await inspector.get(moved), '1');
      assert.equal(await inspector.get(`${prefix}rl:${r.name}:lag`), '3');
    });

    it('a second outage in the same window starts from the counts of the first, not from nothing', async () => {
      const r = rule(3);
      await throughOutage(async () => assert.equal(allowedCount(await spread(all(), 6, r, 'twice')), 3));
      await throughOutage(async () => assert.equal(allowedCount(await spread(all(), 6, r, 'twice')), 0));
      assert.equal(await inspector.get(`${prefix}rl:${r.name}:twice`), '3');
    });

    it('ten seconds after the return no instance reads the database for late counts any more', async () => {
      const r = rule(3);
      await until('every instance counts in Redis', allOn('redis'));
      await sleep(11_000);
      // A count no instance would write now (all count in Redis): had it been read, it would be in Redis.
      await sql`insert into rate_limits (key, points, expire) values (${`${r.name}:late`}, 1, ${Date.now() + 60_000})`.execute(
        database.main.db,
      );
      await sleep(2500);
      assert.equal(await inspector.get(`${prefix}rl:${r.name}:late`), null);
    });

    it('an instance cut off from Redis alone takes the others with it to the database', async () => {
      const r = rule(3);
      await proxy.pause();
      assert.equal((await a.consume(r, 'cut')).allowed, true);
      assert.equal(a.store, 'database');
      await until('the instance that reaches Redis counts in the database too', () => direct.store === 'database');
      assert.equal(allowedCount(await spread([a, direct], 10, r, 'cut')), 2);
      await proxy.resume();
      await until('every instance counts in Redis again', allOn('redis'));
      assert.equal(allowedCount(await spread(all(), 4, r, 'cut')), 0);
    });

    it('a refund goes back to the store the points were taken from', async () => {
      const r = rule(2);
      await proxy.pause();
      await until('every instance counts in the database', allOn('database'), 15_000);
      const [taken] = await consumeTimes(a, r, 'refund', 1);
      await a.refund(takenBy([taken!]));
      const rows = await database.main.db
        .selectFrom('rate_limits')
        .select('points')
        .where('key', '=', `${r.name}:refund`)
        .execute();
      assert.deepEqual(
        rows.map((row) => Number(row.points)),
        [0],
      );
      await proxy.resume();
      await until('every instance counts in Redis again', allOn('redis'));
      const inRedis = await consumeTimes(a, r, 'refund', 1);
      await a.refund(takenBy(inRedis));
      assert.equal(await inspector.get(`${prefix}rl:${r.name}:refund`), '0');
    });

    // Each Redis command is given up after the 1 s command timeout, and the database answers.
    it('when Redis stops answering, consumes fall back to the database after the command timeout', async () => {
      const r = rule(2);
      proxy.hang();
      const started = Date.now();
      const during = await Promise.all(Array.from({ length: 6 }, () => a.consume(r, 'hang')));
      const elapsed = Date.now() - started;
      await proxy.resume();
      assert.equal(allowedCount(during), 2);
      assert.ok(elapsed < 3000, `decided in ${elapsed} ms`);
      await until('every instance counts in Redis again', allOn('redis'));
      assert.equal((await b.consume(r, 'hang')).allowed, false);
    });
  });
}
