import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quietUntil } from '../../src/alerts/quiet-hours.ts';

const at = (iso: string) => Date.parse(iso);
const NIGHT = { start: 22 * 60, end: 8 * 60 };
const LUNCH = { start: 12 * 60 + 30, end: 14 * 60 };

describe('quietUntil', () => {
  it('without quiet hours: never held', () => {
    assert.equal(quietUntil(at('2026-03-01T23:00:00Z'), null, 'UTC'), null);
  });

  it('across midnight: held from the start (inclusive) to the end (exclusive), before and after midnight', () => {
    assert.equal(quietUntil(at('2026-03-01T21:59:59.999Z'), NIGHT, 'UTC'), null, 'just before the start');
    assert.equal(quietUntil(at('2026-03-01T22:00:00Z'), NIGHT, 'UTC'), at('2026-03-02T08:00:00Z'), 'at the start');
    assert.equal(quietUntil(at('2026-03-01T23:59:30Z'), NIGHT, 'UTC'), at('2026-03-02T08:00:00Z'));
    assert.equal(quietUntil(at('2026-03-02T00:00:00Z'), NIGHT, 'UTC'), at('2026-03-02T08:00:00Z'), 'after midnight');
    assert.equal(quietUntil(at('2026-03-02T07:59:59.999Z'), NIGHT, 'UTC'), at('2026-03-02T08:00:00Z'));
    assert.equal(quietUntil(at('2026-03-02T08:00:00Z'), NIGHT, 'UTC'), null, 'at the end');
    assert.equal(quietUntil(at('2026-03-02T12:00:00Z'), NIGHT, 'UTC'), null, 'midday');
  });

  it('within one day: held between the bounds only', () => {
    assert.equal(quietUntil(at('2026-03-01T12:29:59Z'), LUNCH, 'UTC'), null);
    assert.equal(quietUntil(at('2026-03-01T12:30:00Z'), LUNCH, 'UTC'), at('2026-03-01T14:00:00Z'));
    assert.equal(quietUntil(at('2026-03-01T13:59:59Z'), LUNCH, 'UTC'), at('2026-03-01T14:00:00Z'));
    assert.equal(quietUntil(at('2026-03-01T14:00:00Z'), LUNCH, 'UTC'), null);
    assert.equal(quietUntil(at('2026-03-01T23:00:00Z'), LUNCH, 'UTC'), null);
  });

  it("on another time zone's wall clock (Asia/Tehran, UTC+3:30)", () => {
    // 22:00 in Tehran is 18:30 UTC; 08:00 in Tehran is 04:30 UTC.
    assert.equal(quietUntil(at('2026-03-01T18:29:59Z'), NIGHT, 'Asia/Tehran'), null);
    assert.equal(quietUntil(at('2026-03-01T18:30:00Z'), NIGHT, 'Asia/Tehran'), at('2026-03-02T04:30:00Z'));
    assert.equal(quietUntil(at('2026-03-01T22:00:00Z'), NIGHT, 'Asia/Tehran'), at('2026-03-02T04:30:00Z'));
    assert.equal(quietUntil(at('2026-03-02T04:29:59Z'), NIGHT, 'Asia/Tehran'), at('2026-03-02T04:30:00Z'));
    assert.equal(quietUntil(at('2026-03-02T04:30:00Z'), NIGHT, 'Asia/Tehran'), null);
    // 18:00 UTC is 21:30 in Tehran: not yet quiet there, though 23:00 UTC is quiet in UTC.
    assert.equal(quietUntil(at('2026-03-01T18:00:00Z'), NIGHT, 'Asia/Tehran'), null);
    assert.notEqual(quietUntil(at('2026-03-01T23:00:00Z'), NIGHT, 'UTC'), null);
  });

  it('in a zone west of UTC (America/New_York, UTC-5 in March before the change)', () => {
    // 22:00 in New York on 1 March is 03:00 UTC on 2 March; it ends at 08:00 there, 13:00 UTC.
    assert.equal(quietUntil(at('2026-03-02T02:59:00Z'), NIGHT, 'America/New_York'), null);
    assert.equal(quietUntil(at('2026-03-02T03:00:00Z'), NIGHT, 'America/New_York'), at('2026-03-02T13:00:00Z'));
  });
});
