import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { alertLinks, newLinkKey } from '../../src/alerts/link-token.ts';
import { smsParts } from '../../src/text/sms-parts.ts';
import { forEachDatabase, startTestApp, type TestApp } from '../helpers/app.ts';

/**
 * How many SMS the seeded alert (`stock_alert`) goes out as, under a 20-character PUBLIC_URL: the longest product
 * name that keeps it to one part in English and to two in Persian, where the two links alone (2 x 43) are more
 * than one part's 70 UCS-2 characters. Printed, and held to the figures the README gives.
 */
const PUBLIC_URL = 'https://shop-otp.com';

forEachDatabase('the size of an SMS alert', (backend) => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(backend, { env: { PUBLIC_URL } });
  });
  after(() => t?.close());

  async function parts(locale: string, product: string) {
    const links = alertLinks(PUBLIC_URL, randomBytes(32), newLinkKey());
    const rendered = await t.app.templateRenderer.render('stock_alert', locale, {
      product,
      link: links.click,
      stop: links.stop,
    });
    return smsParts(rendered.text);
  }

  /** The longest name (of `letter` repeated) whose alert fits in `maxParts`; -1 when not even one letter does. */
  async function longestName(locale: string, letter: string, maxParts: number): Promise<number> {
    let fits = -1;
    for (let length = 1; length <= 200; length++) {
      if ((await parts(locale, letter.repeat(length))).parts > maxParts) break;
      fits = length;
    }
    return fits;
  }

  it('in English one SMS holds a name of up to 48 characters; in Persian two parts, up to 31', async () => {
    const en = await longestName('en', 'a', 1);
    const faOne = await longestName('fa', 'چ', 1);
    const faTwo = await longestName('fa', 'چ', 2);
    console.log(
      `# stock_alert under ${PUBLIC_URL}: en one part up to ${en} characters; fa one part ${faOne}, two parts up to ${faTwo}`,
    );
    assert.equal(en, 48);
    assert.equal(faOne, -1, 'two links alone are longer than one Persian part');
    assert.equal(faTwo, 31);
  });
});
