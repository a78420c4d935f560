import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { linkToken } from '../../src/alerts/link-token.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';
import { alertRow, newAlert, newRestock, newUser, stockOf, tokenFor } from './rows.ts';

/** The headers every page and redirect of the alert links carries. */
function assertStrictHeaders(headers: Record<string, unknown>) {
  assert.equal(headers['cache-control'], 'no-store');
  assert.equal(headers['referrer-policy'], 'no-referrer');
}

function assertPage(answer: { headers: Record<string, unknown>; body: string }) {
  assert.match(String(answer.headers['content-type']), /^text\/html; charset=utf-8$/);
  assertStrictHeaders(answer.headers);
  const csp = String(answer.headers['content-security-policy']);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /script-src|unsafe/);
  assert.doesNotMatch(answer.body, /<script/i);
}

/** The token with one character changed (still the right shape). */
const altered = (token: string) => token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);

forEachDatabase('the alert links', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend);
  });
  after(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.inject({ method: 'GET', url, headers });

  it("/s/ stops the user's active alerts for that product on every channel, and nothing else", async () => {
    const user = await newUser(t);
    const other = await newUser(t);
    await stockOf(t, 'kettle-1', { name: 'Kettle <Deluxe> & "Co"' });
    // The alert whose SMS carried the link was notified; the user's other alerts for the product are active.
    const carrier = await newAlert(t, { userId: user, productId: 'kettle-1', status: 'notified' });
    const telegram = await newAlert(t, { userId: user, productId: 'kettle-1', channel: 'telegram' });
    const sms = await newAlert(t, { userId: user, productId: 'kettle-1', channel: 'sms' });
    const otherVariant = await newAlert(t, { userId: user, productId: 'kettle-1', variantId: 'red' });
    const otherProduct = await newAlert(t, { userId: user, productId: 'mug-2' });
    const otherUser = await newAlert(t, { userId: other, productId: 'kettle-1' });

    const answer = await get(`/s/${tokenFor(t, 'stop', carrier.linkKey)}`);
    assert.equal(answer.statusCode, 200, answer.body);
    assertPage(answer);
    assert.match(answer.body, /<html lang="en" dir="ltr">/);
    // The product's name is escaped, not markup.
    assert.ok(answer.body.includes('Kettle &lt;Deluxe&gt; &amp; &quot;Co&quot;'), answer.body);
    assert.ok(!answer.body.includes('<Deluxe>'));

    for (const stopped of [telegram, sms]) {
      const row = await alertRow(t, stopped.id);
      assert.deepEqual([row.status, row.cancel_reason], ['cancelled', 'link']);
      assert.ok(row.cancelled_at !== null);
    }
    assert.equal((await alertRow(t, carrier.id)).status, 'notified', 'the notified alert stays as it was');
    for (const untouched of [otherVariant, otherProduct, otherUser]) {
      const row = await alertRow(t, untouched.id);
      assert.deepEqual([row.status, row.cancel_reason], ['active', null]);
    }

    // Again: the same page, nothing left to change.
    const again = await get(`/s/${tokenFor(t, 'stop', carrier.linkKey)}`);
    assert.equal(again.statusCode, 200);
    assert.equal(again.body, answer.body);
  });

  it("/s/ answers a Persian alert's page right to left, in Persian", async () => {
    const user = await newUser(t);
    const alert = await newAlert(t, { userId: user, productId: 'fa-product', locale: 'fa' });
    await stockOf(t, 'fa-product', { name: 'کتری' });
    const answer = await get(`/s/${tokenFor(t, 'stop', alert.linkKey)}`, { 'accept-language': 'en' });
    assert.equal(answer.statusCode, 200);
    assertPage(answer);
    assert.match(answer.body, /<html lang="fa" dir="rtl">/);
    assert.ok(answer.body.includes('کتری'));
    assert.equal((await alertRow(t, alert.id)).status, 'cancelled');
  });

  it('/s/ refuses a forged or altered token, and a click token, with a 404 page, and changes nothing', async () => {
    const user = await newUser(t);
    const alert = await newAlert(t, { userId: user, productId: 'forged-1' });
    const token = tokenFor(t, 'stop', alert.linkKey);
    for (const bad of [altered(token), tokenFor(t, 'click', alert.linkKey), 'x'.repeat(20), 'short', `${token}x`]) {
      const answer = await get(`/s/${bad}`, { 'accept-language': 'en-GB,en;q=0.9' });
      assert.equal(answer.statusCode, 404, bad);
      assertPage(answer);
      assert.match(answer.body, /not valid/);
    }
    const persian = await get(`/s/${altered(token)}`, { 'accept-language': 'fa-IR' });
    assert.equal(persian.statusCode, 404);
    assert.match(persian.body, /dir="rtl"/);
    // A token made with another secret (another deployment) is as good as forged.
    const foreign = linkToken(randomBytes(32), 'stop', alert.linkKey);
    assert.equal((await get(`/s/${foreign}`)).statusCode, 404);
    const row = await alertRow(t, alert.id);
    assert.deepEqual([row.status, row.cancelled_at], ['active', null]);
  });

  it('/s/ records nothing for a HEAD request or a link-preview robot', async () => {
    const user = await newUser(t);
    const alert = await newAlert(t, { userId: user, productId: 'preview-1' });
    const url = `/s/${tokenFor(t, 'stop', alert.linkKey)}`;
    assert.equal((await t.inject({ method: 'HEAD', url })).statusCode, 200);
    assert.equal((await get(url, { 'user-agent': 'TelegramBot (like TwitterBot)' })).statusCode, 200);
    assert.equal((await alertRow(t, alert.id)).status, 'active');
    await get(url, { 'user-agent': 'Mozilla/5.0' });
    assert.equal((await alertRow(t, alert.id)).status, 'cancelled');
  });

  it("/c/ records the first click and redirects to the restock's URL, whatever the request says", async () => {
    const user = await newUser(t);
    const restock = await newRestock(t, 'click-1', 'https://shop.example/p/click-1?from=restock');
    await stockOf(t, 'click-1', { url: 'https://shop.example/p/click-1-older' });
    const alert = await newAlert(t, { userId: user, productId: 'click-1', status: 'notified', restockId: restock });
    const token = tokenFor(t, 'click', alert.linkKey);

    const first = await get(`/c/${token}?url=https%3A%2F%2Fevil.example%2F&next=https://evil.example`, {
      referer: 'https://evil.example/',
      host: 'evil.example',
    });
    assert.equal(first.statusCode, 302, first.body);
    assert.equal(first.headers.location, 'https://shop.example/p/click-1?from=restock');
    assertStrictHeaders(first.headers);
    const clicked = (await alertRow(t, alert.id)).clicked_at;
    assert.ok(clicked !== null);

    t.clock.advance(60_000);
    const second = await get(`/c/${token}`);
    assert.equal(second.statusCode, 302);
    assert.equal(second.headers.location, 'https://shop.example/p/click-1?from=restock');
    assert.equal((await alertRow(t, alert.id)).clicked_at, clicked, 'a later click keeps the first');
  });

  it("/c/ falls back to the product's last reported URL; none, or not http(s): a 404 page, no redirect", async () => {
    const user = await newUser(t);
    await stockOf(t, 'click-2', { url: 'http://shop.example/p/2' });
    const withStock = await newAlert(t, { userId: user, productId: 'click-2' });
    const answer = await get(`/c/${tokenFor(t, 'click', withStock.linkKey)}`);
    assert.equal(answer.statusCode, 302);
    assert.equal(answer.headers.location, 'http://shop.example/p/2');

    await stockOf(t, 'click-3', { url: null });
    const noUrl = await newAlert(t, { userId: user, productId: 'click-3', locale: 'fa' });
    const none = await get(`/c/${tokenFor(t, 'click', noUrl.linkKey)}?url=https://shop.example/`);
    assert.equal(none.statusCode, 404);
    assertPage(none);
    assert.equal(none.headers.location, undefined);
    assert.match(none.body, /dir="rtl"/);

    for (const [product, url] of [
      ['click-4', 'javascript:alert(1)'],
      ['click-5', 'data:text/html,<script>alert(1)</script>'],
      ['click-6', '//evil.example/relative'],
    ] as const) {
      const restock = await newRestock(t, product, url);
      const alert = await newAlert(t, { userId: user, productId: product, status: 'notified', restockId: restock });
      const refused = await get(`/c/${tokenFor(t, 'click', alert.linkKey)}`);
      assert.equal(refused.statusCode, 404, url);
      assert.equal(refused.headers.location, undefined, url);
    }
  });

  it('/c/ refuses a forged token or a stop token with a 404 page, and records no click', async () => {
    const user = await newUser(t);
    await stockOf(t, 'click-7', { url: 'https://shop.example/p/7' });
    const alert = await newAlert(t, { userId: user, productId: 'click-7' });
    const token = tokenFor(t, 'click', alert.linkKey);
    for (const bad of [altered(token), tokenFor(t, 'stop', alert.linkKey)]) {
      const answer = await get(`/c/${bad}?url=https://shop.example/p/7`);
      assert.equal(answer.statusCode, 404, bad);
      assertPage(answer);
      assert.equal(answer.headers.location, undefined);
    }
    assert.equal((await alertRow(t, alert.id)).clicked_at, null);
  });

  it('an error of ours answers an HTML page with the strict headers, never the JSON envelope', async () => {
    const broken = await startTestApp(backend);
    try {
      const user = await newUser(broken);
      const alert = await newAlert(broken, { userId: user, productId: 'broken-1', status: 'notified' });
      await broken.database.db.schema.dropTable('product_stock').execute();
      for (const purpose of ['stop', 'click'] as const) {
        const prefix = purpose === 'stop' ? 's' : 'c';
        const answer = await broken.inject({
          method: 'GET',
          url: `/${prefix}/${tokenFor(broken, purpose, alert.linkKey)}`,
          headers: { 'accept-language': 'fa' },
        });
        assert.equal(answer.statusCode, 500, answer.body);
        assertPage(answer);
        assert.match(answer.body, /dir="rtl"/);
        assert.doesNotMatch(answer.body, /product_stock|INTERNAL_ERROR/);
      }
    } finally {
      await broken.close();
    }
  });
});
