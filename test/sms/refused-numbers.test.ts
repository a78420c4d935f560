import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDatabase } from '../helpers/app.ts';
import {
  assertEveryCircuitClosed,
  assertSignInWorks,
  client,
  countersFor,
  untilLimitsInRedis,
} from '../helpers/abuse.ts';
import { errorBody, mobile, requestCode, tally, withApp, type Answer } from '../helpers/otp-flow.ts';
import { codeIn, providerStates, withProviders, type ProviderFakes } from '../helpers/sms-fakes.ts';

const ATTACKS = 100;

/**
 * Anyone can ask for a code to any number. Numbers the provider refuses (unallocated, blacklisted) must
 * neither open its breaker nor let one client make provider calls without end.
 */
forEachDatabase('requests for numbers the provider refuses', (backend) => {
  const env = { ...countersFor(backend), SMS_BREAKER_FAILURES: '5' };

  it(`${ATTACKS} requests from as many addresses for numbers the webhook refuses (422) leave sign-in working`, async () => {
    await withApp(backend, env, async (t) => {
      await untilLimitsInRedis(t);
      t.sink.answerAll({ status: 422 });
      const answers: Answer[] = [];
      for (let n = 0; n < ATTACKS; n++) answers.push(await requestCode(t, mobile(9000 + n), client(n)));
      assert.deepEqual(tally(answers), { [`503 SMS_FAILED`]: ATTACKS });
      assert.equal(t.sink.requests.length, ATTACKS, 'every request reached the provider');
      await assertEveryCircuitClosed(t);

      t.sink.answerAll(null);
      const phone = mobile(9999);
      await assertSignInWorks(t, phone, () => t.sink.lastCode(phone)!);
    });
  });

  it(`${ATTACKS} requests from one address: the provider sees OTP_FAILED_SEND_IP_HOURLY_LIMIT of them`, async () => {
    await withApp(backend, { ...env, OTP_FAILED_SEND_IP_HOURLY_LIMIT: '7' }, async (t) => {
      await untilLimitsInRedis(t);
      t.sink.answerAll({ status: 422 });
      const answers: Answer[] = [];
      for (let n = 0; n < ATTACKS; n++) answers.push(await requestCode(t, mobile(9100 + n), { ip: '10.9.1.1' }));
      assert.deepEqual(tally(answers), { '503 SMS_FAILED': 7, '429 RATE_LIMITED': ATTACKS - 7 });
      assert.equal(t.sink.requests.length, 7);
      await assertEveryCircuitClosed(t);

      t.sink.answerAll(null);
      const phone = mobile(9199);
      await assertSignInWorks(t, phone, () => t.sink.lastCode(phone)!);
      // A send that went out gives the budget back: the address's own sign-ins are not held back by it.
      const own = await requestCode(t, mobile(9198), { ip: '192.0.2.10' });
      assert.equal(own.status, 200, own.raw);
    });
  });

  it('one number refused again and again: the provider sees OTP_FAILED_SEND_PHONE_HOURLY_LIMIT of them', async () => {
    await withApp(backend, { ...env, OTP_FAILED_SEND_PHONE_HOURLY_LIMIT: '2' }, async (t) => {
      await untilLimitsInRedis(t);
      t.sink.answerAll({ status: 422 });
      const phone = mobile(9201);
      const answers: Answer[] = [];
      for (let n = 0; n < 20; n++) answers.push(await requestCode(t, phone, client(n)));
      assert.deepEqual(tally(answers), { '503 SMS_FAILED': 2, '429 RATE_LIMITED': 18 });
      assert.equal(t.sink.messagesTo(phone).length, 2);
    });
  });

  it('every provider: a refusal of the number never opens a circuit, and sign-in works right after', async () => {
    const order = ['melipayamak', 'kavenegar', 'smsir'];
    await withProviders(backend, order, env, async (t, fakes) => {
      await untilLimitsInRedis(t);
      let n = 0;
      const attack = async (times: number, arrange: () => void) => {
        for (let i = 0; i < times; i++, n++) {
          arrange();
          assert.deepEqual((await requestCode(t, mobile(9300 + n), client(n))).body, errorBody('SMS_FAILED'));
        }
      };
      // 35 (blacklist) and 18 (invalid recipient, or queued: UNCONFIRMED) are both about the number.
      await attack(20, () => fakes.melipayamak.answerNext('blacklist'));
      await attack(20, () => fakes.melipayamak.answerNext({ status: 200, body: '{"Value":"18","RetStatus":0}' }));
      await assertEveryCircuitClosed(t);
      assert.equal(fakes.kavenegar.requests.length, 0, 'a refusal of the number is not failed over');

      const phone = mobile(9399);
      await assertSignInWorks(t, phone, () => codeIn(fakes.melipayamak.requests.at(-1)?.fields.text));
    });
    for (const [first, refuse] of [
      ['kavenegar', (f: ProviderFakes) => f.kavenegar.answerNext({ code: 411 })],
      ['smsir', (f: ProviderFakes) => f.smsir.answerNext({ code: 104, http: 400 })],
      ['smsir', (f: ProviderFakes) => f.smsir.answerNext({ code: 115, http: 400 })],
    ] as const) {
      await withProviders(backend, [first, 'melipayamak'], env, async (t, fakes) => {
        await untilLimitsInRedis(t);
        for (let n = 0; n < 20; n++) {
          refuse(fakes);
          assert.equal((await requestCode(t, mobile(9400 + n), client(n))).status, 503);
        }
        assert.deepEqual(
          (await providerStates(t)).map(({ state }) => state),
          ['closed', 'closed'],
        );
        assert.equal(fakes.melipayamak.requests.length, 0, 'not failed over');
        const phone = mobile(9499);
        const sent = () =>
          first === 'kavenegar'
            ? codeIn(fakes.kavenegar.requests.at(-1)?.fields.message)
            : codeIn(fakes.smsir.requests.at(-1)?.json?.messageText as string);
        await assertSignInWorks(t, phone, sent);
      });
    }
  });
});
