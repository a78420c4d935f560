import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readNewKey } from '../../src/api-keys/new-key.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { mobile } from '../helpers/otp-flow.ts';
import { logRow, sendSms } from '../helpers/queue.ts';
import { assertError } from '../helpers/session-errors.ts';
import { bearer } from '../helpers/session-sign-in.ts';
import { putTemplate, TEMPLATES } from '../templates/helpers.ts';

const RLO = '\u202e';
const NUL = '\u0000';
/** "I want" in Persian: the ZWNJ between می and خواهم keeps them one word, drawn apart. */
const PERSIAN = 'می\u200cخواهم سفارشم را پیگیری کنم';

forEachDatabase('control and direction characters in stored text', (backend) => {
  let t: TestApp;
  let send: string;
  let write: Record<string, string>;
  let read: Record<string, string>;
  const rows = () => t.database.db.selectFrom('sms_logs').select('id').execute();
  const templates = () => t.database.db.selectFrom('sms_templates').select('key').execute();

  before(async () => {
    t = await startTestApp(backend);
    send = (await newKey(t, ['sms:send'])).secret;
    write = bearer((await newKey(t, ['templates:write'])).secret);
    read = bearer((await newKey(t, ['templates:read', 'sms:read'])).secret);
  });
  after(() => t?.close());

  it('NUL in a template body is 400 VALIDATION_ERROR (PostgreSQL cannot store it), and nothing is written', async () => {
    const before = (await templates()).length;
    const answer = await putTemplate(t, 'nul_body', 'en', { body: `Hello${NUL} {name}` }, write);
    assertError(answer, 'VALIDATION_ERROR');
    assert.equal(
      answer.body.message,
      'body holds a control or text-direction character (only line breaks are allowed)',
    );
    assert.equal((await templates()).length, before);
  });

  it('a bidi override, a control character or a tab in a body, a text or a value is refused', async () => {
    for (const bad of [RLO, '\u2066', '\u0007', '\u001b[2J', '\u0085', '\t', NUL]) {
      assertError(await putTemplate(t, 'bad_body', 'en', { body: `Order ${bad}{id}` }, write), 'VALIDATION_ERROR');
      assertError(await sendSms(t, send, { to: mobile(1), text: `Hi ${bad}there` }), 'VALIDATION_ERROR');
      const params = { product: `Tea${bad}`, url: 'https://shop.example/tea' };
      const refused = await sendSms(t, send, { to: mobile(1), template: 'back_in_stock', params });
      assertError(refused, 'VALIDATION_ERROR');
      assert.match(refused.body.message, /^params\.product holds a control/);
    }
    assert.equal((await rows()).length, 0);
  });

  it('a template key or a placeholder name with RLO is refused', async () => {
    const key = encodeURIComponent(`promo${RLO}cba`);
    assertError(await putTemplate(t, key, 'en', { body: 'Sale' }, write), 'VALIDATION_ERROR');
    assertError(await t.get(`${TEMPLATES}/${key}/en`, read), 'VALIDATION_ERROR');
    const params = { [`product${RLO}`]: 'Tea', product: 'Tea', url: 'https://shop.example' };
    assertError(await sendSms(t, send, { to: mobile(1), template: 'back_in_stock', params }), 'VALIDATION_ERROR');
    assertError(
      await t.get(`/api/v1/admin/sms/logs?template=${encodeURIComponent(`x${NUL}`)}`, read),
      'VALIDATION_ERROR',
    );
    assertError(await t.get(`/api/v1/admin/sms/logs/${encodeURIComponent(`x${NUL}`)}`, read), 'VALIDATION_ERROR');
  });

  it('Persian text keeps its ZWNJ, line breaks and direction marks, as sent and as logged', async () => {
    const text = `${PERSIAN}\nشماره سفارش: \u200f12345\r\nممنون`;
    const answer = await sendSms(t, send, { to: mobile(2), text });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    assert.equal((await logRow(t, answer.body.id)).text, text);

    const saved = await putTemplate(t, 'tracking', 'fa', { body: `${PERSIAN}: {id}` }, write);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.template.body, `${PERSIAN}: {id}`);
    const queued = await sendSms(t, send, { to: mobile(2), template: 'tracking', params: { id: `\u200c${PERSIAN}` } });
    assert.equal(queued.status, 202, JSON.stringify(queued.body));
    assert.equal((await logRow(t, queued.body.id)).text, `${PERSIAN}: \u200c${PERSIAN}`);
  });
});

describe('API key names', () => {
  it('a name with a bidi override, a control or a format character is refused; any script is not', () => {
    for (const name of [`shop${RLO}nimda`, 'shop\u2067x', 'shop\u0085', 'a\u200cb', 'tab\there', '-leading']) {
      const read = readNewKey(name, 'sms:send');
      assert.equal(read.ok, false, JSON.stringify(name));
    }
    for (const name of ['shop-backend', 'کلید فروشگاه', "Ali's key (staging) #2", 'crm.example.com/otp']) {
      const read = readNewKey(name, 'sms:send');
      assert.ok(read.ok, JSON.stringify(name));
    }
  });
});
