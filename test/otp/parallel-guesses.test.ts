import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { redisUrl } from '../helpers/backends.ts';
import { issueCode, mobile, verifyCode, wrongCode, type Answer } from '../helpers/otp-flow.ts';

const MAX_ATTEMPTS = 5;
const BATCH = 200;
const ROUNDS = 4;

/**
 * After `k` wrong codes, a batch of parallel verifies over two instances, the right code at a random place.
 * What each answer says tells which guesses were compared: an `OTP_INVALID` (with its own `attempts_left`)
 * or the sign-in. Everything else was refused before any comparison.
 */
async function attackRound(a: TestApp, b: TestApp, phone: string, k: number) {
  const code = await issueCode(a, phone);
  for (let i = 0; i < k; i++) assert.equal((await verifyCode(a, phone, wrongCode(code))).body.code, 'OTP_INVALID');

  const rightAt = randomInt(BATCH);
  const answers: Answer[] = await Promise.all(
    Array.from({ length: BATCH }, (_, i) =>
      verifyCode(i % 2 ? b : a, phone, i === rightAt ? code : wrongCode(code), { ip: `10.9.${i >> 8}.${i & 255}` }),
    ),
  );
  const signIns = answers.filter((x) => x.status === 200).length;
  const wrongLeft = answers.filter((x) => x.body?.code === 'OTP_INVALID').map((x) => x.body.attempts_left as number);
  const refused = answers.filter(
    (x) => x.body?.code === 'OTP_ATTEMPTS_EXCEEDED' || (signIns === 1 && x.body?.code === 'OTP_EXPIRED'),
  ).length;
  const row = await a.database.db
    .selectFrom('otp_codes')
    .select('attempts')
    .where('phone_number', '=', phone)
    .executeTakeFirstOrThrow();
  return { signIns, wrongLeft, refused, attempts: row.attempts };
}

forEachDatabase('parallel guesses never outnumber OTP_MAX_ATTEMPTS', (backend) => {
  const stores = backend.name === 'postgres' && redisUrl ? [undefined, redisUrl] : [undefined];
  for (const redis of stores) {
    const label = redis ? ' (Redis counters)' : '';
    let a: TestApp;
    let b: TestApp;
    before(async () => {
      // A budget of failed verifies large enough that only the attempts rule can stop the batch.
      const env: Record<string, string> = { OTP_VERIFY_IP_HOURLY_LIMIT: '100000', OTP_IP_HOURLY_LIMIT: '1000' };
      if (redis) env.REDIS_URL = redis;
      a = await startTestApp(backend, { env });
      b = await startTestApp(backend, { env, shareWith: a });
    });
    after(async () => {
      await b?.close();
      await a?.close();
    });

    it(`compares at most ${MAX_ATTEMPTS} - k of ${BATCH} parallel guesses over two instances${label}`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const k = round % MAX_ATTEMPTS === 0 ? MAX_ATTEMPTS - 1 : randomInt(MAX_ATTEMPTS);
        const left = MAX_ATTEMPTS - k;
        const phone = mobile(7100 + round + (redis ? 50 : 0));
        const r = await attackRound(a, b, phone, k);
        const compared = r.wrongLeft.length + r.signIns;
        const why = `round ${round}, k=${k}: ${JSON.stringify(r)}`;

        assert.ok(r.signIns <= 1, why);
        assert.ok(compared <= left, `compared ${compared} guesses with ${left} attempts left; ${why}`);
        assert.equal(r.attempts, k + compared, why);
        assert.equal(r.refused, BATCH - compared, `every other guess refused uncompared; ${why}`);
        // Each compared wrong guess took its own attempt: the counts left are distinct and within range.
        assert.equal(new Set(r.wrongLeft).size, r.wrongLeft.length, why);
        assert.ok(
          r.wrongLeft.every((n) => n >= 0 && n < left),
          why,
        );
        // No sign-in means every attempt left went to a wrong guess; a sign-in means the right code was
        // taken before they ran out.
        if (r.signIns === 0) assert.equal(r.wrongLeft.length, left, why);
        else assert.ok(r.wrongLeft.length < left, why);
      }
    });

    it(`signs in when the right code is the one guess left${label}`, async () => {
      const phone = mobile(7190 + (redis ? 5 : 0));
      const code = await issueCode(a, phone);
      for (let i = 0; i < MAX_ATTEMPTS - 1; i++) await verifyCode(b, phone, wrongCode(code));
      assert.equal((await verifyCode(a, phone, code)).status, 200);
    });
  }
});
