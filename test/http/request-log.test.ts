import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { DATABASES } from '../helpers/backends.ts';
import { bearer } from '../helpers/session-sign-in.ts';
import { toAsciiDigits } from '../../src/phone/digits.ts';

const LOGS = '/api/v1/admin/sms/logs';
const MASKED = '+98912***6789';
const HEALTH = '/api/v1/otp/health';
const persian = (digits: string) =>
  encodeURIComponent(digits.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))));
const arabic = (digits: string) =>
  encodeURIComponent(digits.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d))));
const encoded = (digits: string) => [...digits].map((d) => `%3${d}`).join('');

/** A number outside a query value: where it sits, and what the log must show in its place. */
const ELSEWHERE: ReadonlyArray<readonly [where: string, url: string, logged: string]> = [
  ['as the whole query', `${HEALTH}?09123456789`, `${HEALTH}?${MASKED}`],
  ['after a semicolon', `${HEALTH}?phone;09123456789`, `${HEALTH}?phone;${MASKED}`],
  ['as a query name', `${HEALTH}?09123456789=1&limit=5`, `${HEALTH}?${MASKED}=1&limit=5`],
  ['as a path segment', '/x/09123456789', `/x/${MASKED}`],
  ['as a path segment, international', '/x/+989123456789/y', `/x/${MASKED}/y`],
  ['as a path segment in Persian digits', `/x/${persian('09123456789')}`, `/x/${MASKED}`],
  ['as a query name in Arabic-Indic digits', `${HEALTH}?${arabic('09123456789')}`, `${HEALTH}?${MASKED}`],
  ['as percent-encoded ASCII digits', `${HEALTH}?${encoded('09123456789')}`, `${HEALTH}?${MASKED}`],
  ['encoded twice over', `${HEALTH}?${encoded('09123456789').replace(/%/g, '%25')}`, `${HEALTH}?${MASKED}`],
  ['beside a broken escape', `${HEALTH}?q=${encoded('09123456789')}%ZZ`, `${HEALTH}?q=***`],
  ['inside a word', `/x/tel09123456789x`, '/x/***'],
];

/** The log as a reader could make it out: escapes undone (twice) and every digit made ASCII. */
const readable = (text: string) =>
  toAsciiDigits(
    [1, 2].reduce(
      (t) => t.replace(/(?:%[0-9a-f]{2})+/gi, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8')),
      text,
    ),
  );

/** One number in every form people and clients write it; none of them may reach the log. */
const FORMS: ReadonlyArray<readonly [form: string, query: string, full: RegExp]> = [
  ['national', 'phone_number=09123456789', /0?9123456789/],
  ['international', 'phone_number=%2B989123456789', /(%2B|\+)?989123456789/],
  ['with a raw plus', 'phone_number=+989123456789', /989123456789/],
  ['with 00', 'phone_number=00989123456789', /989123456789/],
  ['Persian digits', `phone_number=${encodeURIComponent('۰۹۱۲۳۴۵۶۷۸۹')}`, /9123456789|%DB%B9%DB%B1%DB%B2/i],
  ['spaced', `phone_number=${encodeURIComponent('0912 345 6789')}`, /912(%20|\+| )345(%20|\+| )6789/],
  ['under another name', 'q=09123456789&limit=5', /0?9123456789/],
  ['with slashes', 'phone_number=0912/345/6789', /912\/?345\/?6789/],
  ['with encoded slashes', 'phone_number=0912%2F345%2F6789', /912(%2F|\/)?345(%2F|\/)?6789/i],
];

describe('the request log masks what a URL carries', () => {
  let t: TestApp;
  let key: Record<string, string>;
  before(async () => {
    t = await startTestApp(DATABASES[0]!);
    key = bearer((await newKey(t, ['sms:read'])).secret);
  });
  after(() => t?.close());

  /** The `request completed` line of the one request to `url`. */
  async function loggedUrl(url: string): Promise<string> {
    const before = t.logs.lines.length;
    await t.get(url, key);
    const lines = t.logs.lines.slice(before).map((line) => JSON.parse(line) as { msg: string; url?: string });
    const completed = lines.filter((line) => line.msg === 'request completed');
    assert.equal(completed.length, 1, JSON.stringify(lines));
    return completed[0]!.url!;
  }

  for (const [form, query, full] of FORMS) {
    it(`a number in the query (${form}) is logged masked, never in full`, async () => {
      const logged = await loggedUrl(`${LOGS}?${query}`);
      assert.ok(logged.startsWith(`${LOGS}?`), logged);
      assert.ok(logged.includes(MASKED), `"${logged}" holds the masked number`);
      assert.doesNotMatch(logged, full);
      assert.doesNotMatch(t.logs.text(), full, 'no line of the log holds the number');
    });
  }

  for (const [where, url, logged] of ELSEWHERE) {
    it(`a number ${where} is masked in the log, never written in full`, async () => {
      assert.equal(await loggedUrl(url), logged);
      assert.doesNotMatch(readable(t.logs.text()), /9123456789/, 'no line of the log holds the number in any form');
    });
  }

  it('seven digits in a row are masked anywhere in the URL, a number we cannot read as ***', async () => {
    assert.equal(await loggedUrl('/x/02155512345/y?a;1234567'), '/x/***/y?a;***');
    assert.equal(await loggedUrl('/x/123456/y?a=123456'), '/x/123456/y?a=123456');
  });

  it('what is not a number or a credential is logged as it came', async () => {
    assert.equal(await loggedUrl(`${LOGS}?status=sent&limit=5`), `${LOGS}?status=sent&limit=5`);
  });

  it('a credential in the query is masked whatever it is called', async () => {
    const logged = await loggedUrl(`${LOGS}?limit=5&access_token=Tk7sEcReT&api_key=Ak7sEcReT`);
    assert.equal(logged, `${LOGS}?limit=5&access_token=***&api_key=***`);
    assert.doesNotMatch(t.logs.text(), /sEcReT/);
  });

  it("a sign-in redirect's one-time values are masked: code, state, PKCE verifier, a Telegram hash or initData", async () => {
    const callback = '/api/v1/telegram/oidc/callback';
    const logged = await loggedUrl(`${callback}?code=C0dEsEcReT&state=St4tEsEcReT&error_code=none`);
    assert.equal(logged, `${callback}?code=***&state=***&error_code=none`);
    const more = await loggedUrl(`${LOGS}?code_verifier=VsEcReT&hash=HsEcReT&init_data=IsEcReT&initData=JsEcReT`);
    assert.equal(more, `${LOGS}?code_verifier=***&hash=***&init_data=***&initData=***`);
    assert.doesNotMatch(t.logs.text(), /sEcReT/);
  });

  it('a number that does not read as a mobile number is still masked', async () => {
    const logged = await loggedUrl(`${LOGS}?q=02155512345`);
    assert.equal(logged, `${LOGS}?q=***`);
  });
});
