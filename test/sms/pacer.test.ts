import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPacer, retryAfterMs } from '../../src/sms/pacer.ts';

describe("the queue's pacer", () => {
  it('reads Retry-After as seconds or as an HTTP date, never negative', () => {
    const now = Date.parse('2026-01-05T10:00:00Z');
    assert.equal(retryAfterMs('30', now), 30_000);
    assert.equal(retryAfterMs(' 0 ', now), 0);
    assert.equal(retryAfterMs('Mon, 05 Jan 2026 10:00:05 GMT', now), 5000);
    assert.equal(retryAfterMs('Mon, 05 Jan 2026 09:59:00 GMT', now), 0);
    assert.equal(retryAfterMs('soon', now), undefined);
    assert.equal(retryAfterMs('', now), undefined);
    assert.equal(retryAfterMs(undefined, now), undefined);
  });

  it('spaces calls 1/rate apart, with no burst, and gives no turn beyond the wait a caller allows', async () => {
    const pacer = createPacer(10);
    assert.equal(await pacer.take(0), true);
    assert.equal(await pacer.take(0), false, 'the next turn is 100 ms away');
    assert.ok(pacer.waitMs() > 0 && pacer.waitMs() <= 100);
  });

  it('a call made without waiting (a code) takes a turn from the queue', () => {
    const pacer = createPacer(10);
    assert.equal(pacer.waitMs(), 0);
    pacer.charge();
    assert.ok(pacer.waitMs() > 0, 'the queue waits for the turn the code took');
  });

  it('a 429 pauses every call for its Retry-After and cuts the rate once, however many calls meet it', () => {
    const pacer = createPacer(20);
    pacer.limited('3');
    assert.ok(pacer.waitMs() > 2500, `paused for the 3 s asked (${pacer.waitMs()} ms left)`);
    assert.equal(pacer.ratePerSecond(), 10, 'halved: nothing had gone through in the second before');
    pacer.limited('3');
    pacer.limited();
    assert.equal(pacer.ratePerSecond(), 10, 'the calls in flight that met the same 429 cut nothing more');
  });

  it('creeps back up with each success, never above its ceiling', () => {
    const pacer = createPacer(20);
    pacer.limited('0');
    assert.equal(pacer.ratePerSecond(), 10);
    pacer.succeeded();
    const after = pacer.ratePerSecond();
    assert.ok(after > 10 && after < 11, `one success adds about 1/rate (${after})`);
    for (let i = 0; i < 1000; i += 1) pacer.succeeded();
    assert.equal(pacer.ratePerSecond(), 20);
  });

  it('a caller waiting for its turn when a 429 comes takes a turn of the new schedule, or none', async () => {
    const pacer = createPacer(1);
    assert.equal(await pacer.take(0), true);
    const waiting = pacer.take(1500);
    pacer.limited('2');
    assert.equal(await waiting, false, 'its turn at 1 s was cancelled and the next is beyond its 1.5 s');
  });
});
