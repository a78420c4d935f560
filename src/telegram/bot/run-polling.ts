import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Update } from 'grammy/types';
import type { TelegramBotConfig } from '../../config/telegram.ts';
import type { DatabaseHandle } from '../../db/index.ts';
import { BOT_CALL_TIMEOUT_SECONDS, createBotApi } from './api.ts';
import { createPoller, DEFAULT_POLL_TIMEOUT_SECONDS, type Poller, type PollerLog } from './polling.ts';
import type { UpdateHandler } from './updates.ts';

export interface PollingDeps {
  readonly config: TelegramBotConfig;
  readonly database: DatabaseHandle;
  /** The bot's handler, which handles each update once across instances (updates.ts). */
  readonly updates: UpdateHandler;
  readonly log: PollerLog;
  readonly now: () => number;
}

/**
 * Long polling as part of the app (TELEGRAM_UPDATES=polling): from when the app is ready until it begins to
 * close. Stopped in `preClose`, before any `onClose` hook closes the database, so that the offset of the last
 * update handled is written and the lease given up: another instance takes over at once.
 */
export function registerPolling(app: FastifyInstance, deps: PollingDeps): Poller {
  const poller = createPoller({
    database: deps.database,
    // Its own client: the long poll's hold comes on top of a call's usual time.
    api: createBotApi(deps.config, { timeoutSeconds: BOT_CALL_TIMEOUT_SECONDS + DEFAULT_POLL_TIMEOUT_SECONDS }),
    handle: settled(deps.updates),
    holderId: pollerId(),
    now: deps.now,
    log: deps.log,
  });
  app.addHook('onReady', async () => poller.start());
  app.addHook('preClose', async () => poller.stop());
  return poller;
}

/**
 * The handler as the poller wants it: done, or thrown. `busy` means another call holds the update under a
 * live claim: with one poller at a time, that is a former holder that died or stalled while handling it. It
 * is not done, so the offset must not pass it: asked for again after a pause, it is handled once the claim
 * lapses (or is `duplicate` once its holder finished it).
 */
function settled(updates: UpdateHandler): (update: Update) => Promise<void> {
  return async (update) => {
    if ((await updates.handle(update)) === 'busy') throw new Error('another call is handling this update');
  };
}

/**
 * This process, as `telegram_bot_pollers.holder` shows it: host and pid tell an operator which instance polls;
 * the random part keeps a restarted process that got the same pid from passing for its predecessor.
 */
function pollerId(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}
