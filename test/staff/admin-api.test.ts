import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { createStaff, type Staff } from '../../src/staff/service.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';
import { newAlert, newUser } from '../alerts/rows.ts';

const LOGS = '/api/v1/admin/sms/logs';
const TEMPLATE = '/api/v1/admin/sms/templates/otp_login/en';

/**
 * The admin console calls the admin API with the staff member's own access token: the same routes, scopes
 * and services as an API key, the role's scopes in place of the key's.
 */
forEachDatabase('the admin API with a staff member’s access token', (backend) => {
  let t: TestApp;
  let staff: Staff;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_IP_HOURLY_LIMIT: '1000' } });
    staff = createStaff({ db: t.database.db, lockRows: backend.name === 'postgres', now: t.clock.now });
  });
  after(() => t?.close());

  async function member(role: 'admin' | 'support') {
    const user = await signIn(t);
    assert.equal((await staff.add({ userId: user.userId }, role, CLI_ACTOR)).outcome, 'added');
    return user;
  }

  it('an admin reads and writes; the change is recorded as made by that staff member', async () => {
    const admin = await member('admin');
    assert.equal((await t.get(LOGS, bearer(admin.accessToken))).status, 200);
    const body = { body: 'Your code: {code} (staff edit)' };
    const put = await t.inject({ method: 'PUT', url: TEMPLATE, headers: bearer(admin.accessToken), payload: body });
    assert.equal(put.statusCode, 200, put.body);
    const audit = await t.get('/api/v1/admin/audit', bearer(admin.accessToken));
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    const names = audit.body.records.map((entry: { actor: { name: string } }) => entry.actor.name);
    assert.ok(names.includes(`staff:${admin.userId}`), JSON.stringify(audit.body.records));
  });

  it('support reads but may not write: 403 FORBIDDEN naming the role', async () => {
    const support = await member('support');
    assert.equal((await t.get(LOGS, bearer(support.accessToken))).status, 200);
    const put = await t.inject({
      method: 'PUT',
      url: TEMPLATE,
      headers: bearer(support.accessToken),
      payload: { body: 'Your code: {code}' },
    });
    assert.equal(put.statusCode, 403);
    assert.equal(put.json().code, 'FORBIDDEN');
    assert.match(put.json().message, /support role/);
  });

  it('what only a key can do stays a key’s: sending in its name is 403 for staff', async () => {
    const admin = await member('admin');
    const send = await t.post(
      '/api/v1/admin/sms/send',
      { to: '+989121234567', text: 'hello' },
      bearer(admin.accessToken),
    );
    assertError(send, 'FORBIDDEN');
    assertError(await t.get('/api/v1/admin/keys/whoami', bearer(admin.accessToken)), 'FORBIDDEN');
  });

  it('an admin cancels a customer’s alert from the console, recorded as theirs; support may not', async () => {
    const alert = await newAlert(t, { userId: await newUser(t), productId: 'teapot' });
    const support = await member('support');
    const refused = await t.inject({
      method: 'DELETE',
      url: `/api/v1/admin/alerts/${alert.id}`,
      headers: bearer(support.accessToken),
    });
    assert.equal(refused.json().code, 'FORBIDDEN');
    const admin = await member('admin');
    const done = await t.inject({
      method: 'DELETE',
      url: `/api/v1/admin/alerts/${alert.id}`,
      headers: bearer(admin.accessToken),
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().cancelled, true);
    assert.equal(done.json().alert.cancel_reason, 'admin');
    const audit = await t.get('/api/v1/admin/audit', bearer(admin.accessToken));
    const entry = audit.body.records.find((record: { action: string }) => record.action === 'alert.cancel');
    assert.equal(entry?.actor.name, `staff:${admin.userId}`, JSON.stringify(audit.body.records));
  });

  it('a user who is not staff is 403 STAFF_ONLY; no token or a bad one 401; removal counts at once', async () => {
    const user = await signIn(t);
    assertError(await t.get(LOGS, bearer(user.accessToken)), 'STAFF_ONLY');
    assertError(await t.get(LOGS), 'UNAUTHORIZED');
    assertError(await t.get(LOGS, bearer('eyJhbGciOiJFUzI1NiJ9.e30.x')), 'UNAUTHORIZED');
    const admin = await member('admin');
    assert.equal((await t.get(LOGS, bearer(admin.accessToken))).status, 200);
    await staff.remove({ userId: admin.userId }, CLI_ACTOR);
    assertError(await t.get(LOGS, bearer(admin.accessToken)), 'STAFF_ONLY');
  });
});
