import type { TelegramBotConfig } from '../../config/telegram.ts';
import type { DatabaseHandle } from '../../db/index.ts';
import type { RateLimiter } from '../../rate-limit/limiter.ts';
import type { BotReach } from '../../telegram/bot/reach.ts';
import { createTelegramQueueRepository } from './repository.ts';
import { createTelegramQueueWorker, type TelegramQueueLog, type TelegramQueueWorker } from './worker.ts';

/**
 * The queue of Telegram messages the bot sends unasked (back-in-stock alerts), and its worker. Nothing runs
 * until `start`: `serve` starts it with the SMS queue (so SMS_QUEUE_WORKER=false leaves delivery to other
 * instances here too), and the app stops it on close.
 */
export function createTelegramQueue(deps: {
  database: DatabaseHandle;
  bot: TelegramBotConfig;
  reach: BotReach;
  limiter: Pick<RateLimiter, 'consumeAll'>;
  perSecond: number;
  log: TelegramQueueLog;
  now: () => number;
}): TelegramQueueWorker {
  return createTelegramQueueWorker({
    queue: createTelegramQueueRepository(deps.database, deps.now),
    bot: deps.bot,
    reach: deps.reach,
    limiter: deps.limiter,
    perSecond: deps.perSecond,
    log: deps.log,
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The Telegram alert queue's worker (decorated in app.ts); null without TELEGRAM_BOT_TOKEN. */
    readonly telegramQueue: TelegramQueueWorker | null;
  }
}
