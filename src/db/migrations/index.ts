import type { Migration } from 'kysely';
import * as initial from './0001_initial.ts';
import * as otpResend from './0002_otp_resend.ts';
import * as apiKeys from './0003_api_keys.ts';
import * as smsTemplates from './0004_sms_templates.ts';
import * as smsQueue from './0005_sms_queue.ts';
import * as sessionAuthTime from './0006_session_auth_time.ts';
import * as smsPollFailures from './0007_sms_poll_failures.ts';
import * as adminAudit from './0008_admin_audit.ts';
import * as hashedLimitKeys from './0009_hashed_limit_keys.ts';
import * as counterFunction from './0010_counter_function.ts';
import * as signingKeys from './0011_signing_keys.ts';
import * as userAccounts from './0012_user_accounts.ts';
import * as events from './0013_events.ts';
import * as telegramAccounts from './0014_telegram_accounts.ts';
import * as telegramBotReach from './0015_telegram_bot_reach.ts';
import * as telegramBot from './0016_telegram_bot.ts';
import * as telegramLinkTokens from './0017_telegram_link_tokens.ts';
import * as telegramBotPolling from './0018_telegram_bot_polling.ts';
import * as telegramBotPhone from './0019_telegram_bot_phone.ts';
import * as stockAlerts from './0020_stock_alerts.ts';
import * as oidc from './0021_oidc.ts';
import * as staff from './0022_staff.ts';
import * as carriedCounts from './0023_carried_counts.ts';

/**
 * Every migration, in order. Listed in code rather than read from a folder so that the same list serves
 * `tsx`, a compiled build and the tests. A name's number is its schema version.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_otp_resend': otpResend,
  '0003_api_keys': apiKeys,
  '0004_sms_templates': smsTemplates,
  '0005_sms_queue': smsQueue,
  '0006_session_auth_time': sessionAuthTime,
  '0007_sms_poll_failures': smsPollFailures,
  '0008_admin_audit': adminAudit,
  '0009_hashed_limit_keys': hashedLimitKeys,
  '0010_counter_function': counterFunction,
  '0011_signing_keys': signingKeys,
  '0012_user_accounts': userAccounts,
  '0013_events': events,
  '0014_telegram_accounts': telegramAccounts,
  '0015_telegram_bot_reach': telegramBotReach,
  '0016_telegram_bot': telegramBot,
  '0017_telegram_link_tokens': telegramLinkTokens,
  '0018_telegram_bot_polling': telegramBotPolling,
  '0019_telegram_bot_phone': telegramBotPhone,
  '0020_stock_alerts': stockAlerts,
  '0021_oidc': oidc,
  '0022_staff': staff,
  '0023_carried_counts': carriedCounts,
};

export const LATEST_SCHEMA_VERSION = Object.keys(MIGRATIONS).length;
