import { withWebOtpLine } from '../sms/messages.ts';
import { SMS_LIMITS, smsParts } from '../text/sms-parts.ts';
import { CODE_TEMPLATE_KEYS, type CodeFill } from './rules.ts';

/**
 * Values a preview fills placeholders with: about as long as the real ones, so the count of SMS parts is
 * the one customers will get. Per locale where the value is words; a name not listed here is filled with
 * itself.
 */
const SAMPLES: Readonly<Record<string, string | Readonly<Record<string, string>>>> = {
  product: { fa: 'کفش ورزشی مدل ۲۰۲۶', en: 'Running shoes 2026' },
  shop: { fa: 'فروشگاه نمونه', en: 'Sample Shop' },
  device: { fa: 'کروم روی اندروید', en: 'Chrome on Android' },
  commands: { fa: '/start شروع\n/help راهنما', en: '/start start\n/help help' },
  link: 'https://shop.example/a/Xk3pQ9',
  stop: 'https://shop.example/s/Xk3pQ9',
  url: 'https://shop.example/p/1042',
  phone: '+989121234567',
  telegram: '@sample_user',
  ip: '203.0.113.7',
};

const PLACEHOLDER = /\{([a-z][a-z0-9_]{0,31})\}/g;

/** The sample value of a placeholder in `locale` (English words for a locale without its own). */
function sample(name: string, locale: string): string {
  const value = SAMPLES[name];
  if (value === undefined) return name;
  return typeof value === 'string' ? value : (value[locale] ?? value.en!);
}

export interface TemplatePreview {
  /** The message as it would go out: placeholders filled, and a code message's WebOTP line added. */
  readonly text: string;
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly parts: number;
  /** Characters as a person counts them (code points). */
  readonly characters: number;
  /** Septets (GSM-7) or UTF-16 units (UCS-2): what the parts are counted in. */
  readonly units: number;
  /** Units per SMS: one SMS's worth while the text fits in one, a part's once it is split. */
  readonly perPart: number;
}

/**
 * A body as a customer would receive it, with sample values, and its size in SMS (the same count the service
 * refuses a too long message by, text/sms-parts.ts). A code message is filled as the code sender fills it.
 * Placeholders that are not well formed are left as typed: the preview is for a text still being written.
 */
export function previewTemplate(key: string | undefined, locale: string, body: string, codes: CodeFill) {
  let text: string;
  if (key !== undefined && CODE_TEMPLATE_KEYS.has(key)) {
    const code = '1234567890'.repeat(2).slice(0, codes.codeLength);
    const values: Record<string, string> = { code, minutes: String(codes.minutes) };
    text = withWebOtpLine(
      body.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole),
      code,
      codes.webOtpDomain,
    );
  } else {
    text = body.replace(PLACEHOLDER, (_, name: string) => sample(name, locale));
  }
  const { encoding, units, parts } = smsParts(text);
  const limits = SMS_LIMITS[encoding];
  const preview: TemplatePreview = {
    text,
    encoding,
    parts,
    characters: Array.from(text).length,
    units,
    perPart: parts > 1 ? limits.part : limits.single,
  };
  return preview;
}
