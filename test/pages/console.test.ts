import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CLI_ACTOR } from '../../src/audit/actor.ts';
import { PAGE_CSP } from '../../src/pages/shell.ts';
import { CONSOLE_PAGES } from '../../src/pages/console/pages.ts';
import { createStaff, type Staff } from '../../src/staff/service.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { OWN, pageSignIn } from '../helpers/page-session.ts';
import { bearer } from '../helpers/session-sign-in.ts';

forEachDatabase('the admin console’s pages', (backend) => {
  let t: TestApp;
  let staff: Staff;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_IP_HOURLY_LIMIT: '1000' } });
    staff = createStaff({ db: t.database.db, lockRows: backend.name === 'postgres', now: t.clock.now });
  });
  after(() => t?.close());

  const get = (url: string, cookie = '') => t.inject({ method: 'GET', url, headers: { ...OWN, cookie } });

  async function member(role: 'admin' | 'support') {
    const signedIn = await pageSignIn(t);
    assert.equal((await staff.add({ userId: signedIn.userId }, role, CLI_ACTOR)).outcome, 'added');
    return signedIn;
  }

  it('signed out, every console address goes to /login and comes back to itself', async () => {
    for (const path of ['/admin', '/admin/health', '/admin/health/x']) {
      const page = await get(path);
      assert.equal(page.statusCode, 303, path);
      assert.equal(page.headers.location, `/login?return_to=${encodeURIComponent(path)}`);
    }
  });

  it('a signed-in user who is not staff gets a 403 page that says so, in the page’s language', async () => {
    const { cookie } = await pageSignIn(t);
    const fa = await get('/admin/health', cookie);
    assert.equal(fa.statusCode, 403);
    assert.match(fa.headers['content-type'] as string, /^text\/html/);
    assert.match(fa.body, /فقط برای کارکنان/);
    assert.doesNotMatch(fa.body, /data-token/);
    const en = await get('/admin/health?lang=en', cookie);
    assert.match(en.body, /Staff only/);
  });

  it('staff get the page under the strict policy, with a token the admin API takes and no inline code', async () => {
    const { cookie } = await member('support');
    const page = await get('/admin/health', cookie);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['content-security-policy'], PAGE_CSP);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['x-frame-options'], 'DENY');
    assert.doesNotMatch(page.body, /<style|style=|<script(?![^>]*\ssrc=)|\son\w+=/);
    const token = /data-token="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(token);
    const logs = await t.get('/api/v1/admin/sms/logs', bearer(token));
    assert.equal(logs.status, 200, JSON.stringify(logs.body));
    assert.match(page.body, /<form method="post" action="\/logout"/);
  });

  it('/admin goes to the first page the role may see; an unknown page is 404', async () => {
    const { cookie } = await member('admin');
    const home = await get('/admin', cookie);
    assert.equal(home.statusCode, 303);
    assert.match(home.headers.location as string, /^\/admin\/[a-z-]+$/);
    assert.equal((await get(home.headers.location as string, cookie)).statusCode, 200);
    const unknown = await get('/admin/nothing-here', cookie);
    assert.equal(unknown.statusCode, 404);
    assert.doesNotMatch(unknown.body, /data-token/);
  });

  it('support gets every page, told only of read scopes (so writes show disabled); an admin of the write ones', async () => {
    const support = await member('support');
    for (const { id } of CONSOLE_PAGES) {
      const page = await get(`/admin/${id}`, support.cookie);
      assert.equal(page.statusCode, 200, id);
      const scopes = /data-scopes="([^"]*)"/.exec(page.body)?.[1]?.split(' ') ?? [];
      assert.ok(scopes.includes('templates:read'), id);
      assert.deepEqual(
        scopes.filter((scope) => !scope.endsWith(':read')),
        [],
        id,
      );
    }
    const admin = await member('admin');
    const page = await get('/admin/templates/otp_login', admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-id="otp_login"/);
    assert.match(page.body, /data-scopes="[^"]*templates:write/);
  });

  it('removed from staff, the next page load is refused', async () => {
    const signedIn = await member('admin');
    assert.equal((await get('/admin/health', signedIn.cookie)).statusCode, 200);
    await staff.remove({ userId: signedIn.userId }, CLI_ACTOR);
    assert.equal((await get('/admin/health', signedIn.cookie)).statusCode, 403);
  });
});
