import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { DATABASES, redisSkip, redisUrl, type DatabaseBackend } from '../helpers/backends.ts';
import { DATABASE_LINE, runCli, sharedDatabase, withoutDatabaseLine } from '../helpers/infra-cli.ts';
import {
  databaseCountersFor,
  issueCode,
  phoneLimitKey,
  requestCode,
  verifyCode,
  wrongCode,
} from '../helpers/otp-flow.ts';
import { dropRedisKeys, redisKeys, untilCountingInRedis } from '../helpers/otp-redis.ts';

const PHONE = '+989123456789';
/** The same number as support might be given it: national form, Persian digits, spaces. */
const TYPED = '۰۹۱۲ ۳۴۵ ۶۷۸۹';
const IP = '198.51.100.7';
const LIMITS = { OTP_IP_HOURLY_LIMIT: '2', OTP_VERIFY_IP_HOURLY_LIMIT: '1' };

const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A test app on a database the command can open too: a SQLite file, or a PostgreSQL schema. */
async function appWithSharedDatabase(backend: DatabaseBackend, env: Record<string, string> = {}): Promise<TestApp> {
  const { url, drop } = await sharedDatabase(backend);
  cleanups.push(drop);
  const t = await startTestApp(backend, { env: { DATABASE_URL: url, ...LIMITS, ...env } });
  cleanups.push(() => t.close());
  return t;
}

async function reset(t: TestApp, ...args: string[]): Promise<string> {
  const env: Record<string, string> = {
    DATABASE_URL: t.config.database.url,
    REDIS_KEY_PREFIX: t.config.redis.keyPrefix,
    // The counters are keyed by a hash of the number under AUTH_SECRET: the command must use the app's.
    AUTH_SECRET: t.config.authSecret!,
  };
  if (t.config.redis.url) env.REDIS_URL = t.config.redis.url;
  const result = await runCli(['limits', 'reset', ...args], env);
  assert.match(result.stderr, DATABASE_LINE);
  assert.equal(withoutDatabaseLine(result.stderr).trim(), '');
  assert.equal(result.code, 0);
  return result.stdout.trim();
}

/** Locks the number out (resend wait) and the address (hourly requests, failed checks), then unlocks both. */
async function locksAndUnlocks(t: TestApp, stores: string, countersOf: (phone: string) => Promise<string[]>) {
  const from = { ip: IP };
  const code = await issueCode(t, PHONE, from);
  assert.equal((await requestCode(t, PHONE, { ip: '203.0.113.1' })).status, 429, 'the number waits to resend');
  assert.equal((await requestCode(t, '+989123450000', from)).status, 200);
  assert.equal((await requestCode(t, '+989123450001', from)).status, 429, 'the address used its hour');
  assert.equal((await verifyCode(t, PHONE, wrongCode(code), from)).status, 400);
  assert.equal((await verifyCode(t, PHONE, code, from)).status, 429, 'the address used its failed checks');

  assert.notDeepEqual(await countersOf(PHONE), []);
  assert.equal(await reset(t, '--phone', TYPED), `cleared the rate limits of ${PHONE} in ${stores}`);
  assert.deepEqual(await countersOf(PHONE), [], 'no counter of the number is left');
  assert.equal((await requestCode(t, PHONE, { ip: '203.0.113.1' })).status, 200, 'the number may ask again');
  assert.equal((await requestCode(t, '+989123450002', from)).status, 429, 'the address is still locked');

  // Given as a proxy's log line may show it, with the client's port: the address's counters are cleared.
  assert.equal(await reset(t, '--ip', `${IP}:40001`), `cleared the rate limits of ${IP} in ${stores}`);
  assert.equal((await requestCode(t, '+989123450003', from)).status, 200, 'the address may ask again');
  // A check is counted again: the newest code of the number is wrong now, but the answer is no longer 429.
  assert.equal((await verifyCode(t, PHONE, wrongCode(code), from)).status, 400);

  // Each reset is in the audit trail, as made on the command line, with the number masked.
  const records = await t.database.db
    .selectFrom('admin_audit')
    .select(['actor_key_id', 'actor_name', 'summary'])
    .where('action', '=', 'limits.reset')
    .orderBy('created_at')
    .execute();
  assert.deepEqual(
    records.map((r) => [r.actor_key_id, r.actor_name, JSON.parse(r.summary)]),
    [
      [null, 'cli', { phone: '+98912***6789', ip: null }],
      [null, 'cli', { phone: null, ip: IP }],
    ],
  );
}

describe('otpgate limits reset', { concurrency: 2 }, () => {
  for (const backend of DATABASES) {
    it(`unlocks a number and an address in the ${backend.name} store`, { skip: backend.skip }, async () => {
      const t = await appWithSharedDatabase(backend);
      await locksAndUnlocks(t, 'the database', (phone) => databaseCountersFor(t, phone));
    });
  }

  it('unlocks a number and an address in Redis', { skip: redisSkip }, async () => {
    const t = await appWithSharedDatabase(DATABASES[0]!, { REDIS_URL: redisUrl! });
    const prefix = t.config.redis.keyPrefix;
    cleanups.push(() => dropRedisKeys(redisUrl!, prefix));
    await untilCountingInRedis(t, redisUrl!, 0);
    // The number's counters in Redis and in the database (Redis's insurance): none may be left.
    const everywhere = async (phone: string) => [
      ...[...(await redisKeys(redisUrl!, `${prefix}rl:`)).keys()].filter((key) =>
        key.includes(phoneLimitKey(t, phone)),
      ),
      ...(await databaseCountersFor(t, phone)),
    ];
    await locksAndUnlocks(t, 'the database and Redis', everywhere);
  });

  it('a number that is not one of PHONE_ALLOWED_COUNTRIES, or an address that is not one, exits 2 before opening anything', async () => {
    const phone = await runCli(['limits', 'reset', '--phone', '+14155550100'], {
      DATABASE_URL: 'sqlite:/nonexistent/x.db',
    });
    assert.equal(phone.code, 2);
    assert.equal(
      phone.stderr,
      'otpgate: limits: --phone: "+14155550100" is not a mobile number of IR (PHONE_ALLOWED_COUNTRIES)\n',
    );
    for (const address of ['1.2.3', '010.202.0.1', '[1.2.3.4]:80']) {
      const ip = await runCli(['limits', 'reset', '--ip', address], {});
      assert.equal(ip.code, 2, address);
      assert.equal(
        ip.stderr,
        `otpgate: limits: --ip: "${address}" is not an IPv4 or IPv6 address (1.2.3.4, 1.2.3.4:port, 2001:db8::1, [2001:db8::1]:port)\n`,
      );
    }
  });
});
