import { Api, GrammyError } from 'grammy';
import type { Config } from '../config/index.ts';
import { BOT_CALL_TIMEOUT_SECONDS } from '../telegram/bot/api.ts';
import { ALLOWED_UPDATES } from '../telegram/bot/allowed-updates.ts';
import { parseCommand, usageError } from './args.ts';
import { printable, printTable } from './output.ts';

export const TELEGRAM_USAGE = `usage: otpgate telegram set-webhook | delete-webhook [--drop-pending-updates] | webhook-info

  telegram set-webhook     tell Telegram to deliver the bot's updates to PUBLIC_URL/api/v1/telegram/webhook,
                           with TELEGRAM_WEBHOOK_SECRET as the secret token it sends along (needs
                           TELEGRAM_BOT_TOKEN, PUBLIC_URL as https on port 443, 80, 88 or 8443, and the secret)
  telegram delete-webhook  stop webhook delivery; Telegram keeps updates for getUpdates (polling) for 24 hours,
                           or drops them with --drop-pending-updates
  telegram webhook-info    what Telegram has: the URL, updates waiting, the last delivery error, connections

  Calls the Bot API at TELEGRAM_API_ROOT (https://api.telegram.org unless set: a relay works the same). Never
  prints the token or the secret. With TELEGRAM_UPDATES=polling the service deletes any webhook it meets.
`;

type Settings = Pick<Config, 'telegram' | 'tokens'>;
type Out = (line: string) => void;

/** The bot's webhook route (telegram/bot/webhook-route.ts) under PUBLIC_URL. */
const WEBHOOK_PATH = '/api/v1/telegram/webhook';
/** Ports Telegram delivers webhooks to. */
const WEBHOOK_PORTS = new Set(['443', '80', '88', '8443']);

/**
 * `telegram set-webhook | delete-webhook | webhook-info`: the webhook as Telegram holds it, set from the same
 * settings the service reads. One call each, without retries: an operator at a terminal wants Telegram's
 * answer (or the network's failure) at once.
 */
export async function runTelegram(readConfig: () => Settings, argv: readonly string[]): Promise<number> {
  const line = parseCommand('telegram', argv, { 'drop-pending-updates': { type: 'boolean' } }, TELEGRAM_USAGE);
  if (typeof line === 'number') return line;
  const [action, extra] = line.positionals;
  if (action !== 'set-webhook' && action !== 'delete-webhook' && action !== 'webhook-info') {
    return usageError('telegram', action ? `unknown action "${action}"` : 'an action is needed', TELEGRAM_USAGE);
  }
  if (extra !== undefined) return usageError('telegram', `unexpected argument "${extra}"`, TELEGRAM_USAGE);
  const drop = line.values['drop-pending-updates'] === true;
  if (drop && action !== 'delete-webhook') {
    return usageError('telegram', '--drop-pending-updates goes with delete-webhook', TELEGRAM_USAGE);
  }

  const config = readConfig();
  const bot = config.telegram.bot;
  if (!bot) return refuse(`telegram ${action} needs TELEGRAM_BOT_TOKEN (the bot's token from @BotFather)`);
  const api = new Api(bot.token, { apiRoot: bot.apiRoot, timeoutSeconds: BOT_CALL_TIMEOUT_SECONDS });
  const out: Out = (text) => process.stdout.write(`${text}\n`);
  try {
    if (action === 'set-webhook') {
      const url = webhookUrl(config);
      if (typeof url !== 'string') return refuse(url.refusal);
      if (bot.webhookSecret === null) {
        return refuse(
          'telegram set-webhook needs TELEGRAM_WEBHOOK_SECRET (make one with openssl rand -hex 32): Telegram sends it with every update, and the service refuses updates without it',
        );
      }
      await api.setWebhook(url, { secret_token: bot.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
      out(`registered the webhook ${url}`);
      out(`  updates: ${ALLOWED_UPDATES.join(', ')}; secret token: TELEGRAM_WEBHOOK_SECRET`);
    } else if (action === 'delete-webhook') {
      await api.deleteWebhook({ drop_pending_updates: drop });
      out(
        drop
          ? 'deleted the webhook and dropped the updates waiting'
          : 'deleted the webhook; Telegram keeps the updates waiting for getUpdates (polling) for 24 hours',
      );
    } else {
      const info = await api.getWebhookInfo();
      printTable(
        [
          ['url', info.url === '' ? '- (none: updates wait for getUpdates)' : info.url],
          ['pending_update_count', String(info.pending_update_count)],
          ['last_error_date', time(info.last_error_date)],
          ['last_error_message', info.last_error_message ?? '-'],
          ['max_connections', info.max_connections === undefined ? '-' : String(info.max_connections)],
          ['allowed_updates', info.allowed_updates?.join(', ') || '- (the default set)'],
        ].map(([name, value]) => [name!, printable(value!)]),
        out,
      );
    }
    return 0;
  } catch (error) {
    return refuse(failure(error, bot.apiRoot));
  }
}

/** PUBLIC_URL's webhook route, or why Telegram could not deliver to it. */
function webhookUrl(config: Settings): string | { refusal: string } {
  if (!config.tokens.issuerSet) {
    return { refusal: "telegram set-webhook needs PUBLIC_URL: the service's own https URL, which Telegram posts to" };
  }
  const url = new URL(`${config.tokens.issuer}${WEBHOOK_PATH}`);
  if (url.protocol !== 'https:' || !WEBHOOK_PORTS.has(url.port || '443')) {
    return {
      refusal: `telegram set-webhook: PUBLIC_URL must be https:// on port 443, 80, 88 or 8443 (Telegram delivers nowhere else); it is ${url.origin}`,
    };
  }
  return url.toString();
}

/** Telegram's refusal with its code and words, or a network failure naming the host (not the token in the path). */
function failure(error: unknown, apiRoot: string): string {
  if (error instanceof GrammyError) {
    return `Telegram refused ${error.method}: ${error.error_code} ${printable(error.description)}`;
  }
  // grammY's own message leaves the URL out; the fetch error under it (`error.error`) has the token in its
  // message, so only its code is shown.
  const inner = (error as { error?: { code?: unknown; name?: unknown } }).error;
  const code = typeof inner?.code === 'string' ? inner.code : typeof inner?.name === 'string' ? inner.name : null;
  const what = printable(error instanceof Error ? error.message : String(error));
  return `could not reach the Bot API at ${new URL(apiRoot).host} (TELEGRAM_API_ROOT): ${what}${code ? ` (${code})` : ''}`;
}

function refuse(message: string): number {
  process.stderr.write(`otpgate: ${message}\n`);
  return 1;
}

function time(seconds: number | undefined): string {
  return seconds === undefined ? '-' : `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}
