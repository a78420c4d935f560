import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { sendSms } from '../helpers/queue.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer } from '../helpers/session-sign-in.ts';
import { putTemplate, TEMPLATES } from './helpers.ts';

const TEST_NUMBER = '+989000000001';
const SHOP_TEMPLATES = 200;
const key = (i: number) => `shop_${String(i).padStart(3, '0')}`;

forEachDatabase('two hundred templates', (backend) => {
  let t: TestApp;
  let read: Record<string, string>;

  before(async () => {
    // A test number: each send is counted at once (provider `test`), with no worker or provider involved.
    t = await startTestApp(backend, { env: { SMS_TEST_NUMBERS: `${TEST_NUMBER}:123456` } });
    read = bearer((await newKey(t, ['templates:read'])).secret);
    const write = bearer((await newKey(t, ['templates:write'])).secret);
    const send = (await newKey(t, ['sms:send'])).secret;
    for (let i = 0; i < SHOP_TEMPLATES; i++) {
      const saved = await putTemplate(t, key(i), 'en', { body: `Message ${i}: {v}` }, write);
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const sent = await sendSms(t, send, { to: TEST_NUMBER, template: key(i), params: { v: 'x' } });
      assert.equal(sent.status, 202, JSON.stringify(sent.body));
    }
    const text = await sendSms(t, send, { to: TEST_NUMBER, text: 'plain' });
    assert.equal(text.status, 202);
  });
  after(() => t?.close());

  it('the listing pages: 50 by default, up to 100, and the cursors walk every template once', async () => {
    const first = await t.get(TEMPLATES, read);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.templates.length, 50);
    assert.equal(typeof first.body.next_cursor, 'string');

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${TEMPLATES}?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await t.get(url, read);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      assert.ok(page.body.templates.length <= 100);
      seen.push(...page.body.templates.map((x: { key: string; locale: string }) => `${x.key}/${x.locale}`));
      cursor = page.body.next_cursor;
      pages += 1;
    } while (cursor);
    const all = SHOP_TEMPLATES + 76; // the 76 seeded ones too
    assert.equal(pages, Math.ceil(all / 100));
    assert.equal(seen.length, all);
    assert.equal(new Set(seen).size, all, 'no template twice');
    assert.deepEqual(seen, [...seen].sort(), 'by key then locale');

    const one = await t.get(`${TEMPLATES}?key=${key(7)}`, read);
    assert.deepEqual([one.body.templates.length, one.body.next_cursor], [1, null]);
  });

  it('a limit out of 1..100 or a cursor this listing did not issue is VALIDATION_ERROR', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'cursor=not-ours', `cursor=${'A'.repeat(201)}`]) {
      assertError(await t.get(`${TEMPLATES}?${query}`, read), 'VALIDATION_ERROR');
    }
  });

  it('/metrics names the service\'s own templates and counts the shop\'s as "other": a bounded set', async () => {
    const answer = await t.inject({ method: 'GET', url: '/metrics' });
    assert.equal(answer.statusCode, 200);
    const series = answer.body.split('\n').filter((line) => line.startsWith('otpgate_sms_messages_total{'));
    assert.ok(series.length <= 5, series.join('\n'));
    assert.ok(
      series.includes('otpgate_sms_messages_total{provider="test",template="other",status="sent"} 200'),
      series.join('\n'),
    );
    assert.ok(series.includes('otpgate_sms_messages_total{provider="test",template="text",status="sent"} 1'));
    assert.ok(!answer.body.includes('shop_'), 'no shop template key is a label');
  });
});
