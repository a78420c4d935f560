import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CANCEL_REASONS } from '../../src/alerts/cancel.ts';
import { newLinkKey } from '../../src/alerts/link-token.ts';
import { newId } from '../../src/db/ids.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';
import { ALERTS } from './helpers.ts';

forEachDatabase('the reasons an alert was cancelled', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  it('each reason the service records reads back through the API', async () => {
    const sara = await signIn(t);
    const at = t.clock.now();
    for (const [i, reason] of CANCEL_REASONS.entries()) {
      await t.database.db
        .insertInto('stock_alerts')
        .values({
          id: newId(),
          user_id: sara.userId,
          product_id: `reason-${i}`,
          variant_id: '',
          channel: 'sms',
          locale: 'en',
          status: 'cancelled',
          link_key: newLinkKey(),
          created_at: at,
          notified_at: null,
          restock_id: null,
          message_id: null,
          clicked_at: null,
          cancelled_at: at,
          cancel_reason: reason,
        })
        .execute();
    }
    const listed = await t.get(`${ALERTS}?limit=100`, bearer(sara.accessToken));
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    const reasons = (listed.body.alerts as Array<{ cancel_reason: string }>).map((a) => a.cancel_reason).sort();
    assert.deepEqual(reasons, [...CANCEL_REASONS].sort());
  });
});
