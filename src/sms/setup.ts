import type { Config, SmsProviderName } from '../config/index.ts';
import { createBreaker } from './breaker.ts';
import { createDispatcher, type Dispatcher, type SmsEvents, type SmsRoute } from './dispatcher.ts';
import type { SmsProvider } from './provider.ts';
import { createConsoleProvider } from './providers/console.ts';
import { createKavenegarProvider } from './providers/kavenegar.ts';
import { createMelipayamakProvider } from './providers/melipayamak.ts';
import { createSmsirProvider } from './providers/smsir.ts';
import { createWebhookProvider } from './providers/webhook.ts';

/** What the service can do about SMS, as health reports it. */
export interface SmsSetup {
  /** The first provider messages are tried on. */
  readonly provider: SmsProvider;
  /** Every provider, in the order they are tried, each with its breaker. */
  readonly routes: readonly SmsRoute[];
  readonly dispatcher: Dispatcher;
  readonly enabled: boolean;
  /** A live provider (not the console fallback) is set up. */
  readonly configured: boolean;
  readonly mode: 'live' | 'development';
  /**
   * Whether codes may be sent at all. False in production on the console fallback without
   * SMS_DEV_FALLBACK=true: the service then refuses code requests rather than pretend to send them.
   */
  readonly available: boolean;
}

/** The slice of a pino logger this needs. */
interface SetupLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export function createSmsSetup(
  config: Config,
  deps: { log: SetupLog; now: () => number; events?: SmsEvents | undefined },
): SmsSetup {
  const { sms } = config;
  const { log, now, events } = deps;
  const routes = sms.providers.map((name) => ({
    provider: buildProvider(name, config, log),
    breaker: createBreaker({
      failures: sms.breaker.failures,
      cooldownMs: sms.breaker.cooldownSeconds * 1000,
      now,
      onOpen() {
        events?.smsBreakerOpened(name);
        log.warn({ provider: name, cooldownSeconds: sms.breaker.cooldownSeconds }, 'SMS provider circuit opened');
      },
    }),
  }));
  // The console fallback is never listed with another provider (see config/sms.ts), so the first says it all.
  const provider = routes[0]!.provider;
  return {
    provider,
    routes,
    dispatcher: createDispatcher({ routes, timeoutMs: sms.timeoutMs, log, events }),
    enabled: sms.enabled,
    configured: provider.live,
    mode: provider.live ? 'live' : 'development',
    available: provider.live || !config.isProduction || sms.devFallback,
  };
}

/** Settings a provider needs are present: config refuses to start otherwise. */
function buildProvider(name: SmsProviderName, config: Config, log: SetupLog): SmsProvider {
  const { sms } = config;
  const { timeoutMs } = sms;
  switch (name) {
    case 'melipayamak':
      return createMelipayamakProvider({
        username: sms.melipayamak.username!,
        password: sms.melipayamak.password!,
        from: sms.senderNumber!,
        baseUrl: sms.melipayamak.baseUrl,
        timeoutMs,
      });
    case 'kavenegar':
      return createKavenegarProvider({
        apiKey: sms.kavenegar.apiKey!,
        sender: sms.kavenegar.sender,
        baseUrl: sms.kavenegar.baseUrl,
        timeoutMs,
      });
    case 'smsir':
      return createSmsirProvider({
        apiKey: sms.smsir.apiKey!,
        lineNumber: sms.smsir.lineNumber,
        baseUrl: sms.smsir.baseUrl,
        timeoutMs,
      });
    case 'webhook':
      return createWebhookProvider({ url: sms.webhook.url!, secret: sms.webhook.secret, timeoutMs });
    case 'console':
      return createConsoleProvider(log);
  }
}
