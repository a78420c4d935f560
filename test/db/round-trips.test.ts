import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { redisSkip, redisUrl } from '../helpers/backends.ts';
import { mobile, requestCode, verifyCode } from '../helpers/otp-flow.ts';

const postgres = DATABASES.find((backend) => backend.name === 'postgres')!;

/**
 * Statements and Redis commands made on behalf of one request: the pg client's and ioredis's own entry
 * points, counted only inside the request's async context, so the rate limiter's timer (its Redis PING and
 * outage check) and other tests' traffic do not count.
 */
const request = new AsyncLocalStorage<{ statements: string[]; redis: string[] }>();
const clientQuery = pg.Client.prototype.query;
const sendCommand = Redis.prototype.sendCommand;

function counting(): void {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    request.getStore()?.statements.push(typeof first === 'string' ? first : first.text);
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof clientQuery;
  Redis.prototype.sendCommand = function (this: Redis, command: { name: string }, ...rest: unknown[]) {
    request.getStore()?.redis.push(command.name);
    return (sendCommand as (...a: unknown[]) => unknown).call(this, command, ...rest);
  } as typeof sendCommand;
}

function restore(): void {
  pg.Client.prototype.query = clientQuery;
  Redis.prototype.sendCommand = sendCommand;
}

async function traced<T>(run: () => Promise<T>) {
  const seen = { statements: [] as string[], redis: [] as string[] };
  const answer = await request.run(seen, run);
  return { answer, ...seen };
}

/** The first words of each statement, to say in a failure which ones ran. */
const heads = (statements: readonly string[]) => statements.map((s) => s.replace(/\s+/g, ' ').trim().slice(0, 60));

// Events are written inside the same statements (a CTE each), so they add no round trip; the receiver is
// never called here (no worker runs).
const EVENTS = {
  EVENTS_WEBHOOK_URL: 'http://127.0.0.1:9/events',
  EVENTS_WEBHOOK_SECRET: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
};

const stores: { name: string; env: Record<string, string>; skip: string | false }[] = [
  { name: 'PostgreSQL', env: {}, skip: postgres.skip },
  { name: 'PostgreSQL and Redis', env: { REDIS_URL: redisUrl ?? '' }, skip: postgres.skip || redisSkip },
  { name: 'PostgreSQL with events', env: EVENTS, skip: postgres.skip },
  {
    name: 'PostgreSQL and Redis with events',
    env: { ...EVENTS, REDIS_URL: redisUrl ?? '' },
    skip: postgres.skip || redisSkip,
  },
];

for (const store of stores) {
  if (store.skip) {
    it(`round trips on ${store.name}`, { skip: store.skip }, () => {});
    continue;
  }
  describe(`round trips on ${store.name}`, { concurrency: 1 }, () => {
    let t: TestApp;
    const redis = 'REDIS_URL' in store.env;
    const events = 'EVENTS_WEBHOOK_URL' in store.env;
    const eventTypes = async (userId: string) =>
      (await t.database.pool!.query('select type from events where user_id = $1 order by type', [userId])).rows.map(
        (row) => row.type as string,
      );
    before(async () => {
      t = await startTestApp(postgres, { env: store.env });
      counting();
      // The first request loads the templates into their cache; it is not what is counted.
      await requestCode(t, mobile(1));
    });
    after(async () => {
      restore();
      await t?.close();
    });

    it('a code request is two statements, its limits counted in the first or in one Redis script', async () => {
      const { answer, statements, redis: commands } = await traced(() => requestCode(t, mobile(2)));
      assert.equal(answer.status, 200);
      assert.equal(statements.length, 2, `statements: ${JSON.stringify(heads(statements))}`);
      // With Redis: the charges in one script, the failed-send budgets given back in one.
      assert.deepEqual(commands, redis ? ['evalsha', 'evalsha'] : []);
    });

    it('a sign-in is two statements: the attempt (with its limit), then the user, session and give-back', async () => {
      const phone = mobile(3);
      await requestCode(t, phone);
      const code = t.sink.lastCode(phone)!;
      const { answer, statements, redis: commands } = await traced(() => verifyCode(t, phone, code));
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(statements.length, 2, `statements: ${JSON.stringify(heads(statements))}`);
      assert.deepEqual(commands, redis ? ['evalsha', 'evalsha'] : []);
      if (events) {
        const types = await eventTypes(answer.body.user.id);
        assert.deepEqual(types, ['user.created', 'user.signed_in'], 'the sign-in wrote its events');
      }
    });

    it('a refused code request is one statement (or one script) and writes nothing', async () => {
      const phone = mobile(4);
      await requestCode(t, phone);
      const rows = async () =>
        (await t.database.pool!.query('select count(*)::int as n from sms_logs where phone_number = $1', [phone]))
          .rows[0].n;
      const before = await rows();
      const { answer, statements, redis: commands } = await traced(() => requestCode(t, phone));
      assert.equal(answer.body.code, 'RATE_LIMITED');
      assert.equal(statements.length, redis ? 0 : 1, `statements: ${JSON.stringify(heads(statements))}`);
      assert.deepEqual(commands, redis ? ['evalsha'] : []);
      assert.equal(await rows(), before, 'no log row for a refused request');
    });
  });
}
