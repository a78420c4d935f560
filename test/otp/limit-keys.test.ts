import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { DATABASES, forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { redisSkip, redisUrl } from '../helpers/backends.ts';
import { issueCode, requestCode, verifyCode, wrongCode } from '../helpers/otp-flow.ts';
import { dropRedisKeys, redisKeys, untilCountingInRedis } from '../helpers/otp-redis.ts';

const PHONE = '+989127654321';
/** What any form of the number has in common: its national digits (0912..., +98912..., 98912...). */
const DIGITS = '9127654321';

const allKeys = async (t: TestApp) =>
  (await t.database.db.selectFrom('rate_limits').select('key').execute()).map((row) => row.key);

/** Requests, a wrong check and a resend refused: every counter a number can have is written. */
async function countEverything(t: TestApp): Promise<void> {
  const code = await issueCode(t, PHONE, { ip: '198.51.100.9' });
  assert.equal((await verifyCode(t, PHONE, wrongCode(code), { ip: '198.51.100.9' })).status, 400);
  assert.equal((await requestCode(t, PHONE, { ip: '198.51.100.9' })).status, 429);
}

forEachDatabase('rate-limit keys hold no phone number', (backend) => {
  let t: TestApp;
  before(async () => (t = await startTestApp(backend)));
  after(() => t?.close());

  it('after code requests and checks, no rate_limits key holds the digits of the number', async () => {
    await countEverything(t);
    const keys = await allKeys(t);
    assert.ok(keys.length >= 5, `counters were written: ${keys.join(', ')}`);
    assert.deepEqual(
      keys.filter((key) => key.includes(DIGITS)),
      [],
    );
    // The number's own counters are there, under its hash.
    assert.ok(
      keys.some((key) => /^otp-phone-hour:ph\.[A-Za-z0-9_-]{22}$/.test(key)),
      keys.join(', '),
    );
  });

  it('migration 0010 deletes counters kept under plain numbers and keeps every other', async () => {
    while (!(await migrateDown(t.database)).includes('0009_hashed_limit_keys'));
    const old = [
      'otp-phone-hour:+989121111111',
      'otp-resend:login:+989121111111',
      'otp-failed-send-phone-hour:+989121111112',
    ];
    const kept = [
      'otp-ip-hour:203.0.113.4',
      'otp-verify-ip-hour:2001:db8:1:2::',
      'sms-day:all',
      'otp-phone-hour:ph.AAAAAAAAAAAAAAAAAAAAAA',
    ];
    const expire = Date.now() + 3_600_000;
    await t.database.db
      .insertInto('rate_limits')
      .values([...old, ...kept].map((key) => ({ key, points: 1, expire })))
      .onConflict((c) => c.column('key').doNothing())
      .execute();
    await migrateToLatest(t.database);
    const keys = await allKeys(t);
    for (const key of old) assert.ok(!keys.includes(key), `${key} is gone`);
    for (const key of kept) assert.ok(keys.includes(key), `${key} is kept`);
    assert.deepEqual(
      keys.filter((key) => /\+\d/.test(key)),
      [],
    );
    await sql`delete from rate_limits`.execute(t.database.db);
  });
});

it('in Redis, no counter key holds the digits of the number', { skip: redisSkip }, async () => {
  const t = await startTestApp(DATABASES[0]!, { env: { REDIS_URL: redisUrl! } });
  const prefix = t.config.redis.keyPrefix;
  try {
    await untilCountingInRedis(t, redisUrl!, 500);
    await countEverything(t);
    const keys = [...(await redisKeys(redisUrl!, prefix)).keys()];
    assert.ok(
      keys.some((key) => key.startsWith(`${prefix}rl:otp-phone-hour:ph.`)),
      keys.join(', '),
    );
    assert.deepEqual(
      keys.filter((key) => key.includes(DIGITS)),
      [],
    );
  } finally {
    await dropRedisKeys(redisUrl!, prefix);
    await t.close();
  }
});
