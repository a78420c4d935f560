import assert from 'node:assert/strict';
import { it, mock } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { startMaintenance } from '../../src/maintenance.ts';
import { OUTAGE_MARKER, outageBoard } from '../../src/rate-limit/outage.ts';
import { forEachDatabase, type TestApp } from '../helpers/app.ts';
import { withApp } from '../helpers/otp-flow.ts';

const SKEW_MS = 8_000;

/** Moves the marker's lease `ms` into the past, as if that much time had passed on the database. */
const backdateMarker = (t: TestApp, ms: number) =>
  sql`update rate_limits set expire = expire - ${ms} where key = ${OUTAGE_MARKER}`.execute(t.database.db);

forEachDatabase("the Redis outage marker's lease", (backend) => {
  it("is set and compared on the database's clock: it holds for an instance whose clock runs 8 s ahead, then lapses", async () => {
    await withApp(backend, {}, async (t) => {
      const board = outageBoard(t.database);
      assert.equal(await board.reported(), false);
      await board.report(3_000);
      const ahead = mock.method(Date, 'now', () => performance.timeOrigin + performance.now() + SKEW_MS);
      try {
        assert.equal(await board.reported(), true, 'a 3 s report still holds for the instance 8 s ahead');
      } finally {
        ahead.mock.restore();
      }
      await backdateMarker(t, 3_000);
      assert.equal(await board.reported(), false, 'it lapses 3 s later by the database');

      await board.report(60_000);
      await board.report(1_000);
      await backdateMarker(t, 5_000);
      assert.equal(await board.reported(), true, 'a shorter report does not cut a longer one short');
    });
  });

  it('is not swept away by the maintenance of an instance whose clock runs ahead', async () => {
    await withApp(backend, {}, async (t) => {
      const board = outageBoard(t.database);
      await board.report(3_000);
      await t.database.db.insertInto('rate_limits').values({ key: 'ended-window', points: 1, expire: 1 }).execute();
      const stop = startMaintenance(t.database, t.app.log, { smsLogRetentionDays: 0 }, () => Date.now() + SKEW_MS);
      const swept = async () =>
        (await t.database.db.selectFrom('rate_limits').select('key').where('key', '=', 'ended-window').execute())
          .length === 0;
      const deadline = Date.now() + 10_000;
      while (!(await swept()) && Date.now() < deadline) await sleep(20);
      await stop();
      assert.ok(await swept(), 'the maintenance pass ran');
      assert.equal(await board.reported(), true);
    });
  });
});
