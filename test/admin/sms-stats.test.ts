import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { createStaff } from '../../src/staff/service.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile, requestCode } from '../helpers/otp-flow.ts';
import { sendSms } from '../helpers/queue.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';
import { HOUR_MS, pastMessage, toNextHour } from '../helpers/sms-history.ts';

const STATS = '/api/v1/admin/sms/stats';
const iso = (ms: number) => new Date(ms).toISOString();
const empty = (hour: number) => ({ hour: iso(hour), total: 0, statuses: {}, providers: {} });

forEachDatabase('messages per hour over the admin API', (backend) => {
  let t: TestApp;
  let reader: Record<string, string>;
  /** The start of the hour the test sends in: the last bucket. */
  let now: number;

  before(async () => {
    t = await startTestApp(backend, { env: { OTP_IP_HOURLY_LIMIT: '1000' } });
    reader = bearer((await newKey(t, ['sms:read'])).secret);
    now = toNextHour(t);
    // This hour, through the real paths: two texts the worker sends, one left queued, one code that fails.
    const { secret } = await newKey(t, ['sms:send']);
    for (const n of [1, 2]) assert.equal((await sendSms(t, secret, { to: mobile(n), text: 'Shipped' })).status, 202);
    while ((await t.app.smsQueue.worker.runOnce()) > 0);
    assert.equal((await sendSms(t, secret, { to: mobile(3), text: 'Shipped' })).status, 202);
    t.sink.answerNext({ status: 500, body: 'down' });
    assert.equal((await requestCode(t, mobile(4), { ip: '10.0.0.4' })).status, 503);
    // The past: the first hour of the day's period, to the millisecond; the millisecond before it, which
    // only the week holds; three days ago; and one just past the week.
    const dayStart = now - 23 * HOUR_MS;
    await pastMessage(t, dayStart, { status: 'delivered', provider: 'melipayamak' });
    await pastMessage(t, dayStart - 1, { status: 'failed', provider: 'melipayamak' });
    await pastMessage(t, now - 72 * HOUR_MS + 5 * 60_000, { status: 'undelivered', provider: 'webhook' });
    await pastMessage(t, now - 167 * HOUR_MS - 1, { status: 'delivered', provider: 'webhook' });
  });
  after(() => t?.close());

  const stats = async (query = '') => {
    const answer = await t.get(`${STATS}${query}`, reader);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body;
  };

  const thisHour = () => ({
    hour: iso(now),
    total: 4,
    statuses: { sent: 2, queued: 1, failed: 1 },
    providers: { webhook: 4 },
  });

  it('the day: 24 hours ending with this one, the first counted from its first millisecond, empty hours as zeros', async () => {
    const body = await stats();
    assert.equal(body.period, 'day');
    assert.equal(body.from, iso(now - 23 * HOUR_MS));
    assert.equal(body.to, iso(now + HOUR_MS));
    const expected = Array.from({ length: 24 }, (_, i) => empty(now - (23 - i) * HOUR_MS));
    expected[0] = { ...expected[0]!, total: 1, statuses: { delivered: 1 }, providers: { melipayamak: 1 } };
    expected[23] = thisHour();
    assert.deepEqual(body.hours, expected);
    assert.deepEqual(await stats('?period=day'), body);
  });

  it('the week: 168 hours, with the hour before the day and three days ago', async () => {
    const body = await stats('?period=week');
    assert.equal(body.period, 'week');
    assert.equal(body.hours.length, 168);
    assert.equal(body.from, iso(now - 167 * HOUR_MS));
    const expected = Array.from({ length: 168 }, (_, i) => empty(now - (167 - i) * HOUR_MS));
    expected[167 - 72] = { ...expected[95]!, total: 1, statuses: { undelivered: 1 }, providers: { webhook: 1 } };
    expected[167 - 24] = { ...expected[143]!, total: 1, statuses: { failed: 1 }, providers: { melipayamak: 1 } };
    expected[167 - 23] = { ...expected[144]!, total: 1, statuses: { delivered: 1 }, providers: { melipayamak: 1 } };
    expected[167] = thisHour();
    assert.deepEqual(body.hours, expected);
  });

  it('an unknown period or another query field is a 400', async () => {
    assertError(await t.get(`${STATS}?period=month`, reader), 'VALIDATION_ERROR');
    assertError(await t.get(`${STATS}?period=day&hours=3`, reader), 'VALIDATION_ERROR');
  });

  it('needs sms:read: a key without it, a user who is not staff and no credential are refused', async () => {
    assertError(await t.get(STATS), 'UNAUTHORIZED');
    const sender = await newKey(t, ['sms:send', 'providers:read']);
    const refused = await t.get(STATS, bearer(sender.secret));
    assertError(refused, 'FORBIDDEN');
    assert.equal(refused.body.message, 'This API key does not have the sms:read scope');
    const user = await signIn(t);
    assertError(await t.get(STATS, bearer(user.accessToken)), 'STAFF_ONLY');
    // Support reads it with the staff member's own token, as the console does.
    const staff = createStaff({ db: t.database.db, lockRows: backend.name === 'postgres', now: t.clock.now });
    assert.equal((await staff.add({ userId: user.userId }, 'support', CLI_ACTOR)).outcome, 'added');
    const support = await t.get(STATS, bearer(user.accessToken));
    assert.equal(support.status, 200, JSON.stringify(support.body));
    assert.equal(support.body.hours.length, 24);
  });
});
