/** Purposes a one-time code is sent for; each has its own template (see templates/, seeded by migration 0004). */
export type OtpPurpose = 'login' | 'phone_change';

export const OTP_TEMPLATES: Record<OtpPurpose, string> = {
  login: 'otp_login',
  phone_change: 'otp_phone_change',
};

/** The notice to the number an account left (see otp/phone-change-notice.ts); seeded in fa and en by migration 0006. */
export const PHONE_CHANGED_TEMPLATE = 'phone_changed';

/** The notice to a number whose account a Telegram account joined by it (telegram/link-notice.ts); migration 0014. */
export const TELEGRAM_LINKED_TEMPLATE = 'telegram_linked';

/** A back-in-stock alert by SMS (alerts/); seeded in fa and en by migration 0020. */
export const STOCK_ALERT_TEMPLATE = 'stock_alert';

/** The Telegram bot's own answers (telegram/bot/features/core.ts); seeded in fa and en by migration 0016. */
export const TELEGRAM_BOT_TEMPLATES = {
  welcome: 'telegram_bot_welcome',
  help: 'telegram_bot_help',
  stopped: 'telegram_bot_stopped',
} as const;

/**
 * The service's own templates: the code messages, the notices (a phone change, a Telegram account joined) and
 * the back-in-stock alert. Only the service sends them,
 * with values it made itself. A key that could send them with its own values could put a link where the
 * sign-in code goes and have it arrive as the service's own sign-in message, so the admin send refuses them
 * (TEMPLATE_RESERVED).
 */
export const SERVICE_TEMPLATES: ReadonlySet<string> = new Set([
  ...Object.values(OTP_TEMPLATES),
  PHONE_CHANGED_TEMPLATE,
  TELEGRAM_LINKED_TEMPLATE,
  STOCK_ALERT_TEMPLATE,
  ...Object.values(TELEGRAM_BOT_TEMPLATES),
]);

/**
 * A rendered code message with the WebOTP line added: `@domain #code` in ASCII digits after a blank line,
 * the format browsers read for one-time-code autofill. It must be the last line and start with `@`, so it is
 * added here, after the template, and not left to whoever edits templates.
 */
export function withWebOtpLine(text: string, code: string, webOtpDomain?: string): string {
  return webOtpDomain ? `${text}\n\n@${webOtpDomain} #${code}` : text;
}

/**
 * `text` without the WebOTP line `withWebOtpLine` added: for a channel other than SMS (the bot), where no
 * browser reads it and it would only be noise under the code.
 */
export function withoutWebOtpLine(text: string): string {
  return text.replace(/\n\n@[^\s#]+ #\d+$/, '');
}

/**
 * The text as it may be stored: every occurrence of the code replaced by asterisks. Only for a code the
 * service issued: masking a caller's value would let it hide its own text from the delivery log.
 */
export function maskCode(text: string, code: string): string {
  return code ? text.split(code).join('*'.repeat(code.length)) : text;
}
