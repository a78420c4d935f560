import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile, requestCode } from '../helpers/otp-flow.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer, signIn } from '../helpers/session-sign-in.ts';

const LOGS = '/api/v1/admin/sms/logs';
const TEST_NUMBER = '+989000000001';

/** The rows the suite writes, by what they are; `order` is every id, oldest first. */
interface Written {
  sentA: string;
  failedB: string;
  sentC: string;
  loginD: string;
  changeD: string;
  testE: string;
  order: string[];
}

forEachDatabase('the delivery log over the admin API', (backend) => {
  let t: TestApp;
  let key: Record<string, string>;
  let w: Written;
  const list = async (query: string) => {
    const answer = await t.get(`${LOGS}?${query}`, key);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body as { logs: Array<Record<string, any>>; next_cursor: string | null };
  };
  const ids = async (query: string) => (await list(`full_numbers=true&${query}`)).logs.map((log) => log.id);
  const idOf = async (phone: string, template: string) => {
    const row = await t.database.db
      .selectFrom('sms_logs')
      .select('id')
      .where('phone_number', '=', phone)
      .where('template', '=', template)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  /** Every message a second apart, so that created_at alone orders them. */
  const step = () => t.clock.advance(1000);

  before(async () => {
    t = await startTestApp(backend, { env: { SMS_TEST_NUMBERS: `${TEST_NUMBER}:123456` } });
    key = bearer((await newKey(t, ['sms:read'])).secret);
    assert.equal((await requestCode(t, mobile(1), { ip: '10.0.0.1' })).status, 200);
    step();
    t.sink.answerNext({ status: 500, body: 'down' });
    assert.equal((await requestCode(t, mobile(2), { ip: '10.0.0.2' })).status, 503);
    step();
    assert.equal((await requestCode(t, mobile(3), { ip: '10.0.0.3' })).status, 200);
    step();
    const user = await signIn(t, mobile(4));
    step();
    const change = await t.post(
      '/api/v1/otp/phone/change/request',
      { phone_number: mobile(5) },
      bearer(user.accessToken),
    );
    assert.equal(change.status, 200, JSON.stringify(change.body));
    step();
    assert.equal((await requestCode(t, TEST_NUMBER, { ip: '10.0.0.6' })).status, 200);
    w = {
      sentA: await idOf(mobile(1), 'otp_login'),
      failedB: await idOf(mobile(2), 'otp_login'),
      sentC: await idOf(mobile(3), 'otp_login'),
      loginD: await idOf(mobile(4), 'otp_login'),
      changeD: await idOf(mobile(5), 'otp_phone_change'),
      testE: await idOf(TEST_NUMBER, 'otp_login'),
      order: [],
    };
    w.order = [w.sentA, w.failedB, w.sentC, w.loginD, w.changeD, w.testE];
  });
  after(() => t?.close());

  it('lists every message newest first', async () => {
    assert.deepEqual(await ids(''), [...w.order].reverse());
  });

  it('each filter narrows to exactly the matching messages', async () => {
    assert.deepEqual(await ids('phone_number=09120000002'), [w.failedB], 'national form of the number');
    assert.deepEqual(await ids(`phone_number=${encodeURIComponent(mobile(3))}`), [w.sentC]);
    assert.deepEqual(await ids('status=failed'), [w.failedB]);
    assert.deepEqual(await ids('template=otp_phone_change'), [w.changeD]);
    assert.deepEqual(await ids('provider=test'), [w.testE]);
    assert.deepEqual(await ids('provider=webhook&status=sent'), [w.changeD, w.loginD, w.sentC, w.sentA]);
    const at = async (id: string) => (await t.get(`${LOGS}/${id}`, key)).body.log.created_at as string;
    assert.deepEqual(await ids(`from=${await at(w.sentC)}&to=${await at(w.loginD)}`), [w.loginD, w.sentC]);
    assert.deepEqual(await ids(`from=${await at(w.changeD)}`), [w.testE, w.changeD]);
    assert.deepEqual(await ids(`to=${await at(w.failedB)}`), [w.failedB, w.sentA]);
    assert.deepEqual(await ids('status=delivered'), []);
  });

  it('a number that is not a mobile number of an allowed country is 400 INVALID_PHONE', async () => {
    assertError(await t.get(`${LOGS}?phone_number=12345`, key), 'INVALID_PHONE');
    assertError(await t.get(`${LOGS}?phone_number=%2B14155550123`, key), 'INVALID_PHONE');
  });

  it('pages of two walk every message exactly once, in order, and the last page has no cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.logs.length <= 2);
      seen.push(...page.logs.map((log) => log.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...w.order].reverse());
  });

  it('a cursor continues a filtered listing within the filter', async () => {
    const first = await list('provider=webhook&limit=3');
    assert.deepEqual(
      first.logs.map((log) => log.id),
      [w.changeD, w.loginD, w.sentC],
    );
    const second = await list(`provider=webhook&limit=3&cursor=${first.next_cursor}`);
    assert.deepEqual(
      second.logs.map((log) => log.id),
      [w.failedB, w.sentA],
    );
    assert.equal(second.next_cursor, null);
  });

  it('masks phone numbers unless full numbers are asked for', async () => {
    const masked = (await list('status=failed')).logs[0]!;
    assert.equal(masked.phone_number, '+98912***0002');
    const full = (await list('status=failed&full_numbers=true')).logs[0]!;
    assert.equal(full.phone_number, mobile(2));
    assert.equal((await t.get(`${LOGS}/${w.sentA}`, key)).body.log.phone_number, '+98912***0001');
    assert.equal((await t.get(`${LOGS}/${w.sentA}?full_numbers=true`, key)).body.log.phone_number, mobile(1));
  });

  it('shows one message with what the provider said, and its code masked in the text', async () => {
    const answer = await t.get(`${LOGS}/${w.failedB}`, key);
    assert.equal(answer.status, 200);
    const row = await t.database.db
      .selectFrom('sms_logs')
      .selectAll()
      .where('id', '=', w.failedB)
      .executeTakeFirstOrThrow();
    assert.deepEqual(answer.body, {
      success: true,
      log: {
        id: w.failedB,
        phone_number: '+98912***0002',
        template: 'otp_login',
        locale: 'fa',
        provider: 'webhook',
        provider_message_id: null,
        status: 'failed',
        error_code: 'HTTP_500',
        error_message: row.error_message,
        text: row.text,
        attempts: 1,
        tries: 0,
        provider_status: null,
        poll_failures: 0,
        cost: null,
        created_at: new Date(row.created_at).toISOString(),
        updated_at: new Date(row.updated_at).toISOString(),
        queued_at: null,
        sending_at: null,
        next_attempt_at: null,
        sent_at: null,
        final_at: new Date(row.final_at!).toISOString(),
        cancelled_by: null,
      },
    });
    const code = t.sink.lastCode(mobile(2));
    assert.ok(code);
    assert.ok(!answer.body.log.text.includes(code), answer.body.log.text);
    const sent = (await t.get(`${LOGS}/${w.sentA}`, key)).body.log;
    assert.equal(sent.status, 'sent');
    assert.equal(sent.provider_message_id, t.sink.messagesTo(mobile(1))[0]!.id);
  });

  it('a queued message shows when it is due, then the worker’s try that sent it', async () => {
    const { secret } = await newKey(t, ['sms:send']);
    const queued = await t.post('/api/v1/admin/sms/send', { to: mobile(7), text: 'Shipped' }, bearer(secret));
    assert.equal(queued.status, 202, JSON.stringify(queued.body));
    const before = (await t.get(`${LOGS}/${queued.body.id}`, key)).body.log;
    assert.deepEqual([before.status, before.tries, before.sending_at], ['queued', 0, null]);
    assert.ok(Date.parse(before.next_attempt_at) > 0, before.next_attempt_at);
    while ((await t.app.smsQueue.worker.runOnce()) > 0);
    const after = (await t.get(`${LOGS}/${queued.body.id}`, key)).body.log;
    const row = await t.database.db
      .selectFrom('sms_logs')
      .select(['sending_at'])
      .where('id', '=', queued.body.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([after.status, after.tries, after.next_attempt_at], ['sent', 1, null]);
    assert.equal(after.sending_at, new Date(row.sending_at!).toISOString());
  });

  it('an unknown id is 404 NOT_FOUND', async () => {
    assertError(await t.get(`${LOGS}/00000000-0000-4000-8000-000000000000`, key), 'NOT_FOUND');
  });

  it('a cursor this listing never returned, or a limit out of range, is 400 VALIDATION_ERROR', async () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    for (const cursor of ['not*base64', b64('hello'), b64('123.'), b64('abc.x'), b64('99999999999999999.x')]) {
      assertError(await t.get(`${LOGS}?cursor=${cursor}`, key), 'VALIDATION_ERROR');
    }
    for (const limit of ['0', '101', 'ten', '-1', '2.5']) {
      assertError(await t.get(`${LOGS}?limit=${limit}`, key), 'VALIDATION_ERROR');
    }
    assertError(await t.get(`${LOGS}?from=yesterday`, key), 'VALIDATION_ERROR');
    assertError(await t.get(`${LOGS}?status=lost`, key), 'VALIDATION_ERROR');
  });

  it('needs a key (401) holding sms:read (403)', async () => {
    for (const url of [LOGS, `${LOGS}/${w.sentA}`]) {
      assertError(await t.get(url), 'UNAUTHORIZED');
      const { secret } = await newKey(t, ['sms:send', 'templates:read', 'providers:read', 'keys:read']);
      const refused = await t.get(url, bearer(secret));
      assertError(refused, 'FORBIDDEN');
      assert.equal(refused.body.message, 'This API key does not have the sms:read scope');
    }
  });
});
