import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBreaker, type BreakerState } from '../../src/sms/breaker.ts';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import { frozenClock } from '../helpers/clock.ts';
import { errorBody, mobile, requestCode, verifyCode, withApp } from '../helpers/otp-flow.ts';
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

  it('a released call changes nothing: it neither counts as a failure nor clears the failures before it', () => {
    const { subject } = breaker();
    fail(subject);
    fail(subject);
    for (let i = 0; i < 10; i++) subject.allow()!.released();
    assert.equal(subject.state(), 'closed', 'ten refusals of numbers do not open it');
    fail(subject);
    assert.equal(subject.state(), 'open', 'nor do they hide the provider failing');
  });

  it('a released trial keeps it half-open and frees the trial for the next caller', () => {
    const { subject, clock, openings } = breaker();
    for (let i = 0; i < 3; i++) fail(subject);
    clock.advance(COOLDOWN_MS);
    subject.allow('10.0.0.66')!.released();
    assert.equal(subject.state(), 'half_open');
    assert.equal(openings(), 1, 'not opened again');
    const next = subject.allow('10.0.0.7');
    assert.ok(next, 'the next caller gets the trial at once');
    next.succeeded();
    assert.equal(subject.state(), 'closed');
  });

  it('a client whose trial failed gets none within two cooldowns of it; another client does', () => {
    const { subject, clock } = breaker();
    for (let i = 0; i < 3; i++) fail(subject);
    clock.advance(COOLDOWN_MS);
    subject.allow('10.0.0.66')!.failed();
    clock.advance(COOLDOWN_MS);
    assert.equal(subject.state(), 'half_open');
    assert.equal(subject.allow('10.0.0.66'), null, 'not the same client again');
    const other = subject.allow('10.0.0.7');
    assert.ok(other, 'someone else gets it');
    other.released();
    assert.equal(subject.allow('10.0.0.66'), null, 'still not, while someone else may come');
    clock.advance(COOLDOWN_MS - 1);
    assert.equal(subject.allow('10.0.0.66'), null);
    clock.advance(1);
    const alone = subject.allow('10.0.0.66');
    assert.ok(alone, 'with nobody else, the same client gets it two cooldowns after its failed one');
    alone.succeeded();
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

forEachDatabase('the half-open trial, against a client who wants SMS down', (backend) => {
  const env = { SMS_BREAKER_FAILURES: '2', SMS_BREAKER_COOLDOWN_SECONDS: '60' };
  const attacker = { ip: '10.66.0.1' };
  const user = { ip: '192.0.2.20' };

  /** Two 500s from the gateway open the webhook's circuit; then its cooldown passes. */
  async function openedThenCooledDown(t: TestApp): Promise<void> {
    t.sink.answerNext({ status: 500 });
    t.sink.answerNext({ status: 500 });
    for (const n of [1, 2]) assert.equal((await requestCode(t, mobile(7150 + n), { ip: `10.0.5.${n}` })).status, 503);
    assert.equal((await providerStates(t))[0]?.state, 'open');
    t.clock.advance(60_000);
  }

  it('a trial spent on a number the gateway refuses changes nothing: the next sign-in gets the trial and closes it', async () => {
    await withApp(backend, env, async (t) => {
      await openedThenCooledDown(t);
      t.sink.answerNext({ status: 422 });
      assert.equal((await requestCode(t, mobile(7153), attacker)).status, 503);
      assert.equal(t.sink.requests.length, 3, 'the refused number was the trial');
      assert.equal((await providerStates(t))[0]?.state, 'half_open', 'and it neither opened nor closed the circuit');

      const phone = mobile(7154);
      assert.equal((await requestCode(t, phone, user)).status, 200);
      assert.equal((await providerStates(t))[0]?.state, 'closed');
      assert.equal((await verifyCode(t, phone, t.sink.lastCode(phone)!, user)).status, 200);
    });
  });

  it('a client whose trial failed does not get the next one: a sign-in from elsewhere does', async () => {
    await withApp(backend, env, async (t) => {
      await openedThenCooledDown(t);
      t.sink.answerNext({ status: 500 });
      assert.equal((await requestCode(t, mobile(7155), attacker)).status, 503);
      assert.equal((await providerStates(t))[0]?.state, 'open');
      t.clock.advance(60_000);

      assert.equal((await requestCode(t, mobile(7156), attacker)).status, 503);
      assert.equal(t.sink.requests.length, 3, 'the same client was not given the trial');
      const phone = mobile(7157);
      assert.equal((await requestCode(t, phone, user)).status, 200);
      assert.equal((await providerStates(t))[0]?.state, 'closed');
    });
  });
});
