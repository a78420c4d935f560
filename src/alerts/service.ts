import type { Kysely } from 'kysely';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import { newId } from '../db/ids.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors/app-error.ts';
import { MESSAGES } from '../errors/messages/index.ts';
import { maskPhone } from '../phone/parse.ts';
import { DEFAULT_LOCALE } from '../templates/locale.ts';
import { requestedLocales } from '../templates/preference.ts';
import { userAccounts } from '../users/accounts.ts';
import type { User } from '../users/repository.ts';
import { cancelAlert, stopProductAlerts } from './cancel.ts';
import type { MyListPosition } from './cursor.ts';
import { alertRows, type AlertFilter, type AlertWithName } from './repository.ts';
import type { Channel } from './schemas.ts';

/** What a subscription asks for; `variantId` '' for a product without variants. */
export interface AlertRequest {
  readonly productId: string;
  readonly variantId: string;
  readonly channels: readonly Channel[];
}

/** Who the admin API subscribes: exactly one of these. */
export type AlertHolder =
  | { readonly userId: string }
  | { readonly externalId: string }
  /** E.164; the number's user is created when there is none. */
  | { readonly phoneNumber: string };

/** A row that another writer cancelled between our insert and our read is read again, this often. */
const MAX_TRIES = 3;

/** At most this many alerts are listed (and buttoned) in the bot: Telegram allows 100 buttons a message. */
export const BOT_LIST_LIMIT = 50;

/**
 * The locale a new alert goes out in when the user has none stored: the best of Accept-Language that the
 * service writes messages in (fa, en), else the default of every template (fa), as a code message picks it
 * for a user without a preference.
 */
export function requestLocale(acceptLanguage: string | undefined): string {
  return (requestedLocales(acceptLanguage) ?? []).find((language) => language in MESSAGES) ?? DEFAULT_LOCALE;
}

/**
 * Back-in-stock subscriptions: subscribing (idempotent, safe under concurrency), listing and cancelling,
 * for the user API, the admin API and the bot.
 */
export function createAlerts(deps: {
  db: Kysely<Database>;
  /** Whether a Telegram bot is configured: without one no Telegram alert could be sent. */
  botConfigured: boolean;
  now: () => number;
}) {
  const { db, botConfigured, now } = deps;

  /** The first channel asked for that cannot reach the user, or null when all can. */
  async function unreachable(trx: Kysely<Database>, user: User, channels: readonly Channel[]): Promise<Channel | null> {
    for (const channel of channels) {
      if (channel === 'sms' && user.phone_number === null) return channel;
      if (channel === 'telegram') {
        if (!botConfigured) return channel;
        const reachable = await trx
          .selectFrom('telegram_users')
          .select('telegram_id')
          .where('user_id', '=', user.id)
          .where('chat_id', 'is not', null)
          .where('bot_blocked_at', 'is', null)
          .where('bot_stopped_at', 'is', null)
          .executeTakeFirst();
        if (!reachable) return channel;
      }
    }
    return null;
  }

  /**
   * The user's active alert for each channel, created where there is none. Every channel is checked before
   * anything is written, so a request is all or nothing. Idempotent: the same request again answers the same
   * alerts with `created` false.
   */
  async function subscribeUser(
    trx: Kysely<Database>,
    user: User,
    request: AlertRequest,
    fallbackLocale: string,
  ): Promise<{ alerts: AlertWithName[]; created: number }> {
    if (user.blocked_at !== null) throw new AppError('USER_BLOCKED');
    const refused = await unreachable(trx, user, request.channels);
    if (refused) {
      throw new AppError('ALERT_CHANNEL_UNAVAILABLE', `The ${refused} channel cannot reach this user`, {
        channel: refused,
      });
    }
    const to = {
      userId: user.id,
      productId: request.productId,
      variantId: request.variantId,
      locale: user.locale ?? fallbackLocale,
    };
    // Always in one order: two transactions inserting the same rows in opposite orders could each wait on a
    // row the other holds (a deadlock on PostgreSQL).
    const channels = [...request.channels].sort();
    let created = 0;
    for (let tries = 0; tries < MAX_TRIES; tries += 1) {
      created += await alertRows.insertActive(trx, to, channels, now());
      const alerts = await alertRows.activeFor(trx, to, channels);
      if (alerts.length === channels.length) return { alerts, created };
    }
    throw new Error('alerts: a subscription kept being cancelled while it was made; try again');
  }

  /** The user the admin API names; a phone number without one gets a new user (audited as the users API does). */
  async function holder(
    trx: Kysely<Database>,
    who: AlertHolder,
    actor: Actor,
    at: number,
  ): Promise<{ user: User; created: boolean }> {
    if ('userId' in who) {
      const user = await userAccounts.findById(trx, who.userId);
      if (!user) throw new AppError('NOT_FOUND', 'No user with this id');
      return { user, created: false };
    }
    if ('externalId' in who) {
      const user = await trx
        .selectFrom('users')
        .selectAll()
        .where('external_id', '=', who.externalId)
        .executeTakeFirst();
      if (!user) throw new AppError('NOT_FOUND', 'No user with this external_id');
      return { user, created: false };
    }
    const byPhone = () =>
      trx.selectFrom('users').selectAll().where('phone_number', '=', who.phoneNumber).executeTakeFirst();
    const found = await byPhone();
    if (found) return { user: found, created: false };
    // The unique index on the number decides between two requests for a new number at once.
    const inserted = await trx
      .insertInto('users')
      .values({
        id: newId(at),
        phone_number: who.phoneNumber,
        // Not verified here (the shop checked it, not us): the first sign-in with a code verifies it.
        phone_verified: 0,
        locale: null,
        created_at: at,
        updated_at: at,
        last_login_at: null,
        external_id: null,
        blocked_at: null,
      })
      .onConflict((oc) => oc.column('phone_number').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) {
      const summary = { phone_number: maskPhone(who.phoneNumber), external_id: null, locale: null };
      await recordAudit(trx, { actor, action: 'user.create', target: inserted.id, summary }, at);
      return { user: inserted, created: true };
    }
    const raced = await byPhone();
    if (!raced) throw new Error('alerts: the number changed hands while its user was created; try again');
    return { user: raced, created: false };
  }

  /** The account linked to a Telegram user, if any. */
  async function linkedUserId(telegramId: string): Promise<string | null> {
    const row = await db
      .selectFrom('telegram_users')
      .select('user_id')
      .where('telegram_id', '=', telegramId)
      .executeTakeFirst();
    return row?.user_id ?? null;
  }

  return {
    /** Subscribes the signed-in user; null when the user is gone. */
    async subscribe(userId: string, request: AlertRequest, fallbackLocale: string) {
      return db.transaction().execute(async (trx) => {
        const user = await userAccounts.findById(trx, userId);
        if (!user) return null;
        return subscribeUser(trx, user, request, fallbackLocale);
      });
    },

    listMine: (userId: string, after: MyListPosition | undefined, limit: number) =>
      alertRows.listMine(db, userId, after, limit),

    /**
     * Cancels one of the user's own alerts (reason `user`). Null when there is no such alert or it is
     * someone else's (the same answer, so ids of others' alerts cannot be probed). An alert already notified
     * or cancelled is answered as it is, with `cancelled` false.
     */
    async cancelMine(userId: string, id: string): Promise<{ alert: AlertWithName; cancelled: boolean } | null> {
      const found = await alertRows.find(db, id);
      if (!found || found.user_id !== userId) return null;
      const cancelled = await cancelAlert(db, id, 'user', now());
      return { alert: (await alertRows.find(db, id)) ?? found, cancelled };
    },

    /** Subscribes a user the shop names, creating the number's user when needed, with the audit record. */
    async subscribeFor(who: AlertHolder, request: AlertRequest, fallbackLocale: string, actor: Actor) {
      const at = now();
      return db.transaction().execute(async (trx) => {
        const { user, created: userCreated } = await holder(trx, who, actor, at);
        const subscribed = await subscribeUser(trx, user, request, fallbackLocale);
        if (subscribed.created > 0) {
          const summary = {
            product_id: request.productId,
            variant_id: request.variantId,
            channels: [...request.channels],
            created: subscribed.created,
          };
          await recordAudit(trx, { actor, action: 'alert.subscribe', target: user.id, summary }, at);
        }
        return { user, userCreated, ...subscribed };
      });
    },

    list: (filter: AlertFilter) => alertRows.list(db, filter),

    /** Cancels an alert for the shop (reason `admin`), audited; null when there is no such alert. */
    async cancelByAdmin(id: string, actor: Actor): Promise<{ alert: AlertWithName; cancelled: boolean } | null> {
      const at = now();
      return db.transaction().execute(async (trx) => {
        if (!(await alertRows.find(trx, id))) return null;
        const cancelled = await cancelAlert(trx, id, 'admin', at);
        await recordAudit(trx, { actor, action: 'alert.cancel', target: id, summary: { cancelled } }, at);
        return { alert: (await alertRows.find(trx, id))!, cancelled };
      });
    },

    productCounts: (productId: string) => alertRows.productCounts(db, productId),

    /** The active alerts of the account linked to this Telegram user; null when none is linked. */
    async activeForTelegram(telegramId: string): Promise<AlertWithName[] | null> {
      const userId = await linkedUserId(telegramId);
      return userId === null ? null : alertRows.activeOfUser(db, userId, BOT_LIST_LIMIT);
    },

    /**
     * A button pressed in the bot: `one` cancels that alert (the /alerts list), `product` stops every active
     * alert of the user for its product and variant (the button under an alert). Acts only on an alert of
     * the account linked to the Telegram user who pressed it: anything else (another's alert, an unknown id,
     * an unlinked Telegram user) is null and changes nothing. Pressing again finds nothing left to cancel and
     * answers the same.
     */
    async cancelFromTelegram(
      telegramId: string,
      alertId: string,
      scope: 'one' | 'product',
    ): Promise<{ alert: AlertWithName } | null> {
      const userId = await linkedUserId(telegramId);
      if (userId === null) return null;
      const alert = await alertRows.find(db, alertId);
      if (!alert || alert.user_id !== userId) return null;
      if (scope === 'one') await cancelAlert(db, alert.id, 'telegram_button', now());
      else await stopProductAlerts(db, alert, 'telegram_button', now());
      return { alert };
    },
  };
}

export type Alerts = ReturnType<typeof createAlerts>;
