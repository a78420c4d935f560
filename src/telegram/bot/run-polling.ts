import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Update } from 'grammy/types';
import type { TelegramBotConfig } from '../../config/telegram.ts';
import type { DatabaseHandle } from '../../db/index.ts';
import { createBotApi } from './api.ts';
import { createPoller, DEFAULT_POLL_TIMEOUT_SECONDS, type Poller, type PollerLog } from './polling.ts';

export interface PollingDeps {
  readonly config: TelegramBotConfig;
  readonly database: DatabaseHandle;
  /** Handles one update; throws when it must be tried again (see polling.ts). */
  readonly handle: (update: Update) => Promise<unknown>;
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
    api: createBotApi(deps.config, { holdSeconds: DEFAULT_POLL_TIMEOUT_SECONDS }),
    handle: deps.handle,
    holderId: pollerId(),
    now: deps.now,
    log: deps.log,
  });
  app.addHook('onReady', async () => poller.start());
  app.addHook('preClose', async () => poller.stop());
  return poller;
}

/**
 * This process, as `telegram_bot_pollers.holder` shows it: host and pid tell an operator which instance polls;
 * the random part keeps a restarted process that got the same pid from passing for its predecessor.
 */
function pollerId(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}
