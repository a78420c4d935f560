import { randomBytes, randomInt } from 'node:crypto';
import { person, startFakeBotApi, textUpdate, type FakeBotApi } from '../../test/helpers/fake-telegram-bot-api.ts';
import { measure, type BenchSettings, type Measurement } from './scenarios.ts';
import { BENCH_BOT_TOKEN } from './telegram.ts';

/** The webhook secret of this run's servers (TELEGRAM_WEBHOOK_SECRET). */
export const BENCH_WEBHOOK_SECRET = randomBytes(24).toString('hex');

/**
 * The Bot API the servers' bot calls: a local one that answers as Telegram documents, and the sink of the
 * bot's replies in scenario h (each update handled means one `sendMessage` to it).
 */
export function startBenchBotApi(): Promise<FakeBotApi> {
  return startFakeBotApi({ token: BENCH_BOT_TOKEN });
}

/**
 * Scenario h: updates POSTed to the webhook as Telegram posts them, each a `/help` from a person in a private
 * chat with an `update_id` never used before (an update is handled once): the secret header checked, the
 * update claimed and marked done in the database, the bot's middleware run (session read and written,
 * locale, the help text rendered from the template store) and its reply sent to the Bot API.
 */
export function botUpdates(settings: BenchSettings, freshId: () => number): Promise<Measurement> {
  let updateId = randomInt(1, 2 ** 30);
  return measure(settings, 'h. telegram bot updates by webhook', (tally) => ({
    path: '/api/v1/telegram/webhook',
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': BENCH_WEBHOOK_SECRET },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ update_id: updateId++, ...textUpdate(person(freshId()), '/help') }),
        }),
        onResponse: tally.failed,
      },
    ],
  }));
}
