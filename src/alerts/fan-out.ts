import { sql, type Kysely } from 'kysely';
import { skippingLocked } from '../db/claim.ts';
import { databaseNow, databaseNowPlus } from '../db/clock.ts';
import { newId } from '../db/ids.ts';
import type { DatabaseHandle } from '../db/index.ts';
import type { Database, RestocksTable } from '../db/types.ts';
import type { EventRecorder } from '../events/recorder.ts';
import { queuedRow } from '../sms/queue/repository.ts';
import { createLeaseLoop, type LoopLog } from '../sms/queue/lease-loop.ts';
import type { RenderedMessage, TemplateRenderer } from '../templates/types.ts';
import { cancelAlert, type CancelReason } from './cancel.ts';
import { alertLinks } from './link-token.ts';
import { quietUntil, type QuietHours } from './quiet-hours.ts';

/** Subscriptions handled per transaction: small enough to keep each one short, large enough to be few. */
export const FAN_OUT_BATCH = 500;
/**
 * How long a claim on a restock holds without a batch renewing it. A batch takes well under a second; after
 * a crash another instance (or the restart) resumes once this has passed.
 */
export const FAN_OUT_LEASE_MS = 15_000;

export interface FanOutOptions {
  readonly database: DatabaseHandle;
  readonly renderer: TemplateRenderer;
  readonly events: EventRecorder;
  readonly now: () => number;
  readonly log: LoopLog;
  /** PUBLIC_URL and the alert link key (keys.alertLink): the links in every message. */
  readonly links: { readonly issuer: string; readonly secret: Buffer };
  readonly quietHours: QuietHours | null;
  readonly timeZone: string;
  /** The provider queued SMS name until one carries them, and which numbers are SMS_TEST_NUMBERS. */
  readonly sms: { readonly provider: string; isTestNumber(to: string): boolean };
  /** Whether a Telegram bot is configured: without one no Telegram alert can be sent. */
  readonly telegramBot: boolean;
  /** Tells this instance's SMS worker that messages are waiting. */
  wakeSms(): void;
  readonly batchSize?: number;
  readonly leaseMs?: number;
  readonly pollIntervalMs?: number;
}

type Restock = Pick<RestocksTable, 'id' | 'product_id' | 'variant_id' | 'name' | 'created_at'>;

/** A restock this instance holds: `leaseUntil` fences every write (as for queued SMS). */
interface HeldRestock extends Restock {
  leaseUntil: number;
}

/** An active subscription of the product, with where its message would go. */
interface Candidate {
  readonly id: string;
  readonly user_id: string;
  readonly channel: string;
  readonly locale: string;
  readonly link_key: string;
  readonly phone_number: string | null;
  /** When the shop blocked the user: they hear nothing. */
  readonly blocked_at: number | null;
  readonly chat_id: string | null;
  readonly bot_blocked_at: number | null;
  readonly bot_stopped_at: number | null;
}

/** What a batch does with one subscription, decided before its transaction (rendering reads no database then). */
type Plan =
  | { readonly alert: Candidate; readonly cancel: CancelReason }
  | { readonly alert: Candidate; readonly sms: RenderedMessage; readonly to: string }
  | { readonly alert: Candidate; readonly telegram: { text: string; replyMarkup: string }; readonly chatId: string };

/**
 * The fan-out of restocks: claims a `fanning` restock whose lease has lapsed (on the database's clock), and
 * queues its subscriptions' messages in batches, each batch one transaction that also renews the lease. A
 * subscription leaves `active` in the transaction that queues its message, and only if it was still active
 * then, so however many times a batch is retried (a crash, a lapsed lease, two restocks of one product at
 * once) each subscription gets one message. A crash leaves the restock `fanning`; once its lease lapses the
 * next claim resumes where the last committed batch stopped.
 */
export function createFanOut(options: FanOutOptions) {
  const { database, renderer, events, now, log } = options;
  const { db } = database;
  const batchSize = options.batchSize ?? FAN_OUT_BATCH;
  const leaseMs = options.leaseMs ?? FAN_OUT_LEASE_MS;
  let stopping = false;

  /** Takes up to `room` restocks that nobody holds, oldest first, under a new lease. */
  async function claim(room: number): Promise<HeldRestock[]> {
    const due = skippingLocked(
      database,
      db
        .selectFrom('restocks')
        .select('id')
        .where('status', '=', 'fanning')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', databaseNow(database))]))
        .orderBy('created_at')
        .limit(room),
    );
    const rows = await db
      .updateTable('restocks')
      .set({ lease_until: databaseNowPlus(database, leaseMs) })
      .where('id', 'in', due)
      .returning(['id', 'product_id', 'variant_id', 'name', 'created_at', 'lease_until'])
      .execute();
    return rows.map((row) => ({ ...row, created_at: Number(row.created_at), leaseUntil: Number(row.lease_until) }));
  }

  /** Ends the fan-out (`done`), if the lease is still ours. */
  async function finish(restock: HeldRestock): Promise<void> {
    await db
      .updateTable('restocks')
      .set({ status: 'done', finished_at: now(), lease_until: null })
      .where('id', '=', restock.id)
      .where('status', '=', 'fanning')
      .where('lease_until', '=', restock.leaseUntil)
      .execute();
  }

  /** Gives the restock back at once (this instance is stopping): another instance need not wait out the lease. */
  async function release(restock: HeldRestock): Promise<void> {
    await db
      .updateTable('restocks')
      .set({ lease_until: null })
      .where('id', '=', restock.id)
      .where('status', '=', 'fanning')
      .where('lease_until', '=', restock.leaseUntil)
      .execute();
  }

  async function inStock(restock: Restock): Promise<boolean> {
    const row = await db
      .selectFrom('product_stock')
      .select('quantity')
      .where('product_id', '=', restock.product_id)
      .where('variant_id', '=', restock.variant_id)
      .executeTakeFirst();
    return row !== undefined && Number(row.quantity) > 0;
  }

  /** The next subscriptions in line: active, made no later than the restock, oldest first. */
  function candidates(restock: Restock, limit: number): Promise<Candidate[]> {
    return db
      .selectFrom('stock_alerts')
      .innerJoin('users', 'users.id', 'stock_alerts.user_id')
      .leftJoin('telegram_users', 'telegram_users.user_id', 'stock_alerts.user_id')
      .select([
        'stock_alerts.id',
        'stock_alerts.user_id',
        'stock_alerts.channel',
        'stock_alerts.locale',
        'stock_alerts.link_key',
        'users.phone_number',
        'users.blocked_at',
        'telegram_users.chat_id',
        'telegram_users.bot_blocked_at',
        'telegram_users.bot_stopped_at',
      ])
      .where('stock_alerts.product_id', '=', restock.product_id)
      .where('stock_alerts.variant_id', '=', restock.variant_id)
      .where('stock_alerts.status', '=', 'active')
      .where('stock_alerts.created_at', '<=', restock.created_at)
      .orderBy('stock_alerts.created_at')
      .orderBy('stock_alerts.id')
      .limit(limit)
      .execute() as Promise<Candidate[]>;
  }

  async function plan(restock: Restock, alert: Candidate): Promise<Plan> {
    // A name stored before names were checked may be blank: the product's id then, as with no name.
    const product = restock.name?.trim() || restock.product_id;
    const links = alertLinks(options.links.issuer, options.links.secret, alert.link_key);
    if (alert.blocked_at !== null) return { alert, cancel: 'user_blocked' };
    if (alert.channel === 'telegram') {
      const reachable =
        options.telegramBot && alert.chat_id !== null && alert.bot_blocked_at === null && alert.bot_stopped_at === null;
      if (!reachable) return { alert, cancel: 'bot_blocked' };
      const text = await renderer.render('telegram_bot_stock_alert', alert.locale, { product, link: links.click });
      const stop = await renderer.render('telegram_bot_stock_alert_stop_button', alert.locale, {});
      const replyMarkup = JSON.stringify({
        inline_keyboard: [[{ text: stop.text, callback_data: `alert:stop:${alert.id}` }]],
      });
      return { alert, telegram: { text: text.text, replyMarkup }, chatId: alert.chat_id! };
    }
    if (alert.phone_number === null) return { alert, cancel: 'no_phone' };
    const sms = await renderer.render('stock_alert', alert.locale, { product, link: links.click, stop: links.stop });
    return { alert, sms, to: alert.phone_number };
  }

  /**
   * Queues one plan's message and marks its alert notified, in `trx`; false when the alert is no longer
   * active (another fan-out or a cancel got to it first), and then nothing is written.
   */
  async function queue(trx: Kysely<Database>, restock: Restock, step: Plan, at: number, smsDue: number | null) {
    const { alert } = step;
    if ('cancel' in step) {
      await cancelAlert(trx, alert.id, step.cancel, at);
      return null;
    }
    const messageId = newId();
    const claimed = await trx
      .updateTable('stock_alerts')
      .set({ status: 'notified', notified_at: at, restock_id: restock.id, message_id: messageId })
      .where('id', '=', alert.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return null;
    if ('sms' in step) {
      const testNumber = options.sms.isTestNumber(step.to);
      const message = {
        phoneNumber: step.to,
        template: step.sms.template,
        locale: step.sms.locale,
        provider: options.sms.provider,
        text: step.sms.text,
        payload: { text: step.sms.text, params: step.sms.params, approvedBy: step.sms.approvedBy },
        testNumber,
        apiKeyId: null,
        idempotencyKey: null,
        requestHash: null,
      };
      const due = smsDue === null ? databaseNow(database) : sql<number>`${smsDue}`;
      await trx
        .insertInto('sms_logs')
        .values(queuedRow(message, messageId, at, due))
        .execute();
      if (testNumber) {
        const data = { log_id: messageId, status: 'sent', provider: 'test', template: 'stock_alert', error_code: null };
        await events.record(trx, 'sms.status_changed', data as never);
      }
    } else {
      await trx
        .insertInto('telegram_messages')
        .values({
          id: messageId,
          chat_id: step.chatId,
          text: step.telegram.text,
          reply_markup: step.telegram.replyMarkup,
          alert_id: alert.id,
          status: 'queued',
          tries: 0,
          next_attempt_at: databaseNow(database),
          lease_until: null,
          telegram_message_id: null,
          error: null,
          created_at: at,
          sent_at: null,
        })
        .execute();
    }
    await events.record(trx, 'alert.notified', {
      alert_id: alert.id,
      user_id: alert.user_id,
      product_id: restock.product_id,
      variant_id: restock.variant_id === '' ? null : restock.variant_id,
      channel: 'sms' in step ? 'sms' : 'telegram',
      restock_id: restock.id,
      message_id: messageId,
    });
    return 'sms' in step ? 'sms' : 'telegram';
  }

  /**
   * One batch: renews the lease (fenced on the one held), then queues what the limit leaves room for.
   * Returns what happened: `lost` when the lease was no longer ours (nothing was written), `full` when the
   * limit is reached, else how many subscriptions it looked at and whether SMS were queued.
   */
  async function batch(restock: HeldRestock, plans: readonly Plan[]) {
    const at = now();
    const smsDue = quietUntil(at, options.quietHours, options.timeZone);
    return db.transaction().execute(async (trx) => {
      const renewed = await trx
        .updateTable('restocks')
        .set({ lease_until: databaseNowPlus(database, leaseMs) })
        .where('id', '=', restock.id)
        .where('status', '=', 'fanning')
        .where('lease_until', '=', restock.leaseUntil)
        .returning(['lease_until', 'notified', 'notify_limit'])
        .executeTakeFirst();
      if (!renewed) return { lost: true as const };
      const leaseUntil = Number(renewed.lease_until);
      let left = renewed.notify_limit === null ? Infinity : Number(renewed.notify_limit) - Number(renewed.notified);
      let notified = 0;
      let smsQueued = false;
      for (const step of plans) {
        if (left <= 0) break;
        const channel = await queue(trx, restock, step, at, smsDue);
        if (channel === null) continue;
        notified += 1;
        left -= 1;
        if (channel === 'sms') smsQueued = true;
      }
      if (notified > 0) {
        await trx
          .updateTable('restocks')
          .set((eb) => ({ notified: eb('notified', '+', notified) }))
          .where('id', '=', restock.id)
          .execute();
      }
      return { lost: false as const, leaseUntil, full: left <= 0, smsQueued };
    });
  }

  /** Fans one restock out to the end, or until the lease is lost or this instance stops. */
  async function fanOut(restock: HeldRestock): Promise<void> {
    for (;;) {
      if (stopping) return release(restock);
      if (!(await inStock(restock))) return finish(restock);
      // Room is checked again in the batch's transaction; reading more than the limit leaves is harmless.
      const next = await candidates(restock, batchSize);
      if (next.length === 0) return finish(restock);
      const plans = await Promise.all(next.map((alert) => plan(restock, alert)));
      const done = await batch(restock, plans);
      if (done.lost) {
        log.warn({ restockId: restock.id }, 'restock fan-out lost its lease; another instance carries on');
        return;
      }
      restock.leaseUntil = done.leaseUntil;
      if (done.smsQueued) options.wakeSms();
      if (done.full) return finish(restock);
    }
  }

  const loop = createLeaseLoop<HeldRestock>({
    claim,
    // A lapsed lease is claimed as it stands: nothing to put back.
    releaseLapsed: async () => 0,
    deliver: fanOut,
    concurrency: 2,
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    name: 'restock fan-out',
    describe: (restock) => ({ restockId: restock.id }),
    log,
  });

  return {
    start(): void {
      stopping = false;
      loop.start();
    },
    /** A restock was written here: look now. */
    wake: loop.wake,
    async stop(graceMs: number): Promise<void> {
      stopping = true;
      await loop.stop(graceMs);
    },
    /** Fans out every restock that is due, to the end (tests drive the fan-out through this). */
    async runOnce(): Promise<number> {
      let total = 0;
      for (;;) {
        const ran = await loop.runOnce();
        total += ran;
        if (ran === 0) return total;
      }
    },
  };
}

export type FanOut = ReturnType<typeof createFanOut>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The restocks' fan-out of this app (decorated in app.ts); `serve` starts and stops it. */
    readonly alertFanOut: FanOut;
  }
}
