import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { DATABASES, forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { issueCode, mobile, requestCode, verifyCode, wrongCode } from '../helpers/otp-flow.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer } from '../helpers/session-sign-in.ts';

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;
const TOKEN = 'scrape-token-0123456789abcdef';

/** Every sample of the scrape, by its series (`name{labels}`). */
function samples(text: string): Map<string, number> {
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    series.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return series;
}

async function scrape(t: TestApp, headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const answer = await t.inject({ method: 'GET', url: '/metrics', headers });
  assert.equal(answer.statusCode, 200, answer.body);
  return samples(answer.body);
}

forEachDatabase('OTP metrics', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { OTP_MAX_ATTEMPTS: '2', OTP_VERIFY_IP_HOURLY_LIMIT: '5' } });
  });
  after(() => t?.close());

  const requests = (s: Map<string, number>, outcome: string) =>
    s.get(`otpgate_otp_requests_total{outcome="${outcome}"}`);
  const verifies = (s: Map<string, number>, outcome: string) =>
    s.get(`otpgate_otp_verifies_total{outcome="${outcome}"}`);

  it('every outcome starts at 0', async () => {
    const s = await scrape(t);
    for (const outcome of ['sent', 'rate_limited', 'invalid_phone', 'sms_failed'])
      assert.equal(requests(s, outcome), 0);
    for (const outcome of ['accepted', 'wrong', 'exhausted', 'expired', 'rate_limited']) {
      assert.equal(verifies(s, outcome), 0);
    }
  });

  it('code requests are counted by outcome, and a refused resend by the rule that refused it', async () => {
    const phone = mobile(101);
    await issueCode(t, phone);
    assert.equal((await requestCode(t, phone)).status, 429);
    assert.equal((await requestCode(t, '+1555')).status, 400);
    t.sink.answerNext({ status: 500 });
    assert.equal((await requestCode(t, mobile(102))).status, 503);
    const s = await scrape(t);
    assert.equal(requests(s, 'sent'), 1);
    assert.equal(requests(s, 'rate_limited'), 1);
    assert.equal(requests(s, 'invalid_phone'), 1);
    assert.equal(requests(s, 'sms_failed'), 1);
    assert.equal(s.get('otpgate_rate_limit_rejections_total{rule="otp-resend"}'), 1);
  });

  it('verifies are counted by outcome: wrong, exhausted, expired, accepted', async () => {
    const phone = mobile(103);
    const code = await issueCode(t, phone);
    assert.equal((await verifyCode(t, phone, wrongCode(code))).status, 400);
    assert.equal((await verifyCode(t, phone, wrongCode(code))).status, 400);
    assert.equal((await verifyCode(t, phone, code)).status, 429, 'two wrong codes burnt it');
    assert.equal((await verifyCode(t, mobile(104), '123456')).status, 400, 'no code was requested');
    const other = mobile(105);
    assert.equal((await verifyCode(t, other, await issueCode(t, other))).status, 200);
    const s = await scrape(t);
    assert.equal(verifies(s, 'wrong'), 2);
    assert.equal(verifies(s, 'exhausted'), 1);
    assert.equal(verifies(s, 'expired'), 1);
    assert.equal(verifies(s, 'accepted'), 1);
    assert.equal(verifies(s, 'rate_limited'), 0);
  });

  it('a verify refused by the failed-verify limit counts as rate_limited, and the rule is named', async () => {
    const before = await scrape(t);
    const from = { ip: '203.0.113.9' };
    for (let i = 0; i < 5; i += 1) assert.equal((await verifyCode(t, mobile(106), '123456', from)).status, 400);
    assert.equal((await verifyCode(t, mobile(106), '123456', from)).status, 429);
    const s = await scrape(t);
    assert.equal(verifies(s, 'expired')! - verifies(before, 'expired')!, 5);
    assert.equal(verifies(s, 'rate_limited'), 1);
    assert.equal(s.get('otpgate_rate_limit_rejections_total{rule="otp-verify-ip-hour"}'), 1);
  });
});

describe('GET /metrics', () => {
  it('answers the Prometheus text format with process metrics and the SMS metrics, all prefixed otpgate_', async () => {
    const t = await startTestApp(sqlite);
    try {
      const answer = await t.inject({ method: 'GET', url: '/metrics' });
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
      const text = answer.body;
      for (const line of [
        '# TYPE otpgate_otp_requests_total counter',
        '# TYPE otpgate_otp_verifies_total counter',
        '# TYPE otpgate_rate_limit_rejections_total counter',
        '# TYPE otpgate_sms_messages_total counter',
        '# TYPE otpgate_sms_provider_latency_seconds histogram',
        '# TYPE otpgate_sms_failovers_total counter',
        '# TYPE otpgate_sms_breaker_openings_total counter',
        '# TYPE otpgate_process_cpu_user_seconds_total counter',
        '# TYPE otpgate_nodejs_eventloop_lag_seconds gauge',
      ]) {
        assert.ok(text.split('\n').includes(line), `missing: ${line}`);
      }
      const names = new Set(
        text
          .split('\n')
          .filter((line) => line.startsWith('# TYPE '))
          .map((line) => line.split(' ')[2]!),
      );
      assert.deepEqual(
        [...names].filter((name) => !name.startsWith('otpgate_')),
        [],
      );
    } finally {
      await t.close();
    }
  });

  it("each app counts its own events: one app's code request does not show on another", async () => {
    const a = await startTestApp(sqlite);
    const b = await startTestApp(sqlite);
    try {
      await issueCode(a, mobile(201));
      assert.equal((await scrape(a)).get('otpgate_otp_requests_total{outcome="sent"}'), 1);
      assert.equal((await scrape(b)).get('otpgate_otp_requests_total{outcome="sent"}'), 0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(sqlite, { env: { METRICS_TOKEN: TOKEN } });
    });
    after(() => t?.close());

    it('a scrape without the token, or with another, is 401 UNAUTHORIZED', async () => {
      for (const headers of [
        {},
        bearer('scrape-token-0123456789abcdeX'),
        bearer(TOKEN.slice(0, -1)),
        bearer(`${TOKEN}0`),
        { authorization: TOKEN },
        { authorization: `Basic ${TOKEN}` },
      ]) {
        assertError(await t.get('/metrics', headers), 'UNAUTHORIZED');
      }
    });

    it('a scrape with the token gets the metrics', async () => {
      const s = await scrape(t, bearer(TOKEN));
      assert.equal(s.get('otpgate_otp_requests_total{outcome="sent"}'), 0);
    });

    it('the Bearer scheme is read in any case (RFC 9110): a scrape sending bearer gets the metrics', async () => {
      const s = await scrape(t, { authorization: `bearer ${TOKEN}` });
      assert.equal(s.get('otpgate_otp_requests_total{outcome="sent"}'), 0);
    });
  });

  it('METRICS_ENABLED=false: there is no /metrics route (404 NOT_FOUND)', async () => {
    const t = await startTestApp(sqlite, { env: { METRICS_ENABLED: 'false' } });
    try {
      assertError(await t.get('/metrics'), 'NOT_FOUND');
      assert.equal((await requestCode(t, mobile(301))).status, 200, 'counting still works without the route');
    } finally {
      await t.close();
    }
  });

  it('a METRICS_TOKEN shorter than 16 characters stops the start without showing it', () => {
    assert.throws(
      () => loadConfig({ METRICS_TOKEN: 'short-token' }),
      (error: Error) =>
        error.message.startsWith('Invalid configuration: METRICS_TOKEN: ') && !error.message.includes('short-token'),
    );
  });
});
