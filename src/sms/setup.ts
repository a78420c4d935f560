import type { Config, SmsProviderName } from '../config/index.ts';
import { createBreaker } from './breaker.ts';
import { createDispatcher, type SmsEvents } from './dispatcher.ts';
import type { HttpPool } from './http.ts';
import { codeRoutes, createLanePools, queueRoutes, PACE_WAIT_MS, type LaneName, type SmsLane } from './lanes.ts';
import type { SmsProvider } from './provider.ts';
import { createConsoleProvider } from './providers/console.ts';
import { createKavenegarProvider } from './providers/kavenegar.ts';
import { createMelipayamakProvider } from './providers/melipayamak.ts';
import { createSmsirProvider } from './providers/smsir.ts';
import { createTelegramGatewayProvider } from './providers/telegram-gateway.ts';
import { createWebhookProvider } from './providers/webhook.ts';

/** What the service can do about SMS, as health reports it. */
export interface SmsSetup {
  /** The first provider messages are tried on. */
  readonly provider: SmsProvider;
  /** Code messages: every provider in order, on the codes' own connections and breakers. */
  readonly codes: SmsLane;
  /** Queued messages: the same providers on the queue's own connections and breakers, each with a pacer. */
  readonly queue: SmsLane;
  readonly enabled: boolean;
  /** A live provider (not the console fallback) is set up. */
  readonly configured: boolean;
  readonly mode: 'live' | 'development';
  /**
   * Whether codes may be sent at all. False in production on the console fallback without
   * SMS_DEV_FALLBACK=true: the service then refuses code requests rather than pretend to send them.
   */
  readonly available: boolean;
  /** Closes both lanes' connections, dropping any call still open. */
  close(): Promise<void>;
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
  const pools = createLanePools(sms.queue.concurrency);
  const providersOn = (pool: HttpPool) => sms.providers.map((name) => buildProvider(name, config, log, pool));
  const breakerFor = (lane: LaneName) => (name: string) =>
    createBreaker({
      failures: sms.breaker.failures,
      cooldownMs: sms.breaker.cooldownSeconds * 1000,
      now,
      onOpen() {
        events?.smsBreakerOpened(name, lane);
        const { cooldownSeconds } = sms.breaker;
        log.warn({ provider: name, lane, cooldownSeconds }, 'SMS provider circuit opened');
      },
    });
  const rates = sms.queue.ratePerSecond;
  const queue = queueRoutes(providersOn(pools.queue), breakerFor('queue'), (name) => rates[name as SmsProviderName]);
  const codes = codeRoutes(providersOn(pools.codes), breakerFor('codes'), queue);
  const { timeoutMs } = sms;
  // The console fallback is never listed with another provider (see config/sms.ts), so the first says it all.
  const provider = codes[0]!.provider;
  return {
    provider,
    codes: {
      name: 'codes',
      routes: codes,
      dispatcher: createDispatcher({ routes: codes, timeoutMs, log, events }),
    },
    queue: {
      name: 'queue',
      routes: queue,
      dispatcher: createDispatcher({ routes: queue, timeoutMs, paceWaitMs: PACE_WAIT_MS, log, events }),
    },
    close: pools.close,
    enabled: sms.enabled,
    configured: provider.live,
    mode: provider.live ? 'live' : 'development',
    available: provider.live || !config.isProduction || sms.devFallback,
  };
}

/** Settings a provider needs are present: config refuses to start otherwise. */
function buildProvider(name: SmsProviderName, config: Config, log: SetupLog, pool: HttpPool): SmsProvider {
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
        pool,
      });
    case 'kavenegar':
      return createKavenegarProvider({
        apiKey: sms.kavenegar.apiKey!,
        sender: sms.kavenegar.sender,
        baseUrl: sms.kavenegar.baseUrl,
        timeoutMs,
        pool,
      });
    case 'smsir':
      return createSmsirProvider({
        apiKey: sms.smsir.apiKey!,
        lineNumber: sms.smsir.lineNumber,
        baseUrl: sms.smsir.baseUrl,
        timeoutMs,
        pool,
      });
    case 'webhook':
      return createWebhookProvider({ url: sms.webhook.url!, secret: sms.webhook.secret, timeoutMs, pool });
    case 'telegram_gateway':
      return createTelegramGatewayProvider({
        token: sms.telegramGateway.token!,
        baseUrl: sms.telegramGateway.baseUrl,
        callbackUrl: sms.telegramGateway.callbackUrl,
        timeoutMs,
        pool,
      });
    case 'console':
      return createConsoleProvider(log);
  }
}
