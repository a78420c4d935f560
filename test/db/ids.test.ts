import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from '../../src/db/ids.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { issueCode, mobile, verifyCode, withApp } from '../helpers/otp-flow.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The milliseconds an id carries in its first 48 bits. */
const timeOf = (id: string) => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('row ids', () => {
  it('are UUIDs of version 7 with the RFC 9562 variant', () => {
    for (let i = 0; i < 1000; i++) assert.match(newId(), UUID_V7);
  });

  it('carry the time they were made, in milliseconds', () => {
    for (const ms of [0, 1, 0xfff, Date.UTC(2026, 10, 26, 10, 0, 0, 123), 2 ** 48 - 1]) {
      assert.equal(timeOf(newId(ms)), ms);
    }
    const before = Date.now();
    const id = newId();
    assert.ok(timeOf(id) >= before && timeOf(id) <= Date.now());
  });

  it('sort as text in the order of their times, so new rows go to the end of an index', () => {
    const times = [5, 4096, 65_536, Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, Date.UTC(2030, 5, 1)];
    const ids = times.map((ms) => newId(ms));
    assert.deepEqual([...ids].sort(), ids);
  });

  it('differ within one millisecond: 74 random bits each', () => {
    const ms = Date.now();
    const ids = new Set(Array.from({ length: 20_000 }, () => newId(ms)));
    assert.equal(ids.size, 20_000);
    // The random part varies in every position it has, not only in a counter at the end.
    const tails = [...ids].map((id) => id.slice(15));
    for (let position = 0; position < tails[0]!.length; position++) {
      if (tails[0]![position] === '-' || position === 4) continue; // a dash; the variant digit has 4 values
      assert.ok(new Set(tails.map((t) => t[position])).size >= 12, `position ${position} hardly varies`);
    }
  });
});

forEachDatabase('the rows of a sign-in', (backend) => {
  it('get version 7 ids in every table it writes', async () => {
    await withApp(backend, {}, async (t) => {
      const phone = mobile(7);
      assert.equal((await verifyCode(t, phone, await issueCode(t, phone))).status, 200);
      const { db } = t.database;
      const ids = [
        ...(await db.selectFrom('users').select('id').execute()).map((r) => r.id),
        ...(await db.selectFrom('sessions').select(['id', 'family_id']).execute()).flatMap((r) => [r.id, r.family_id]),
        ...(await db.selectFrom('otp_codes').select('id').execute()).map((r) => r.id),
        ...(await db.selectFrom('sms_logs').select('id').execute()).map((r) => r.id),
      ];
      assert.equal(ids.length, 5);
      for (const id of ids) assert.match(id, UUID_V7);
    });
  });
});
