import type { Kysely } from 'kysely';
import type { Config } from '../../config/index.ts';
import type { Database } from '../../db/types.ts';
import { createBreaker } from '../../sms/breaker.ts';
import type { SmsEvents, SmsRoute } from '../../sms/dispatcher.ts';
import { createTelegramBotCodeProvider, TELEGRAM_BOT } from '../../sms/providers/telegram-bot.ts';
import { Api } from 'grammy';
import { botClientOptions } from './api.ts';
import { createBotReach } from './reach.ts';

/**
 * The bot as the first route of a code that asked for Telegram (see SmsRoute, DispatchOptions.first), with a
 * breaker of its own on the SMS settings: a Telegram that is down or slow is skipped for a while rather than
 * cost every such code its TELEGRAM_CODE_TIMEOUT_MS. Null without the bot: the code then goes by SMS.
 */
export function createBotCodeRoute(
  config: Config,
  deps: {
    db: Kysely<Database>;
    log: { warn(obj: object, msg: string): void };
    now: () => number;
    events?: Pick<SmsEvents, 'smsBreakerOpened'> | undefined;
  },
): SmsRoute | null {
  const bot = config.telegram.bot;
  if (!bot) return null;
  const { log, now, events } = deps;
  const { failures, cooldownSeconds } = config.sms.breaker;
  return {
    provider: createTelegramBotCodeProvider({
      // Without auto-retry: SMS is the retry, and waiting out a 429 or a backoff would only make the code later.
      api: new Api(bot.token, botClientOptions(bot)),
      reach: createBotReach(deps.db, now),
      timeoutMs: bot.codeTimeoutMs,
    }),
    breaker: createBreaker({
      failures,
      cooldownMs: cooldownSeconds * 1000,
      now,
      onOpen() {
        events?.smsBreakerOpened(TELEGRAM_BOT, 'codes');
        log.warn({ provider: TELEGRAM_BOT, lane: 'codes', cooldownSeconds }, 'SMS provider circuit opened');
      },
    }),
  };
}
