import { Api, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { TelegramBotConfig } from '../../config/telegram.ts';
import type { RateLimiter, RateRule } from '../../rate-limit/limiter.ts';
import { createPacer } from '../../sms/pacer.ts';
import { backoffDelayMs, type Backoff } from '../../sms/queue/backoff.ts';
import { createLeaseLoop } from '../../sms/queue/lease-loop.ts';
import { BOT_CALL_TIMEOUT_SECONDS, botClientOptions } from '../../telegram/bot/api.ts';
import type { BotReach } from '../../telegram/bot/reach.ts';
import type { ClaimedTelegramMessage, TelegramQueueRepository } from './repository.ts';

/** The slice of a pino logger this needs. */
export interface TelegramQueueLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Tries before a message that meets only network errors or 5xx answers is `failed`. With TELEGRAM_QUEUE_BACKOFF
 * the last try comes at most about five minutes after the first: a Telegram outage longer than that fails
 * the message (its alert stays `notified`, the row keeps the last error).
 */
export const TELEGRAM_QUEUE_MAX_TRIES = 6;

/** 10 s, 20 s, 40 s, ... with full jitter (sms/queue/backoff.ts), at most 10 minutes. */
export const TELEGRAM_QUEUE_BACKOFF: Backoff = { baseMs: 10_000, maxMs: 10 * 60_000 };

/** Messages in flight at once on one instance; the rate limits, not this, set the pace. */
export const TELEGRAM_QUEUE_CONCURRENCY = 8;

/** How long a claimed row is held: one Bot API call's timeout, the rate limiter's round trip, and room to write. */
export const TELEGRAM_QUEUE_LEASE_MS = BOT_CALL_TIMEOUT_SECONDS * 1000 + 10_000;

/** Telegram's own limit for one chat: a message a second. Every instance counts it in the shared limiter. */
export const PER_CHAT_RULE: RateRule = { name: 'telegram-alert-chat', points: 1, durationSeconds: 1 };

/**
 * When the shared per-second budget is spent, claiming waits this long (plus up to as much again at random,
 * so instances do not come back together): the limiter's windows are a second long, so a wait of a whole
 * `retry after` second would leave much of the next one unused.
 */
const GLOBAL_REFUSED_WAIT_MS = 200;

/** A claimed message waits at most this long for its turn in this instance's spacing, else goes back to the queue. */
const SPACING_MAX_WAIT_MS = 2000;

export interface TelegramQueueWorkerOptions {
  readonly queue: TelegramQueueRepository;
  readonly bot: Pick<TelegramBotConfig, 'token' | 'apiRoot'>;
  /** Who the bot may still write to; a 403 is recorded here (telegram_users.bot_blocked_at). */
  readonly reach: Pick<BotReach, 'find' | 'blocked'>;
  readonly limiter: Pick<RateLimiter, 'consumeAll'>;
  /** ALERTS_TELEGRAM_PER_SECOND: messages a second, every chat and every instance together. */
  readonly perSecond: number;
  readonly log: TelegramQueueLog;
  /** How often an idle worker looks for due rows (as the SMS queue: every look is a claim, a write). @default 1000 */
  readonly pollIntervalMs?: number;
}

/**
 * Sends the queued Telegram messages (back-in-stock alerts). Its own Bot API client, without grammY's
 * auto-retry: a 429 must pause this worker for every chat rather than hold one call, and a 5xx is retried
 * through the queue with backoff, where a restart does not lose count.
 *
 * Per message: a turn in this instance's spacing (1 / ALERTS_TELEGRAM_PER_SECOND apart); then the shared
 * limiter takes one point of the global rule (ALERTS_TELEGRAM_PER_SECOND, key `all`) and one of the chat's
 * (one a second), both or neither. Then sendMessage, and the outcome:
 * - sent: `sent`, `sent_at`, `telegram_message_id`;
 * - 403 (blocked, deactivated, kicked) or the user already blocked / stopped the bot: `blocked`, the user
 *   marked unreachable, the alert cancelled `bot_blocked`;
 * - 429: back to the queue after `retry_after` without using a try, and this worker claims nothing until then;
 * - a network error or a 5xx: tried again after a backoff, `failed` after TELEGRAM_QUEUE_MAX_TRIES tries;
 * - another 4xx (chat not found, a bad markup): `failed` at once, since trying again gives the same answer.
 */
export function createTelegramQueueWorker(options: TelegramQueueWorkerOptions) {
  const { queue, reach, limiter, log } = options;
  const api = new Api(options.bot.token, botClientOptions(options.bot));
  const globalRule: RateRule = { name: 'telegram-alert-send', points: options.perSecond, durationSeconds: 1 };
  // The shared limiter counts whole-second windows, which let the last of one window and the first of the
  // next go out together: up to twice the rate in a second. Spacing this instance's sends 1 / rate apart
  // keeps one instance at the rate in every second; instances together are held to it by the limiter.
  const spacing = createPacer(options.perSecond);
  /** Until when (this instance's clock) claiming waits: a 429's retry_after, or a spent second. */
  let pausedUntil = 0;
  const pause = (ms: number) => {
    pausedUntil = Math.max(pausedUntil, Date.now() + ms);
  };

  async function deliver(row: ClaimedTelegramMessage): Promise<void> {
    if (row.tries > TELEGRAM_QUEUE_MAX_TRIES) {
      // Its last try was cut short (a worker died holding it), so no answer of Telegram ended it.
      await queue.markFailed(row, `no try of ${TELEGRAM_QUEUE_MAX_TRIES} finished`);
      return;
    }
    // A message claimed before a pause began waits it out too, without a try and without a call.
    const waiting = pausedUntil - Date.now();
    if (waiting > 0) {
      await queue.retryLater(row, { retryInMs: waiting, countTry: false, error: null });
      return;
    }
    const linked = await reach.find({ chatId: row.chatId });
    if (linked && (linked.bot_blocked_at !== null || linked.bot_stopped_at !== null)) {
      await queue.markBlocked(row, 'the user blocked or stopped the bot');
      return;
    }
    if (!(await spacing.take(SPACING_MAX_WAIT_MS))) {
      await queue.retryLater(row, { retryInMs: spacing.waitMs(), countTry: false, error: null });
      return;
    }
    const decision = await limiter.consumeAll([
      [globalRule, 'all'],
      [PER_CHAT_RULE, row.chatId],
    ]);
    if (!decision.allowed) {
      const global = decision.rule.name === globalRule.name;
      const wait = global
        ? GLOBAL_REFUSED_WAIT_MS + Math.floor(Math.random() * GLOBAL_REFUSED_WAIT_MS)
        : decision.retryAfterSeconds * 1000;
      if (global) pause(wait);
      await queue.retryLater(row, { retryInMs: wait, countTry: false, error: null });
      return;
    }
    const markup = replyMarkupOf(row);
    if (markup === false) {
      await queue.markFailed(row, 'reply_markup is not JSON');
      return;
    }
    try {
      const message = await api.sendMessage(row.chatId, row.text, markup ? { reply_markup: markup } : {});
      if (!(await queue.markSent(row, String(message.message_id)))) {
        log.warn({ telegramMessageId: row.id }, 'a Telegram alert was sent after its lease lapsed');
      }
    } catch (error) {
      await failedTry(row, error);
    }
  }

  async function failedTry(row: ClaimedTelegramMessage, error: unknown): Promise<void> {
    const reason = describe(error);
    if (error instanceof GrammyError && error.error_code === 429) {
      const seconds = error.parameters.retry_after ?? 1;
      pause(seconds * 1000);
      await queue.retryLater(row, { retryInMs: seconds * 1000, countTry: false, error: reason });
      log.warn({ retryAfterSeconds: seconds }, 'Telegram asked the alert queue to slow down; it pauses');
      return;
    }
    if (error instanceof GrammyError && error.error_code === 403) {
      const linked = await reach.find({ chatId: row.chatId });
      if (linked) await reach.blocked(linked.telegram_id);
      await queue.markBlocked(row, reason);
      return;
    }
    const retryable = !(error instanceof GrammyError) || error.error_code >= 500;
    if (!retryable || row.tries >= TELEGRAM_QUEUE_MAX_TRIES) {
      await queue.markFailed(row, reason);
      // Telegram's description names the reason, never the message; the chat id is not logged.
      log.warn({ telegramMessageId: row.id, reason, tries: row.tries }, 'a Telegram alert failed');
      return;
    }
    const wait = backoffDelayMs(row.tries, TELEGRAM_QUEUE_BACKOFF);
    await queue.retryLater(row, { retryInMs: wait, countTry: true, error: reason });
    log.info(
      { telegramMessageId: row.id, reason, tries: row.tries, retryInMs: wait },
      'a Telegram alert will be tried again',
    );
  }

  return createLeaseLoop<ClaimedTelegramMessage>({
    claim: (room) => queue.claim(room, TELEGRAM_QUEUE_LEASE_MS),
    releaseLapsed: () => queue.releaseLapsed(),
    deliver,
    concurrency: TELEGRAM_QUEUE_CONCURRENCY,
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    holdBack: () => pausedUntil > Date.now(),
    name: 'Telegram alert queue',
    describe: (row) => ({ telegramMessageId: row.id }),
    log,
  });
}

export type TelegramQueueWorker = ReturnType<typeof createTelegramQueueWorker>;

/** The stored reply_markup as the Bot API takes it; null for none, false when it cannot be read (never sendable). */
function replyMarkupOf(row: ClaimedTelegramMessage): InlineKeyboardMarkup | null | false {
  if (row.replyMarkup === null) return null;
  try {
    return JSON.parse(row.replyMarkup) as InlineKeyboardMarkup;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  if (error instanceof GrammyError) return `Telegram ${error.error_code}: ${error.description}`;
  return error instanceof Error ? error.message : String(error);
}
