/** Purposes a one-time code is sent for; each has its own wording and template name. */
export type OtpPurpose = 'login' | 'phone_change';

export const OTP_TEMPLATES: Record<OtpPurpose, string> = {
  login: 'otp_login',
  phone_change: 'otp_phone_change',
};

const HEADLINES: Record<OtpPurpose, string> = {
  login: 'کد ورود شما',
  phone_change: 'کد تأیید شماره جدید شما',
};

/**
 * The Persian code message. With a WebOTP domain the last line is `@domain #code` in ASCII digits, the
 * format browsers read for one-time-code autofill (it must be the last line and start with `@`).
 */
export function otpMessage(purpose: OtpPurpose, code: string, minutes: number, webOtpDomain?: string): string {
  const lines = [`${HEADLINES[purpose]}: ${code}`, `این کد تا ${minutes} دقیقه معتبر است. آن را به کسی ندهید.`];
  if (webOtpDomain) lines.push('', `@${webOtpDomain} #${code}`);
  return lines.join('\n');
}

/** The text as it may be stored: every occurrence of the code replaced by asterisks. */
export function maskCode(text: string, code: string): string {
  return code ? text.split(code).join('*'.repeat(code.length)) : text;
}
