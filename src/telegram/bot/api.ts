import { autoRetry } from '@grammyjs/auto-retry';
import { Api, type ApiClientOptions } from 'grammy';
import type { TelegramBotConfig } from '../../config/telegram.ts';

/**
 * How long one Bot API call may take, connect to last byte. grammY's default is 500 s (made for long polls);
 * a send that hangs must not hold a sign-in or a worker that long. A long poll adds its own hold to this.
 */
export const BOT_CALL_TIMEOUT_SECONDS = 10;

export interface BotClientOptions {
  readonly maxDelaySeconds?: number;
  readonly timeoutSeconds?: number;
}

/** grammY's client options for our Bot API root and call timeout (for `new Bot(token, { client })`). */
/** Where the bot's calls go and with which token: all a Bot API client needs of the bot's settings. */
export type BotEndpoint = Pick<TelegramBotConfig, 'token' | 'apiRoot'>;

export function botClientOptions(config: BotEndpoint, options: BotClientOptions = {}): ApiClientOptions {
  return { apiRoot: config.apiRoot, timeoutSeconds: options.timeoutSeconds ?? BOT_CALL_TIMEOUT_SECONDS };
}

/**
 * Installs auto-retry on a Bot API client, within bounds: a 429's `retry_after` is waited out (up to 30 s)
 * and a 5xx retried with backoff, three tries at most. A network failure or a timeout is not retried here
 * (auto-retry would retry it without end, whatever `maxRetryAttempts` says): it ends in grammY's HttpError
 * at once, and the caller handles it (a code falls back to SMS, an update is delivered again later).
 */
export function boundRetries(api: Api, options: BotClientOptions = {}): Api {
  api.config.use(
    autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: options.maxDelaySeconds ?? 30, rethrowHttpErrors: true }),
  );
  return api;
}

/** The Bot API client every part of the service calls Telegram through (see `boundRetries`). */
export function createBotApi(config: BotEndpoint, options: BotClientOptions = {}): Api {
  return boundRetries(new Api(config.token, botClientOptions(config, options)), options);
}
