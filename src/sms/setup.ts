import type { Config } from '../config/index.ts';
import type { SmsProvider } from './provider.ts';
import { createConsoleProvider } from './providers/console.ts';
import { createMelipayamakProvider } from './providers/melipayamak.ts';
import { createWebhookProvider } from './providers/webhook.ts';

/** What the service can do about SMS, as health reports it. */
export interface SmsSetup {
  readonly provider: SmsProvider;
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

export function createSmsSetup(config: Config, log: { info(obj: object, msg: string): void }): SmsSetup {
  const { sms } = config;
  const provider = buildProvider(config, log);
  return {
    provider,
    enabled: sms.enabled,
    configured: provider.live,
    mode: provider.live ? 'live' : 'development',
    available: provider.live || !config.isProduction || sms.devFallback,
  };
}

function buildProvider(config: Config, log: { info(obj: object, msg: string): void }): SmsProvider {
  const { sms } = config;
  switch (sms.provider) {
    case 'melipayamak':
      return createMelipayamakProvider({
        username: sms.melipayamak.username!,
        password: sms.melipayamak.password!,
        from: sms.senderNumber!,
        baseUrl: sms.melipayamak.baseUrl,
        timeoutMs: sms.timeoutMs,
      });
    case 'webhook':
      return createWebhookProvider({ url: sms.webhook.url!, secret: sms.webhook.secret, timeoutMs: sms.timeoutMs });
    case 'console':
      return createConsoleProvider(log);
  }
}
