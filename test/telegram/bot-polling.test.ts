import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { loadConfig } from '../../src/config/index.ts';
import { databaseNowPlus } from '../../src/db/clock.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { BOT_CALL_TIMEOUT_SECONDS, createBotApi } from '../../src/telegram/bot/api.ts';
import { createPoller, MAX_UPDATE_TRIES, type Poller, type PollerOptions } from '../../src/telegram/bot/polling.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { startFakeBotApi, person, textUpdate, type FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';
import { sharedDatabase } from '../helpers/infra-cli.ts';

const LEASE_MS = 1500;
const POLL_SECONDS = 1;
const RETRY_MS = 200;
const sara = person(501);
const silent = { info() {}, warn() {}, error() {} };

/** What each poller did, by holder: the Bot API methods it called (a transformer on its own client) and the updates it handled. */
interface Instance {
  readonly holder: string;
  readonly poller: Poller;
  readonly database: DatabaseHandle;
  readonly calls: Array<{ method: string; offset?: number }>;
}

forEachDatabase('long polling shared by instances', (backend) => {
  let fake: FakeBotApi;
  let url: string;
  let drop: () => Promise<void>;
  let handled: Array<{ holder: string; updateId: number }>;
  const running: Instance[] = [];
  const handles: DatabaseHandle[] = [];

  before(async () => {
    fake = await startFakeBotApi();
    ({ url, drop } = await sharedDatabase(backend));
    const first = open();
    await migrateToLatest(first);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((instance) => instance.poller.stop()));
    await handles[0]!.db.deleteFrom('telegram_bot_pollers').execute();
    // Whatever the fake still holds is confirmed, so the next test starts from an empty queue.
    await fake.close();
    fake = await startFakeBotApi();
  });
  after(async () => {
    await fake.close();
    for (const handle of handles.splice(0)) await handle.close();
    await drop();
  });

  /** A connection of its own to the shared database, as another instance would have. */
  function open(): DatabaseHandle {
    const handle = createDatabase(loadConfig({ DATABASE_URL: url }).database);
    handles.push(handle);
    return handle;
  }

  function botApi(calls: Instance['calls']): Api {
    const api = createBotApi(
      { token: fake.token, apiRoot: fake.apiRoot },
      { timeoutSeconds: BOT_CALL_TIMEOUT_SECONDS + POLL_SECONDS, maxDelaySeconds: 1 },
    );
    api.config.use((prev, method, payload, signal) => {
      calls.push({ method, offset: (payload as { offset?: number }).offset });
      return prev(method, payload, signal);
    });
    return api;
  }

  function startPoller(holder: string, options: Partial<PollerOptions> = {}): Instance {
    const calls: Instance['calls'] = [];
    const database = open();
    const poller = createPoller({
      database,
      api: botApi(calls),
      handle: async (update: Update) => void handled.push({ holder, updateId: update.update_id }),
      holderId: holder,
      now: Date.now,
      log: silent,
      leaseMs: LEASE_MS,
      pollTimeoutSeconds: POLL_SECONDS,
      retryMs: RETRY_MS,
      ...options,
    });
    poller.start();
    const instance = { holder, poller, database, calls };
    running.push(instance);
    return instance;
  }

  const row = () => handles[0]!.db.selectFrom('telegram_bot_pollers').selectAll().executeTakeFirst();
  const polls = (instance: Instance) => instance.calls.filter((c) => c.method === 'getUpdates').length;

  async function until(check: () => boolean | Promise<boolean>, withinMs: number, what: string): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > withinMs) assert.fail(`${what}: not within ${withinMs} ms`);
      await sleep(20);
    }
    return Date.now() - started;
  }

  // The offset is stored after the handler returns, so a test that saw the handler finish waits for it.
  const offsetReaches = (offset: number) =>
    until(async () => Number((await row())!.next_offset) === offset, 5000, `the stored offset at ${offset}`);

  const pushTexts = (n: number) => Array.from({ length: n }, (_, i) => fake.push(textUpdate(sara, `/help ${i}`)));

  it('of two pollers on one database exactly one polls, and each update is handled once, in order', async () => {
    handled = [];
    const a = startPoller('instance-a');
    const b = startPoller('instance-b');
    const pushed = pushTexts(5);
    await until(() => handled.length >= 5, 5000, 'the first five handled');
    pushed.push(...pushTexts(10));
    await sleep(50);
    pushed.push(...pushTexts(5));
    await until(() => handled.length >= 20, 5000, 'all twenty handled');
    // Two leases' worth more: nothing is handled twice, and the one that does not hold never polls.
    await sleep(2 * LEASE_MS);
    assert.equal(handled.length, pushed.length, 'each handled once');
    assert.deepEqual(
      handled.map((h) => h.updateId),
      pushed,
    );
    const [holder, standby] = a.poller.holding() ? [a, b] : [b, a];
    assert.equal(holder.poller.holding(), true);
    assert.equal(standby.poller.holding(), false);
    assert.deepEqual(new Set(handled.map((h) => h.holder)), new Set([holder.holder]));
    assert.equal(polls(standby), 0);
    assert.ok(polls(holder) > 1);
    await offsetReaches(pushed.at(-1)! + 1);
    assert.equal((await row())!.holder, holder.holder);
  });

  it('asks for my_chat_member with every poll, after deleting a webhook once', async () => {
    handled = [];
    const a = startPoller('instance-a');
    await until(() => polls(a) >= 2, 5000, 'two polls');
    const first = await fake.waitFor('getUpdates');
    assert.ok(first.params.allowed_updates.includes('my_chat_member'), JSON.stringify(first.params));
    assert.equal(first.params.timeout, POLL_SECONDS);
    assert.deepEqual(
      a.calls.slice(0, 2).map((c) => c.method),
      ['deleteWebhook', 'getUpdates'],
    );
    assert.equal(a.calls.filter((c) => c.method === 'deleteWebhook').length, 1);
  });

  it('a webhook left set (getUpdates answers 409) is deleted, and polling goes on', async () => {
    handled = [];
    // Set before the poller starts: it deletes it first.
    await botApi([]).setWebhook('https://shop.example.com/api/v1/telegram/webhook');
    const a = startPoller('instance-a');
    const one = fake.push(textUpdate(sara, '/help'));
    await until(() => handled.length === 1, 5000, 'the first update handled');
    assert.equal(fake.webhook.url, '');
    // Set while it polls: the next getUpdates answers 409, and the poller deletes it again.
    await botApi([]).setWebhook('https://shop.example.com/api/v1/telegram/webhook');
    // The long poll under way answers the next update; the getUpdates after it meets the webhook.
    const two = fake.push(textUpdate(sara, '/help'));
    await until(() => handled.length === 2, 5000, 'the update the poll under way answered');
    const three = fake.push(textUpdate(sara, '/help'));
    await until(() => handled.length === 3, 5000, 'an update after the 409 handled');
    assert.deepEqual(
      handled.map((h) => h.updateId),
      [one, two, three],
    );
    assert.equal(a.calls.filter((c) => c.method === 'deleteWebhook').length, 2);
    assert.equal(fake.webhook.url, '');
  });

  it('when the holder stops, the other takes over at once; when it dies, within the lease', async () => {
    handled = [];
    const a = startPoller('instance-a');
    await until(() => a.poller.holding(), 2000, 'a holds');
    const b = startPoller('instance-b');
    const first = pushTexts(2);
    await until(() => handled.length === 2, 5000, 'handled by a');
    await a.poller.stop();
    assert.equal((await row())!.holder, null, 'stopping gives the lease up');
    const second = pushTexts(2);
    const tookOverMs = await until(() => handled.length === 4, LEASE_MS + 2000, 'handled by b');
    assert.ok(tookOverMs < LEASE_MS, `took over ${tookOverMs} ms after a stopped`);
    assert.deepEqual(handled, [
      ...first.map((updateId) => ({ holder: 'instance-a', updateId })),
      ...second.map((updateId) => ({ holder: 'instance-b', updateId })),
    ]);

    // b "dies": its row says it holds the lease, and nothing renews it (as after kill -9).
    await b.poller.stop();
    await handles[0]!.db
      .updateTable('telegram_bot_pollers')
      .set({ holder: 'instance-b', lease_until: databaseNowPlus(handles[0]!, LEASE_MS) })
      .execute();
    const c = startPoller('instance-c');
    const third = pushTexts(1);
    await sleep(LEASE_MS / 2);
    assert.equal(polls(c), 0, 'c does not poll while the dead lease holds');
    const diedMs = await until(() => handled.length === 5, 2 * LEASE_MS, 'handled by c');
    assert.ok(diedMs < LEASE_MS, `took over ${diedMs + LEASE_MS / 2} ms after b's last renewal`);
    assert.deepEqual(handled.at(-1), { holder: 'instance-c', updateId: third[0] });
  });

  it('an update the handler fails on is tried again after a pause, and the offset stays before it', async () => {
    handled = [];
    const attempts: Array<{ updateId: number; at: number }> = [];
    let failuresLeft = 3;
    const [before, failing, after] = pushTexts(3) as [number, number, number];
    startPoller('instance-a', {
      handle: async (update) => {
        attempts.push({ updateId: update.update_id, at: Date.now() });
        if (update.update_id === failing && failuresLeft-- > 0) throw new Error('the database is away');
        handled.push({ holder: 'instance-a', updateId: update.update_id });
      },
    });
    await until(() => attempts.filter((a) => a.updateId === failing).length === 2, 5000, 'a second attempt');
    assert.equal(Number((await row())!.next_offset), failing, 'not past the update that failed');
    assert.deepEqual(handled, [{ holder: 'instance-a', updateId: before }]);
    await until(() => handled.length === 3, 10_000, 'all handled once it succeeds');
    assert.deepEqual(
      attempts.map((a) => a.updateId),
      [before, failing, failing, failing, failing, after],
    );
    // Not a spin: the pauses double from RETRY_MS.
    const tries = attempts.filter((a) => a.updateId === failing).map((a) => a.at);
    const gaps = tries.slice(1).map((at, i) => at - tries[i]!);
    assert.ok(gaps[0]! >= RETRY_MS && gaps[1]! >= 2 * RETRY_MS && gaps[2]! >= 4 * RETRY_MS, String(gaps));
    await offsetReaches(after + 1);
  });

  it('an update that fails every try is left after MAX_UPDATE_TRIES, and the updates behind it are handled', async () => {
    handled = [];
    const attempts: number[] = [];
    const [failing, after] = pushTexts(2) as [number, number];
    startPoller('instance-a', {
      handle: async (update) => {
        attempts.push(update.update_id);
        if (update.update_id === failing) throw new Error('this update can never be handled');
        handled.push({ holder: 'instance-a', updateId: update.update_id });
      },
    });
    await until(() => handled.length === 1, 20_000, 'the update behind the failing one handled');
    assert.deepEqual(handled, [{ holder: 'instance-a', updateId: after }]);
    assert.equal(attempts.filter((id) => id === failing).length, MAX_UPDATE_TRIES);
    await offsetReaches(after + 1);
  });

  it('the offset is kept: a new poller after a stop goes on without repeating an update', async () => {
    handled = [];
    const first = pushTexts(3);
    let stopped: Promise<void> | undefined;
    const a: Instance = startPoller('instance-a', {
      handle: async (update) => {
        handled.push({ holder: 'instance-a', updateId: update.update_id });
        // Stopped right after the last: no getUpdates tells Telegram they were handled; the database knows.
        if (update.update_id === first.at(-1)) stopped = a.poller.stop();
      },
    });
    await until(() => stopped !== undefined, 5000, 'first three');
    await stopped;
    assert.equal((await botApi([]).getWebhookInfo()).pending_update_count, 3, 'Telegram still holds the three handled');
    const second = pushTexts(2);
    startPoller('after-restart');
    await until(() => handled.length === 5, 5000, 'the two after the restart');
    await sleep(LEASE_MS);
    assert.deepEqual(
      handled.map((h) => h.updateId),
      [...first, ...second],
    );
  });

  it('a poller that lost its lease writes nothing more and stops polling; it polls again once it lapses', async () => {
    handled = [];
    const intruderLease = 3 * LEASE_MS;
    const taken = fake.push(textUpdate(sara, '/help'));
    let takeOver = true;
    const a = startPoller('instance-a', {
      handle: async (update) => {
        // Another instance takes the lease while this one handles the update (this one stalled).
        if (takeOver) {
          takeOver = false;
          await handles[0]!.db
            .updateTable('telegram_bot_pollers')
            .set({ holder: 'intruder', lease_until: databaseNowPlus(handles[0]!, intruderLease) })
            .execute();
        }
        handled.push({ holder: 'instance-a', updateId: update.update_id });
      },
    });
    await until(() => handled.length === 1, 5000, 'handled while losing the lease');
    const lostAt = Date.now();
    await until(() => !a.poller.holding(), 1000, 'a lets go');
    const pollsAfter = polls(a);
    const stored = await row();
    assert.equal(stored!.holder, 'intruder');
    assert.equal(Number(stored!.next_offset), 0, 'no offset written after the lease was lost');
    const later = fake.push(textUpdate(sara, '/help'));
    await sleep(intruderLease - (Date.now() - lostAt) - 300);
    assert.equal(polls(a), pollsAfter, 'no getUpdates while another holds the lease');
    assert.equal(handled.length, 1);
    // The intruder never renews: a takes over again and starts from the stored offset (the update again).
    await until(() => handled.length === 3, 2 * LEASE_MS + 2000, 'a polls again');
    assert.deepEqual(
      handled.map((h) => h.updateId),
      [taken, taken, later],
    );
  });

  it('stop ends the long poll at once and gives the lease up', async () => {
    handled = [];
    const a = startPoller('instance-a', { leaseMs: 20_000, pollTimeoutSeconds: 15 });
    await until(() => polls(a) >= 1, 2000, 'a long poll under way');
    await sleep(100);
    const started = Date.now();
    const outcome = await Promise.race([a.poller.stop().then(() => 'stopped'), sleep(2000, 'still polling')]);
    assert.equal(outcome, 'stopped');
    assert.ok(Date.now() - started < 500, `stop took ${Date.now() - started} ms`);
    assert.equal((await row())!.holder, null);
    assert.equal(a.poller.holding(), false);
  });
});
