import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBreaker, type BreakerState } from '../../src/sms/breaker.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { frozenClock } from '../helpers/clock.ts';
import { errorBody, mobile, requestCode } from '../helpers/otp-flow.ts';
import { providerStates, smsLogsOf, withProviders } from '../helpers/sms-fakes.ts';

const COOLDOWN_MS = 60_000;

describe('the circuit breaker on its own', () => {
  const breaker = () => {
    const clock = frozenClock();
    let openings = 0;
    const subject = createBreaker({ failures: 3, cooldownMs: COOLDOWN_MS, now: clock.now, onOpen: () => openings++ });
    return { subject, clock, openings: () => openings };
  };
  const fail = (b: ReturnType<typeof breaker>['subject']) => b.allow()!.failed();

  it('opens on the third failure in a row, not before, and a success in between starts the count again', () => {
    const { subject, openings } = breaker();
    fail(subject);
    fail(subject);
    subject.allow()!.succeeded();
    fail(subject);
    fail(subject);
    assert.equal(subject.state(), 'closed');
    fail(subject);
    assert.equal(subject.state(), 'open');
    assert.equal(subject.allow(), null);
    assert.equal(openings(), 1);
  });

  it('lets exactly one trial through once the cooldown has passed; its success closes the circuit', () => {
    const { subject, clock } = breaker();
    for (let i = 0; i < 3; i++) fail(subject);
    clock.advance(COOLDOWN_MS - 1);
    assert.equal(subject.state(), 'open');
    assert.equal(subject.allow(), null);
    clock.advance(1);
    assert.equal(subject.state(), 'half_open');
    const trial = subject.allow();
    assert.ok(trial, 'the first caller gets the trial');
    assert.equal(subject.allow(), null, 'a second caller does not, while the trial runs');
    trial.succeeded();
    assert.equal(subject.state(), 'closed');
    assert.ok(subject.allow());
  });

  it('a failed trial opens the circuit again for a whole cooldown', () => {
    const { subject, clock, openings } = breaker();
    for (let i = 0; i < 3; i++) fail(subject);
    clock.advance(COOLDOWN_MS);
    subject.allow()!.failed();
    const states: BreakerState[] = [subject.state()];
    clock.advance(COOLDOWN_MS - 1);
    states.push(subject.state());
    clock.advance(1);
    states.push(subject.state());
    assert.deepEqual(states, ['open', 'open', 'half_open']);
    assert.equal(openings(), 2);
  });

  it('calls let through before it opened change nothing when they end after it opened', () => {
    const { subject, clock } = breaker();
    const late = [subject.allow()!, subject.allow()!];
    for (let i = 0; i < 3; i++) fail(subject);
    clock.advance(COOLDOWN_MS);
    const trial = subject.allow()!;
    late[0]!.succeeded();
    late[1]!.failed();
    assert.equal(subject.state(), 'half_open', 'only the trial decides');
    assert.equal(subject.allow(), null, 'and the trial is still the only call let through');
    trial.succeeded();
    assert.equal(subject.state(), 'closed');
  });
});

forEachDatabase('the circuit breaker in front of a provider', (backend) => {
  const env = { SMS_BREAKER_FAILURES: '2', SMS_BREAKER_COOLDOWN_SECONDS: '60' };

  it('opens after SMS_BREAKER_FAILURES failures: the next sends skip the provider without calling it', async () => {
    await withProviders(backend, ['melipayamak', 'kavenegar'], env, async (t, { melipayamak, kavenegar }) => {
      melipayamak.answerAll('http-500');
      for (const n of [1, 2]) assert.equal((await requestCode(t, mobile(7100 + n))).status, 200);
      assert.equal(melipayamak.requests.length, 2);
      assert.deepEqual(await providerStates(t), [
        { name: 'melipayamak', state: 'open' },
        { name: 'kavenegar', state: 'closed' },
      ]);

      const phone = mobile(7103);
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.equal(melipayamak.requests.length, 2, 'Melipayamak was not called');
      assert.equal(kavenegar.issued.length, 3);
      assert.deepEqual(await smsLogsOf(t, phone), [
        {
          provider: 'kavenegar',
          status: 'sent',
          attempts: 1,
          error_code: null,
          provider_message_id: String(kavenegar.issued[2]!.messageid),
        },
      ]);
    });
  });

  it('after the cooldown makes one trial call; its success closes the circuit', async () => {
    await withProviders(backend, ['melipayamak', 'kavenegar'], env, async (t, { melipayamak, kavenegar }) => {
      melipayamak.answerAll('http-500');
      for (const n of [1, 2]) await requestCode(t, mobile(7110 + n));
      melipayamak.answerAll('ok');
      t.clock.advance(59_000);
      await requestCode(t, mobile(7113));
      assert.equal(melipayamak.requests.length, 2, 'still open one second before the cooldown ends');

      t.clock.advance(1_000);
      assert.equal((await providerStates(t))[0]?.state, 'half_open');
      const phone = mobile(7114);
      assert.equal((await requestCode(t, phone)).status, 200);
      assert.equal(melipayamak.requests.length, 3, 'one trial call');
      assert.equal(melipayamak.recIds.length, 1);
      assert.equal(kavenegar.issued.length, 3, 'the trial carried the message; Kavenegar was not asked');
      assert.deepEqual(
        (await smsLogsOf(t, phone)).map(({ provider, attempts }) => ({ provider, attempts })),
        [{ provider: 'melipayamak', attempts: 1 }],
      );
      assert.equal((await providerStates(t))[0]?.state, 'closed');

      await requestCode(t, mobile(7115));
      assert.equal(melipayamak.recIds.length, 2, 'closed again: Melipayamak takes every message');
    });
  });

  it('a failed trial opens the circuit again; the message still goes out through the next provider', async () => {
    await withProviders(backend, ['melipayamak', 'kavenegar'], env, async (t, { melipayamak, kavenegar }) => {
      melipayamak.answerAll('http-500');
      for (const n of [1, 2]) await requestCode(t, mobile(7120 + n));
      t.clock.advance(60_000);
      assert.equal((await requestCode(t, mobile(7123))).status, 200);
      assert.equal(melipayamak.requests.length, 3, 'the trial was made');
      assert.equal(kavenegar.issued.length, 3);
      assert.equal((await providerStates(t))[0]?.state, 'open');
      await requestCode(t, mobile(7124));
      assert.equal(melipayamak.requests.length, 3, 'and the circuit skips it again');
    });
  });

  it('with every circuit open, answers 503 at once without calling anyone, and logs CIRCUIT_OPEN', async () => {
    await withProviders(backend, ['melipayamak'], env, async (t, { melipayamak }) => {
      melipayamak.answerAll('http-500');
      for (const n of [1, 2]) assert.equal((await requestCode(t, mobile(7130 + n))).status, 503);
      const phone = mobile(7133);
      const answer = await requestCode(t, phone);
      assert.equal(answer.status, 503);
      assert.deepEqual(answer.body, errorBody('SMS_FAILED'));
      assert.equal(melipayamak.requests.length, 2);
      assert.deepEqual(await smsLogsOf(t, phone), [
        {
          provider: 'melipayamak',
          status: 'failed',
          attempts: 0,
          error_code: 'CIRCUIT_OPEN',
          provider_message_id: null,
        },
      ]);
    });
  });

  it('a recipient refusal is not a failure of the provider: five of them leave the circuit closed', async () => {
    await withProviders(backend, ['melipayamak', 'kavenegar'], env, async (t, { melipayamak }) => {
      melipayamak.answerAll('blacklist');
      for (let n = 0; n < 5; n++) assert.equal((await requestCode(t, mobile(7140 + n))).status, 503);
      assert.equal(melipayamak.requests.length, 5);
      assert.equal((await providerStates(t))[0]?.state, 'closed');
    });
  });
});
