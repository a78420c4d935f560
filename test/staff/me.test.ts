import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SCOPE_NAMES } from '../../src/api-keys/scopes.ts';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { createStaff, type Staff } from '../../src/staff/service.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, freshPhone, signIn } from '../helpers/session-sign-in.ts';
import { userAdmin } from '../users/helpers.ts';

const ME = '/api/v1/staff/me';
/** Written out, not derived as the code derives it: a scope that stops being read-only must fail here. */
const READ_SCOPES = [
  'sms:read',
  'templates:read',
  'providers:read',
  'keys:read',
  'audit:read',
  'users:read',
  'events:read',
  'alerts:read',
  'clients:read',
];

forEachDatabase('GET /api/v1/staff/me', (backend) => {
  let t: TestApp;
  let staff: Staff;
  before(async () => {
    t = await startTestApp(backend);
    staff = createStaff({ db: t.database.db, lockRows: backend.name === 'postgres', now: t.clock.now });
  });
  after(() => t?.close());

  /** A signed-in user made staff with `role` (by user id, as the console will). */
  async function staffMember(role: 'admin' | 'support') {
    const user = await signIn(t);
    const added = await staff.add({ userId: user.userId }, role, CLI_ACTOR);
    assert.equal(added.outcome, 'added');
    return user;
  }

  it('without a token, or with one that is not valid, is 401 UNAUTHORIZED', async () => {
    assertError(await t.get(ME), 'UNAUTHORIZED');
    assertError(await t.get(ME, bearer('not-a-token')), 'UNAUTHORIZED');
  });

  it('a signed-in user who is not staff is 403 STAFF_ONLY', async () => {
    const user = await signIn(t);
    assertError(await t.get(ME, bearer(user.accessToken)), 'STAFF_ONLY');
  });

  it('an admin gets every scope of the admin API', async () => {
    const user = await staffMember('admin');
    const me = await t.get(ME, bearer(user.accessToken));
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, {
      success: true,
      staff: { user_id: user.userId, phone_number: user.phone, role: 'admin', scopes: SCOPE_NAMES },
    });
  });

  it('support gets the read scopes only', async () => {
    const user = await staffMember('support');
    const me = await t.get(ME, bearer(user.accessToken));
    assert.equal(me.status, 200);
    assert.equal(me.body.staff.role, 'support');
    assert.deepEqual(me.body.staff.scopes, READ_SCOPES);
  });

  it('a role change and a removal count from the next request, with the same token', async () => {
    const user = await staffMember('admin');
    const auth = bearer(user.accessToken);
    assert.equal((await t.get(ME, auth)).body.staff.role, 'admin');
    assert.ok(await staff.changeRole(user.userId, 'support', CLI_ACTOR));
    assert.deepEqual((await t.get(ME, auth)).body.staff.scopes, READ_SCOPES);
    assert.equal((await staff.remove({ userId: user.userId }, CLI_ACTOR))?.role, 'support');
    assertError(await t.get(ME, auth), 'STAFF_ONLY');
    // Still signed in as a user: only the console refuses them.
    assert.equal((await t.get('/api/v1/auth/me', auth)).status, 200);
  });

  it('a blocked staff member is refused: the block ends the session, and a block seen only in the row is 403', async () => {
    const admin = await userAdmin(t);
    const blocked = await staffMember('admin');
    assert.equal((await admin.act(blocked.userId, 'block')).status, 200);
    assertError(await t.get(ME, bearer(blocked.accessToken)), 'UNAUTHORIZED');

    // A block that commits between the session's read and the staff row's: the session is still live then.
    const racing = await staffMember('admin');
    await t.database.db
      .updateTable('users')
      .set({ blocked_at: t.clock.now() })
      .where('id', '=', racing.userId)
      .execute();
    assertError(await t.get(ME, bearer(racing.accessToken)), 'USER_BLOCKED');
  });

  it('a number without a user gets one; when that user signs in with a code, they are the staff member', async () => {
    const phone = freshPhone();
    const added = await staff.add({ phoneNumber: phone }, 'support', CLI_ACTOR);
    assert.equal(added.outcome, 'added');
    assert.equal(added.outcome === 'added' && added.userCreated, true);
    const again = await staff.add({ phoneNumber: phone }, 'support', CLI_ACTOR);
    assert.equal(again.outcome, 'unchanged');
    const user = await signIn(t, phone);
    assert.equal(user.userId, added.outcome === 'added' ? added.member.userId : '');
    const me = await t.get(ME, bearer(user.accessToken));
    assert.equal(me.status, 200);
    assert.equal(me.body.staff.role, 'support');
    const audit = await t.database.db
      .selectFrom('admin_audit')
      .select(['action', 'actor_name'])
      .where('target', '=', user.userId)
      .orderBy('created_at')
      .execute();
    assert.deepEqual(audit.map((row) => row.action).sort(), ['staff.add', 'user.create']);
    assert.ok(audit.every((row) => row.actor_name === 'cli'));
  });

  it('an unknown user id is no_user; deleting a user takes them off staff', async () => {
    assert.equal((await staff.add({ userId: 'no-such-user' }, 'admin', CLI_ACTOR)).outcome, 'no_user');
    const user = await staffMember('admin');
    const admin = await userAdmin(t);
    assert.equal((await admin.remove(user.userId)).status, 200);
    assert.equal(await staff.access(user.userId), undefined);
  });

  it('the table takes only the two roles', async () => {
    const user = await signIn(t);
    await assert.rejects(
      t.database.db
        .insertInto('staff')
        .values({ user_id: user.userId, role: 'owner' as 'admin', created_at: 1, created_by: 'cli' })
        .execute(),
    );
  });
});
