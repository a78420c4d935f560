import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_PAGES } from '../../src/pages/console/pages.ts';
import { maskPhone } from '../../src/phone/parse.ts';
import { DATABASES, startTestApp, type TestApp } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { listenOnSocket } from '../helpers/browser.ts';
import { closeWatched, launchChromium, screenshot, seriousViolations, type WatchedPage } from '../helpers/chromium.ts';
import { CONSOLE_WAIT as WAIT, DESKTOP, PHONE, signInAsStaff } from '../helpers/console.ts';
import { sendSms } from '../helpers/queue.ts';
import { freshPhone } from '../helpers/session-sign-in.ts';
import { HOUR_MS, pastMessage, toNextHour } from '../helpers/sms-history.ts';

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;
const persian = (s: string) => s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'.charAt(Number(d)));
const iso = (ms: number) => new Date(ms).toISOString();
/** A page's sentence with its {n}. */
const c = (sentence: string, n: string) => sentence.replace('{n}', n);
const textOf = (locale: 'fa' | 'en', id: string) => CONSOLE_PAGES.find((p) => p.id === id)!.text[locale];

describe('the console’s SMS, providers and health pages in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let open: WatchedPage | undefined;
  /** The number three messages went to, and the hour this suite sends in. */
  let customer: string;
  let thisHour: number;
  let messageId: string;

  before(async () => {
    browser = await launchChromium();
    t = await startTestApp(sqlite, { env: { OTP_IP_HOURLY_LIMIT: '1000' } });
    base = await listenOnSocket(t);
    thisHour = toNextHour(t);
    customer = freshPhone();
    const { secret } = await newKey(t, ['sms:send']);
    for (const to of [customer, customer, freshPhone()]) {
      const sent = await sendSms(t, secret, { to, text: 'Your order has shipped' });
      assert.equal(sent.status, 202);
      messageId = to === customer ? sent.body.id : messageId;
    }
    while ((await t.app.smsQueue.worker.runOnce()) > 0);
    // One more that stays queued, so that the hour has two statuses, and 21 others queued: two pages of them.
    assert.equal((await sendSms(t, secret, { to: customer, text: 'And a gift card' })).status, 202);
    for (let i = 0; i < 21; i++)
      assert.equal((await sendSms(t, secret, { to: freshPhone(), text: 'Sale' })).status, 202);
    await pastMessage(t, thisHour - 2 * HOUR_MS + 60_000, { status: 'delivered', provider: 'melipayamak' });
    await pastMessage(t, thisHour - 72 * HOUR_MS + 60_000, { status: 'failed', provider: 'webhook' });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    const last = open;
    open = undefined;
    await closeWatched(last);
  });

  /** The chart's bars by hour: each hour's total and its parts, as drawn. */
  async function bars(page: Page, figure: string) {
    return page.locator(`#${figure} g.bar`).evaluateAll((groups) =>
      groups.map((g) => ({
        hour: g.getAttribute('data-hour')!,
        total: Number(g.getAttribute('data-total')),
        parts: Object.fromEntries(
          [...g.querySelectorAll('rect')].map((r) => [
            r.getAttribute('data-key'),
            Number(r.getAttribute('data-count')),
          ]),
        ),
      })),
    );
  }
  const rowsThisHour = async () =>
    (
      await t.database.db
        .selectFrom('sms_logs')
        .select(['status'])
        .where('created_at', '>=', thisHour)
        .where('created_at', '<', thisHour + HOUR_MS)
        .execute()
    ).length;

  it('filters the log by a number typed in Persian digits, opens a message’s history, and charts the day and the week', async () => {
    open = await signInAsStaff(browser, t, base, 'fa', 'support', { viewport: DESKTOP });
    const { page } = open;
    const text = textOf('fa', 'sms');
    await page.getByRole('link', { name: 'پیامک‌ها', exact: true }).click();
    await page.waitForURL(/\/admin\/sms$/, WAIT);
    await page.locator('#results table').waitFor(WAIT);
    // By keyboard: the number typed, and Enter.
    await page.getByLabel(text.phone!).pressSequentially(persian(`0${customer.slice(3)}`));
    await page.keyboard.press('Enter');
    const numbers = page.locator('#results tbody td:nth-child(2)');
    await page.waitForFunction(
      (want) => {
        const cells = [...document.querySelectorAll('#results tbody td:nth-child(2)')];
        return cells.length > 0 && cells.every((td) => td.textContent === want);
      },
      persian(maskPhone(customer)),
      WAIT,
    );
    assert.equal(await numbers.count(), 3, JSON.stringify(await page.locator('#results tbody tr').allTextContents()));
    assert.deepEqual(await page.locator('#results tbody .badge').allTextContents(), [
      text['status.queued'],
      text['status.sent'],
      text['status.sent'],
    ]);
    assert.match(page.url(), /#phone_number=/);

    // Every queued message, in pages of 20: forward with next_cursor, and back.
    await page.getByRole('button', { name: text.clear }).click();
    await page.getByRole('combobox', { name: text.status }).selectOption('queued');
    await page.getByRole('button', { name: text.search }).click();
    // The unfiltered list has a next page too: wait for the filtered one itself.
    await page.waitForFunction(
      (queued) => {
        const badges = [...document.querySelectorAll('#results tbody .badge')];
        return badges.length === 20 && badges.every((badge) => badge.textContent === queued);
      },
      text['status.queued'],
      WAIT,
    );
    const statuses = () => page.locator('#results tbody .badge').allTextContents();
    assert.deepEqual(await statuses(), Array(20).fill(text['status.queued']));
    const firstPage = await page.locator('#results tbody tr').allTextContents();
    await page.locator('#next').click();
    await page.locator('#previous').waitFor(WAIT);
    assert.deepEqual(await statuses(), Array(2).fill(text['status.queued']));
    assert.equal(await page.locator('#next').count(), 0);
    assert.equal(await page.locator('.pager .muted').textContent(), c(text.page!, '۲'));
    await page.locator('#previous').click();
    await page.locator('#next').waitFor(WAIT);
    assert.deepEqual(await page.locator('#results tbody tr').allTextContents(), firstPage);

    // The chart: this hour is every row written in it, two hours ago the one delivered message.
    const day = await bars(page, 'by-status');
    assert.equal(day.length, 24);
    assert.equal(day.at(-1)!.hour, iso(thisHour));
    assert.equal(day.at(-1)!.total, await rowsThisHour());
    assert.equal(day.at(-1)!.parts.queued, 22);
    assert.deepEqual(
      day.find((bar) => bar.hour === iso(thisHour - 2 * HOUR_MS)),
      { hour: iso(thisHour - 2 * HOUR_MS), total: 1, parts: { delivered: 1 } },
    );
    assert.equal(day.filter((bar) => bar.total > 0).length, 2);
    const byProvider = await bars(page, 'by-provider');
    assert.deepEqual(byProvider.find((bar) => bar.hour === iso(thisHour - 2 * HOUR_MS))!.parts, { melipayamak: 1 });
    await page.getByRole('button', { name: text.week }).click();
    await page.locator('.chart-section[data-period="week"]').waitFor(WAIT);
    const week = await bars(page, 'by-status');
    assert.equal(week.length, 168);
    assert.deepEqual(
      week.find((bar) => bar.hour === iso(thisHour - 72 * HOUR_MS)),
      { hour: iso(thisHour - 72 * HOUR_MS), total: 1, parts: { failed: 1 } },
    );
    assert.equal(week.filter((bar) => bar.total > 0).length, 3);
    assert.equal(await page.getByRole('button', { name: text.week }).getAttribute('aria-pressed'), 'true');
    assert.match((await page.locator('#by-status svg.chart').getAttribute('aria-label'))!, /۱ پیامک|ناموفق ۱/);

    // A message's history, from the customer's messages.
    await page.getByRole('button', { name: text.clear }).click();
    await page.getByLabel(text.phone!).fill(customer);
    await page.getByRole('button', { name: text.search }).click();
    await page.locator(`#results a[href="/admin/sms/${messageId}"]`).click();
    await page.waitForURL(new RegExp(`/admin/sms/${messageId}$`), WAIT);
    const steps = page.locator('.timeline li');
    await steps.first().waitFor(WAIT);
    const timeline = await steps.allTextContents();
    assert.equal(timeline.length, 5, JSON.stringify(timeline));
    assert.ok(timeline[0]!.includes(text.created!));
    assert.ok(timeline[1]!.includes(text.queued!));
    assert.ok(timeline[2]!.includes(text.taken!.replace('{tries}', '۱')), timeline[2]);
    assert.ok(timeline[3]!.includes('webhook'), timeline[3]);
    // Sent and not yet reported delivered: the last step says where it stands.
    assert.ok(timeline[4]!.includes(text['status.sent']!), timeline[4]);
    assert.equal(await page.locator('.details bdi').textContent(), persian(maskPhone(customer)));
    await page.getByRole('link', { name: text.back }).click();
    await page.waitForURL(/\/admin\/sms$/, WAIT);
  });

  it('shows each provider with its circuits and last hour, and health with its detail', async () => {
    open = await signInAsStaff(browser, t, base, 'en', 'support', { viewport: DESKTOP });
    const { page } = open;
    await page.goto(`${base}/admin/providers`);
    const row = page.locator('#content tbody tr');
    await row.first().waitFor(WAIT);
    assert.equal(await row.count(), 1);
    const cells = await row.first().locator('td').allTextContents();
    assert.equal(cells[0], 'webhook');
    assert.equal(cells[2], 'closed (healthy)');
    assert.equal(cells[4], '100%');
    assert.match(cells[5]!, /^\d+ sent, 0 failed$/);
    await page.goto(`${base}/admin/health`);
    await page.locator('#content section').first().waitFor(WAIT);
    const health = await page.locator('#content').textContent();
    for (const part of [
      'Database',
      'SMS',
      'Providers',
      'Rate-limit counters',
      'Telegram',
      'Events (webhook)',
      'Version',
    ])
      assert.ok(health!.includes(part), part);
    assert.ok(health!.includes('sqlite'));
  });

  for (const locale of ['fa', 'en'] as const) {
    it(`every page passes axe and is screenshot on a desktop and a phone (${locale})`, async () => {
      open = await signInAsStaff(browser, t, base, locale, 'support', { viewport: DESKTOP, bypassCSP: true });
      const { page } = open;
      const pages: Array<[string, string, string]> = [
        ['sms', `/admin/sms`, '#results table'],
        ['sms-message', `/admin/sms/${messageId}`, '.timeline'],
        ['providers', '/admin/providers', '#content table'],
        ['health', '/admin/health', '#content section'],
      ];
      for (const [name, path, ready] of pages) {
        await page.setViewportSize(DESKTOP);
        await page.goto(`${base}${path}`);
        await page.locator(ready).first().waitFor(WAIT);
        if (name === 'sms') await page.locator('#by-provider svg.chart').waitFor(WAIT);
        await page.evaluate(() => document.fonts.ready);
        assert.equal(await page.locator('html').getAttribute('lang'), locale);
        assert.deepEqual(await seriousViolations(page), [], `${name} (${locale})`);
        await screenshot(page, `console-${name}-${locale}.png`);
        if (name === 'sms') {
          // The week, with its numbers opened by keyboard.
          await page.locator('[data-period="week"]').click();
          await page.locator('.chart-section[data-period="week"]').waitFor(WAIT);
          await page.locator('#by-status summary').focus();
          await page.keyboard.press('Enter');
          assert.equal(await page.locator('#by-status details').getAttribute('open'), '');
          assert.deepEqual(await seriousViolations(page), [], `the week's chart (${locale})`);
          await screenshot(page, `console-sms-week-${locale}.png`);
        }
        await page.setViewportSize(PHONE);
        await screenshot(page, `console-${name}-${locale}-phone.png`);
        assert.ok(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
          `${name} (${locale}) scrolls sideways on a phone`,
        );
      }
    });
  }
});
