import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { newLinkKey } from '../../src/alerts/link-token.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { freePort, runCli, startCli, tempDir, waitUntilServing, type CliProcess } from '../helpers/infra-cli.ts';
import { TEST_BOT_TOKEN } from '../helpers/telegram-login.ts';
import { messagesPerAlert } from './stock-helpers.ts';

const SUBSCRIBERS = 5000;
const PRODUCT = 'crash-sku';

/** Polls `check` until it returns a value, or throws after `timeoutMs`. */
async function eventually<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(5);
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

/**
 * Holds the database's write lock on the restock (PostgreSQL: its row, FOR UPDATE; SQLite: the file's one
 * write lock), so that the fan-out stops at its next batch: the kill then lands mid-way for certain, not by
 * luck of timing. `release` rolls back.
 */
async function holdFanOut(url: string, restockId: string): Promise<() => Promise<void>> {
  if (url.startsWith('sqlite:')) {
    const file = new SqliteDatabase(url.slice('sqlite:'.length));
    file.pragma('busy_timeout = 5000');
    file.prepare('begin immediate').run();
    return async () => {
      file.prepare('rollback').run();
      file.close();
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  await client.query('select id from restocks where id = $1 for update', [restockId]);
  return async () => {
    await client.query('rollback');
    await client.end();
  };
}

forEachDatabase('a fan-out killed with kill -9 mid-way', (backend) => {
  it(
    `resumes after a restart, and each of ${SUBSCRIBERS} subscribers gets exactly one message`,
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const created = backend.name === 'postgres' ? await backend.create() : undefined;
      const databaseUrl = created?.url ?? `sqlite:${join(dir, 'otpgate.db')}`;
      const env = {
        DATABASE_URL: databaseUrl,
        DATA_DIR: join(dir, 'data'),
        SMS_PROVIDER: 'console',
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        TELEGRAM_BOT_USERNAME: 'shop_bot',
        TELEGRAM_UPDATES: 'off',
        LOG_LEVEL: 'warn',
      };
      const children: CliProcess[] = [];
      const serve = async () => {
        const port = await freePort();
        const child = startCli(['serve'], { ...env, PORT: String(port) }, dir);
        children.push(child);
        await waitUntilServing(`http://127.0.0.1:${port}/livez`, child);
        return { running: child, port };
      };
      const database = createDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database);
      const { db } = database;
      try {
        assert.equal((await runCli(['migrate'], env, { cwd: dir })).code, 0);
        const made = await runCli(['keys', 'create', '--name', 'crash', '--scopes', 'alerts:write'], env, { cwd: dir });
        const key = made.stdout.trim().split('\n').at(-1)!;

        // Half by SMS, half by Telegram (whose queue has no worker here, so its rows stay as written).
        const at = Date.now() - 60_000;
        for (let chunk = 0; chunk < SUBSCRIBERS; chunk += 250) {
          const users = [];
          const telegram = [];
          const alerts = [];
          for (let i = chunk; i < chunk + 250; i += 1) {
            const id = randomUUID();
            const channel = i % 2 === 0 ? 'sms' : 'telegram';
            users.push({
              id,
              phone_number: `+98912${String(i).padStart(7, '0')}`,
              phone_verified: 1,
              locale: null,
              created_at: at,
              updated_at: at,
            });
            if (channel === 'telegram') {
              telegram.push({
                telegram_id: String(1_000_000 + i),
                user_id: id,
                chat_id: String(1_000_000 + i),
                created_at: at,
                updated_at: at,
              });
            }
            alerts.push({
              id: randomUUID(),
              user_id: id,
              product_id: PRODUCT,
              variant_id: '',
              channel,
              locale: 'en',
              status: 'active',
              link_key: newLinkKey(),
              created_at: at + i,
            });
          }
          await db
            .insertInto('users')
            .values(users as any)
            .execute();
          await db
            .insertInto('telegram_users')
            .values(telegram as any)
            .execute();
          await db
            .insertInto('stock_alerts')
            .values(alerts as any)
            .execute();
        }

        const first = await serve();
        const answer = await fetch(`http://127.0.0.1:${first.port}/api/v1/admin/products/${PRODUCT}/stock`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ quantity: 10, name: 'Crash boots' }),
        });
        assert.equal(answer.status, 200);
        const restockId = ((await answer.json()) as { restock: { id: string } }).restock.id;
        const restock = () =>
          db.selectFrom('restocks').selectAll().where('id', '=', restockId).executeTakeFirstOrThrow();

        await eventually('the first batch', 30_000, async () =>
          Number((await restock()).notified) > 0 ? true : undefined,
        );
        const release = await holdFanOut(databaseUrl, restockId);
        first.running.child.kill('SIGKILL');
        await first.running.exited;
        await release();
        const orphan = await restock();
        assert.equal(orphan.status, 'fanning', 'the killed instance left the restock mid-way');
        assert.ok(Number(orphan.notified) < SUBSCRIBERS, `notified ${orphan.notified} before the kill`);

        // The restart claims it once the dead instance's lease has lapsed, and carries on.
        await serve();
        const done = await eventually('the resumed fan-out', 90_000, async () => {
          const current = await restock();
          return current.status === 'done' ? current : undefined;
        });

        assert.equal(Number(done.notified), SUBSCRIBERS);
        const counts = await messagesPerAlert(db, PRODUCT);
        assert.equal(counts.size, SUBSCRIBERS);
        const twice = [...counts.entries()].filter(([, n]) => n !== 1);
        assert.deepEqual(twice, [], 'alerts without exactly one message');
        const sms = await db
          .selectFrom('sms_logs')
          .select(db.fn.countAll<number>().as('n'))
          .where('template', '=', 'stock_alert')
          .executeTakeFirstOrThrow();
        const telegram = await db
          .selectFrom('telegram_messages')
          .select(db.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.deepEqual([Number(sms.n), Number(telegram.n)], [SUBSCRIBERS / 2, SUBSCRIBERS / 2]);
        const active = await db.selectFrom('stock_alerts').select('id').where('status', '!=', 'notified').execute();
        assert.equal(active.length, 0);
      } finally {
        for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
        await Promise.all(children.map((child) => child.exited));
        await database.close();
        await created?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
