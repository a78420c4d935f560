import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';
import type { TelegramBotConfig } from '../../config/telegram.ts';

/**
 * How long one Bot API call may take, connect to last byte. grammY's default is 500 s (made for long polls);
 * a send that hangs must not hold a sign-in or a worker that long. A long poll adds its own hold to this.
 */
export const BOT_CALL_TIMEOUT_SECONDS = 10;

/**
 * The Bot API client every part of the service calls Telegram through. auto-retry waits out a 429's
 * `retry_after` and backs off on 5xx and network errors, but within bounds: three tries and 30 s at most
 * between them, so a Telegram that stays down ends in an error the caller handles (a code falls back to SMS,
 * an update is retried later) rather than a wait of hours.
 */
export function createBotApi(
  config: TelegramBotConfig,
  options: {
    maxDelaySeconds?: number;
    /**
     * False for a caller with a better way than waiting: a code has SMS to fall back on, and a retry would
     * only make it later (auto-retry also retries a network error until the call is aborted).
     * @default true
     */
    retries?: boolean;
  } = {},
): Api {
  const api = new Api(config.token, { apiRoot: config.apiRoot, timeoutSeconds: BOT_CALL_TIMEOUT_SECONDS });
  if (options.retries !== false) {
    api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: options.maxDelaySeconds ?? 30 }));
  }
  return api;
}
