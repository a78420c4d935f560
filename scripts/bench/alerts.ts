import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeBotApi, type BotApiCall } from '../../test/helpers/fake-telegram-bot-api.ts';
import { newLinkKey } from '../../src/alerts/link-token.ts';
import { loadConfig } from '../../src/config/index.ts';
import { newId } from '../../src/db/ids.ts';
import { createDatabase, type DatabaseHandle } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { GOALS } from './report.ts';
import { runCli, type ServerChild, type ServerMemory } from './server.ts';
import type { SmsSink } from './sink.ts';
import { BENCH_BOT_TOKEN } from './telegram.ts';

/** Subscribers written per transaction, and rows per INSERT (well under SQLite's 32,766 bound variables). */
const SEED_TRANSACTION = 10_000;
const SEED_STATEMENT = 500;
/** The run fails when neither the restock, the sink nor the Bot API has moved for this long. */
const STALL_MS = 60_000;
/** After the last expected message, how long to wait for any that arrives twice. */
const QUIET_MS = 2_000;
const POLL_MS = 50;
/** The restock row is read this often (a read of one row by its key, on the bench's own connection). */
const RESTOCK_POLL_MS = 250;
/** The subscribers' numbers: +98936 and seven digits, a range no other scenario uses. */
export const PHONE_PREFIX = '+98936';
/** Their Telegram ids and private chat ids, far above the ids the sign-in scenarios use (7,000,000,000 up). */
export const FIRST_CHAT_ID = 8_000_000_000;
/** Telegram's ceiling for a bot (ALERTS_TELEGRAM_PER_SECOND's maximum): the alert server runs at it. */
export const TELEGRAM_PER_SECOND = 30;
/** SMS_QUEUE_RATE_PER_SECOND of the alert server: as every bench server has it (server.ts). */
const SMS_QUEUE_RATE = '1000';

export interface AlertsSettings {
  /** Subscribers in all (BENCH_ALERTS). */
  readonly subscribers: number;
  /** Of them, on the telegram channel (BENCH_ALERTS_TELEGRAM); the rest by SMS. */
  readonly telegram: number;
  /** SMS_QUEUE_CONCURRENCY of the alert server (BENCH_ALERTS_SMS_CONCURRENCY; the server's default, 8). */
  readonly smsConcurrency: number;
}

export interface AlertsResult {
  readonly name: string;
  readonly subscribers: number;
  readonly sms: number;
  readonly telegram: number;
  readonly seedSeconds: number;
  /** From the stock report to the restock `done` (every subscription queued), on the server's clock. */
  readonly queuedSeconds: number | null;
  readonly notified: number;
  readonly status: string;
  /** SMS the sink took per second, from the stock report to the last one. */
  readonly smsPerSecond: number;
  readonly smsSeconds: number | null;
  readonly smsDelivered: number;
  readonly smsRepeated: number;
  readonly telegramPerSecond: number;
  readonly telegramSeconds: number | null;
  readonly telegramDelivered: number;
  readonly telegramRepeated: number;
  /** The most Telegram messages the Bot API took in any one second. */
  readonly telegramBusiestSecond: number;
  /** Server CPU per subscriber, from the report to the last message. */
  readonly cpuMsPerSubscriber: number | null;
  readonly memory: ServerMemory | null;
  /** The server's peak memory once it answered, before the report: what the fan-out added is the rest. */
  readonly memoryAtStart: ServerMemory | null;
  /** The SMS queue's settings on the alert server: what bounds the SMS rate. */
  readonly smsQueue: { readonly ratePerSecond: string; readonly concurrency: string };
  /** Subscribers without their one message, messages twice, a restock not done: each is a failure. */
  readonly failures: readonly string[];
}

/**
 * The restock fan-out: `settings.subscribers` users, each subscribed to one product (most by SMS, a few by
 * Telegram with a linked chat), written straight into the store before anything is measured; then a server
 * of its own (so that its peak memory is this scenario's) with its bot pointed at a local Bot API that counts
 * per chat, a stock report through the admin API (a key with alerts:write made by the CLI), and the wait
 * until every subscriber's message has arrived: at the SMS sink (every number once) and at the Bot API
 * (every chat once). Measures the time until every subscription is queued (the restock `done`), SMS and
 * Telegram messages per second to the last one, and the server's peak memory.
 */
export async function restockFanOut(
  context: { root: string; dataDir: string; sink: SmsSink },
  store: { databaseUrl: string; env: NodeJS.ProcessEnv },
  settings: AlertsSettings,
  start: (env: NodeJS.ProcessEnv) => Promise<ServerChild>,
): Promise<AlertsResult> {
  const { root, dataDir, sink } = context;
  const telegram = Math.min(settings.telegram, settings.subscribers);
  const smsCount = settings.subscribers - telegram;
  const productId = `bench-restock-${randomBytes(4).toString('hex')}`;
  const database = createDatabase(loadConfig({ DATABASE_URL: store.databaseUrl }).database);
  const botApi = await startFakeBotApi({ token: BENCH_BOT_TOKEN });
  const recipients = sink.countRecipients(PHONE_PREFIX);
  let server: ServerChild | undefined;
  try {
    const seedStarted = performance.now();
    await migrateToLatest(database);
    await seed(database, productId, smsCount, telegram);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const apiKey = createAlertsKey(root, dataDir, store);

    // The rate is every bench server's (server.ts): far above what the worker reaches, so it is not the bound.
    const smsQueue = { ratePerSecond: SMS_QUEUE_RATE, concurrency: String(settings.smsConcurrency) };
    server = await start({
      TELEGRAM_API_ROOT: botApi.apiRoot,
      TELEGRAM_UPDATES: 'off',
      ALERTS_TELEGRAM_PER_SECOND: String(TELEGRAM_PER_SECOND),
      SMS_QUEUE_RATE_PER_SECOND: smsQueue.ratePerSecond,
      SMS_QUEUE_CONCURRENCY: smsQueue.concurrency,
    });
    const memoryAtStart = server.memory();
    const chats = () => chatCounts(botApi.calls, telegram);

    const cpuBefore = server.cpuSeconds();
    const startedAt = performance.now();
    const startedWall = Date.now();
    const restockId = await reportStock(server.baseUrl, apiKey, productId);

    let restock = { status: 'fanning', notified: 0, finishedAt: null as number | null };
    let lastRestockRead = 0;
    let progress = '';
    let movedAt = performance.now();
    for (;;) {
      const now = performance.now();
      if (now - lastRestockRead >= RESTOCK_POLL_MS) {
        restock = await readRestock(database, restockId);
        lastRestockRead = now;
      }
      const seen = chats();
      const state = `${restock.notified}/${recipients.distinct()}/${seen.delivered}`;
      if (state !== progress) [progress, movedAt] = [state, now];
      const arrived = recipients.distinct() >= smsCount && seen.distinct >= telegram;
      if (restock.status === 'done' && arrived) break;
      if (now - movedAt > STALL_MS) break;
      await sleep(POLL_MS);
    }
    const cpuAfter = server.cpuSeconds();
    // Whatever arrives twice comes after the first: the counts are taken once nothing more has come for a while.
    await sleep(QUIET_MS);
    const seen = chats();
    const lastSms = recipients.lastAt();
    const lastTelegram = seen.lastAt;
    const smsSeconds = lastSms === null ? null : (lastSms - startedAt) / 1000;
    const telegramSeconds = lastTelegram === null ? null : (lastTelegram - startedWall) / 1000;
    const memory = server.memory();

    const failures: string[] = [];
    if (restock.status !== 'done' || restock.notified !== settings.subscribers)
      failures.push(`the restock is ${restock.status} with ${restock.notified} of ${settings.subscribers} queued`);
    if (recipients.distinct() !== smsCount)
      failures.push(`${smsCount - recipients.distinct()} of ${smsCount} SMS subscribers got no message`);
    if (recipients.repeated() > 0) failures.push(`${recipients.repeated()} SMS arrived a second time`);
    if (seen.distinct !== telegram)
      failures.push(`${telegram - seen.distinct} of ${telegram} Telegram subscribers got no message`);
    if (seen.repeated > 0) failures.push(`${seen.repeated} Telegram messages arrived a second time`);
    if (seen.strangers > 0) failures.push(`${seen.strangers} Telegram messages went to chats nobody subscribed from`);

    return {
      name: `i. restock fan-out to ${settings.subscribers.toLocaleString('en-US')} subscribers (${telegram} by Telegram)`,
      subscribers: settings.subscribers,
      sms: smsCount,
      telegram,
      seedSeconds,
      queuedSeconds: restock.finishedAt === null ? null : (restock.finishedAt - startedWall) / 1000,
      notified: restock.notified,
      status: restock.status,
      smsPerSecond: smsSeconds === null ? 0 : recipients.distinct() / smsSeconds,
      smsSeconds,
      smsDelivered: recipients.distinct(),
      smsRepeated: recipients.repeated(),
      telegramPerSecond: telegramSeconds === null ? 0 : seen.distinct / telegramSeconds,
      telegramSeconds,
      telegramDelivered: seen.distinct,
      telegramRepeated: seen.repeated,
      telegramBusiestSecond: seen.busiestSecond,
      cpuMsPerSubscriber:
        cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / settings.subscribers,
      memory,
      memoryAtStart,
      smsQueue,
      failures,
    };
  } finally {
    recipients.stop();
    await server?.stop();
    await botApi.close();
    await database.close();
  }
}

/**
 * The subscribers, in transactions of SEED_TRANSACTION and INSERTs of SEED_STATEMENT rows: users (SMS
 * subscribers with a number, Telegram subscribers with none, so that nothing of theirs can reach the sink),
 * a linked `telegram_users` row with a chat of its own for each Telegram subscriber, and one active
 * `stock_alerts` row each, made a minute before the report (a restock notifies subscriptions made before it).
 */
async function seed(database: DatabaseHandle, productId: string, sms: number, telegram: number): Promise<void> {
  const createdAt = Date.now() - 60_000;
  const total = sms + telegram;
  for (let from = 0; from < total; from += SEED_TRANSACTION) {
    const to = Math.min(total, from + SEED_TRANSACTION);
    await database.db.transaction().execute(async (trx) => {
      for (let first = from; first < to; first += SEED_STATEMENT) {
        const users = [];
        const linked = [];
        const alerts = [];
        for (let i = first; i < Math.min(to, first + SEED_STATEMENT); i += 1) {
          const userId = newId(createdAt);
          const byTelegram = i >= sms;
          users.push({
            id: userId,
            phone_number: byTelegram ? null : phoneOf(i),
            phone_verified: byTelegram ? 0 : 1,
            locale: 'fa',
            created_at: createdAt,
            updated_at: createdAt,
            last_login_at: null,
            external_id: null,
            blocked_at: null,
          });
          if (byTelegram) {
            const id = String(FIRST_CHAT_ID + (i - sms));
            linked.push({
              telegram_id: id,
              user_id: userId,
              username: null,
              first_name: 'Bench',
              last_name: null,
              photo_url: null,
              language_code: 'fa',
              chat_id: id,
              first_sign_in_at: createdAt,
              last_sign_in_at: createdAt,
              bot_blocked_at: null,
              bot_stopped_at: null,
              created_at: createdAt,
              updated_at: createdAt,
            });
          }
          alerts.push({
            id: newId(createdAt),
            user_id: userId,
            product_id: productId,
            variant_id: '',
            channel: byTelegram ? 'telegram' : 'sms',
            locale: 'fa',
            status: 'active',
            link_key: newLinkKey(),
            created_at: createdAt,
            notified_at: null,
            restock_id: null,
            message_id: null,
            clicked_at: null,
            cancelled_at: null,
            cancel_reason: null,
          });
        }
        await trx.insertInto('users').values(users).execute();
        if (linked.length > 0) await trx.insertInto('telegram_users').values(linked).execute();
        await trx.insertInto('stock_alerts').values(alerts).execute();
      }
    });
  }
}

const phoneOf = (i: number) => `${PHONE_PREFIX}${String(i).padStart(7, '0')}`;

/** An admin key with `alerts:write`, made by the real CLI on the store, as an operator would. */
function createAlertsKey(root: string, dataDir: string, store: { databaseUrl: string }): string {
  const output = runCli(root, dataDir, { DATABASE_URL: store.databaseUrl }, [
    'keys',
    'create',
    '--name',
    'bench-alerts',
    '--scopes',
    'alerts:write',
  ]);
  return output.trim().split('\n').at(-1)!;
}

/** The shop reports the product back in stock; resolves the restock the report started. */
async function reportStock(baseUrl: string, apiKey: string, productId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/admin/products/${productId}/stock`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ quantity: 5, name: 'Bench product', url: 'https://shop.bench.invalid/p/1' }),
  });
  const body = (await response.json()) as { restock?: { id: string } | null };
  if (response.status !== 200 || !body.restock)
    throw new Error(`the stock report answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.restock.id;
}

async function readRestock(database: DatabaseHandle, id: string) {
  const row = await database.db
    .selectFrom('restocks')
    .select(['status', 'notified', 'finished_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    status: row.status,
    notified: Number(row.notified),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}

/**
 * The sendMessage calls the Bot API took, per chat (its `calls` hold each with the time it came, on this
 * process's clock): the subscribers' chats, messages to any other chat, and when the last one came.
 */
export function chatCounts(calls: readonly BotApiCall[], chats: number) {
  const perChat = new Map<string, number>();
  const times: number[] = [];
  let strangers = 0;
  let lastAt: number | null = null;
  for (const call of calls) {
    if (call.method.toLowerCase() !== 'sendmessage') continue;
    times.push(call.at);
    lastAt = call.at;
    const chatId = String(call.params.chat_id);
    const chat = Number(chatId);
    if (!(chat >= FIRST_CHAT_ID && chat < FIRST_CHAT_ID + chats)) strangers += 1;
    else perChat.set(chatId, (perChat.get(chatId) ?? 0) + 1);
  }
  let repeated = 0;
  for (const count of perChat.values()) repeated += count - 1;
  return {
    distinct: perChat.size,
    repeated,
    strangers,
    delivered: times.length,
    lastAt,
    busiestSecond: busiest(times),
  };
}

/** The most arrivals in any one second (times in ms, in order): Telegram allows a bot about 30. */
function busiest(times: readonly number[]): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < times.length; to += 1) {
    while (times[to]! - times[from]! >= 1000) from += 1;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/** Every SMS subscriber's number at the sink once, every Telegram subscriber's chat at the Bot API once. */
const exactlyOnce = (r: AlertsResult) =>
  r.smsDelivered === r.sms && r.smsRepeated === 0 && r.telegramDelivered === r.telegram && r.telegramRepeated === 0;

const seconds = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(1)} s`);
const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;

/** What the scenario measured, in lines like the other scenarios', then its two goals with PASS or FAIL. */
export function alertsReport(r: AlertsResult): string {
  const cpu = r.cpuMsPerSubscriber === null ? 'n/a' : `${r.cpuMsPerSubscriber.toFixed(2)} ms`;
  const memoryPass = r.memory ? r.memory.peakKiB / 1024 < GOALS.peakMemoryMiB : null;
  const once = exactlyOnce(r);
  const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL');
  return [
    `${r.name}:`,
    `  seeded in ${seconds(r.seedSeconds)}; one stock report through PUT /api/v1/admin/products/:id/stock, then:`,
    `  every subscription queued (restock ${r.status}, ${r.notified} notified) after ${seconds(r.queuedSeconds)}`,
    `  SMS: ${r.smsDelivered} of ${r.sms} numbers at the sink, ${r.smsRepeated} twice; ` +
      `${Math.round(r.smsPerSecond)} delivered/s, the last after ${seconds(r.smsSeconds)} ` +
      `(SMS_QUEUE_RATE_PER_SECOND ${r.smsQueue.ratePerSecond}, SMS_QUEUE_CONCURRENCY ${r.smsQueue.concurrency}, the sink unlimited)`,
    `  Telegram: ${r.telegramDelivered} of ${r.telegram} chats at the Bot API, ${r.telegramRepeated} twice; ` +
      `${r.telegramPerSecond.toFixed(1)} sent/s, the last after ${seconds(r.telegramSeconds)}, ` +
      `at most ${r.telegramBusiestSecond} in one second (ALERTS_TELEGRAM_PER_SECOND ${TELEGRAM_PER_SECOND}); ` +
      `each is sent once the fan-out has queued it, so the fan-out sets this pace when it is slower`,
    `  server CPU per subscriber ${cpu}`,
    `  goal: server peak memory < ${GOALS.peakMemoryMiB} MiB: ` +
      `${r.memory ? `${mib(r.memory.peakKiB)} (RSS now ${mib(r.memory.rssKiB)})` : 'unknown (no /proc)'} ${verdict(memoryPass)}` +
      (r.memoryAtStart ? ` (peak before the report ${mib(r.memoryAtStart.peakKiB)})` : ''),
    `  goal: every subscriber exactly one message: ${verdict(once)}`,
  ].join('\n');
}

/** The scenario's goals that failed (memory, exactly once), for the bench's count of goals not met. */
export function alertsGoalsFailed(r: AlertsResult): number {
  const memory = r.memory !== null && r.memory.peakKiB / 1024 >= GOALS.peakMemoryMiB ? 1 : 0;
  const once = exactlyOnce(r);
  return memory + (once ? 0 : 1);
}
