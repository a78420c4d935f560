import { isIPv4 } from 'node:net';
import { invalid } from './explain.ts';
import type { Env } from './schema.ts';
import type { SmsProviderName } from './sms.ts';
import { isReadableWebhookSecret } from '../sms/providers/webhook-signature.ts';

/** Every variable that holds where an SMS provider is called: each one carries credentials or message text. */
export const PROVIDER_URL_VARIABLES = [
  'MELIPAYAMAK_BASE_URL',
  'KAVENEGAR_BASE_URL',
  'SMSIR_BASE_URL',
  'SMS_WEBHOOK_URL',
  'TELEGRAM_GATEWAY_BASE_URL',
] as const satisfies ReadonlyArray<keyof Env>;

/** localhost, 127.0.0.0/8 and ::1: a request to them never leaves the machine, so plain HTTP exposes nothing. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return isIPv4(host) && host.startsWith('127.');
}

/**
 * In production every provider URL is https:// unless it points at this machine: a plain http:// URL sends
 * the provider's credentials (Melipayamak's password in the body, Kavenegar's key in the path) and every
 * code in clear across the network. Every URL set is checked, not only those of the providers in use, so
 * that enabling a provider later cannot quietly start sending in clear. The webhook's receiver can only
 * tell our requests from forged ones by SMS_WEBHOOK_SECRET, so in production the webhook needs it.
 */
export function checkProviderTransport(env: Env, providers: readonly SmsProviderName[]): void {
  if (env.SMS_WEBHOOK_SECRET !== undefined && !isReadableWebhookSecret(env.SMS_WEBHOOK_SECRET)) {
    throw invalid('SMS_WEBHOOK_SECRET', env.SMS_WEBHOOK_SECRET, {
      expected: 'whsec_ followed by base64 (the Standard Webhooks form), or a plain secret of at least 16 characters',
      note: 'what follows whsec_ is not base64',
    });
  }
  if (env.NODE_ENV !== 'production') return;
  for (const variable of PROVIDER_URL_VARIABLES) {
    const value = env[variable];
    if (value === undefined) continue;
    const url = new URL(value);
    if (url.protocol === 'https:' || isLoopbackHost(url.hostname)) continue;
    throw invalid(variable, value, {
      expected: 'an https:// URL in production (plain http:// only to localhost, 127.0.0.0/8 or ::1)',
      note: 'NODE_ENV=production',
    });
  }
  if (providers.includes('webhook') && env.SMS_WEBHOOK_SECRET === undefined) {
    throw invalid('SMS_WEBHOOK_SECRET', undefined, {
      expected: 'at least 16 characters (required in production when the webhook provider is used)',
    });
  }
}
