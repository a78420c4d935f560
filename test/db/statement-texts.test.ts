import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type SqliteDatabase from 'better-sqlite3';
import { DATABASES } from '../helpers/app.ts';
import { newKey } from '../helpers/api-keys.ts';
import { issueCode, mobile, verifyCode, withApp } from '../helpers/otp-flow.ts';
import { sendSms } from '../helpers/queue.ts';
import { stockAdmin, subscribe } from '../alerts/stock-helpers.ts';

const sqlite = DATABASES.find((backend) => backend.name === 'sqlite')!;

/** Every SQL text prepared on the connection from now on, in order. */
function watchPrepares(connection: SqliteDatabase.Database): string[] {
  const texts: string[] = [];
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((source: string) => {
    texts.push(source);
    return prepare(source);
  }) as typeof connection.prepare;
  return texts;
}

/** The text with its number and string literals taken out: two texts alike but for values compare equal. */
const shape = (text: string) => text.replace(/'(?:[^']|'')*'/g, "'?'").replace(/\b\d+(?:\.\d+)?\b/g, '0');

/**
 * A statement is prepared once per connection and reused (db/statement-cache.ts). A value written into the
 * SQL instead of bound (a timestamp in a CASE, say) makes every call a new text: each is prepared again, the
 * cache fills and is emptied, and the statements wait for a garbage collection to free their native memory.
 * That took the SQLite server of the restock bench from about 150 to over 200 MiB.
 */
describe('SQL texts on SQLite', () => {
  it('the queue, a sign-in and a restock fan-out run at a later moment prepare no statement that differs only in its values', async () => {
    await withApp(sqlite, {}, async (t) => {
      const texts = watchPrepares(t.database.group!.connection);
      const { secret } = await newKey(t, ['sms:send']);
      const admin = await stockAdmin(t);
      const round = async (n: number) => {
        const sent = await sendSms(t, secret, { to: mobile(100 + n), text: `Order ${n} has shipped` });
        assert.equal(sent.status, 202, JSON.stringify(sent.body));
        const code = await issueCode(t, mobile(n));
        assert.equal((await verifyCode(t, mobile(n), code)).status, 200);
        const product = `texts-${n}`;
        await subscribe(t.database.db, { product, createdAt: t.clock.now() - 60_000 });
        const stock = await admin.report(product, { quantity: 3, name: `Product ${n}`, url: 'https://shop.test/p' });
        assert.equal(stock.status, 200, JSON.stringify(stock.body));
        await t.app.alertFanOut.runOnce();
        // The code's SMS went straight out; the admin send and the alert wait in the queue.
        assert.equal(await t.app.smsQueue.worker.runOnce(), 2);
      };

      await round(1);
      const first = texts.length;
      t.clock.advance(61_000);
      await round(2);

      const earlier = new Map(texts.slice(0, first).map((text) => [shape(text), text]));
      const varying = texts
        .slice(first)
        .filter((text) => earlier.has(shape(text)) && earlier.get(shape(text)) !== text);
      assert.deepEqual(varying, [], 'statements whose values are written into their SQL');
      assert.ok(first > 10, `the first round prepared the statements it runs (${first})`);
    });
  });
});
