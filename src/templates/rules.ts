import { OTP_TEMPLATES, SERVICE_TEMPLATES, withWebOtpLine } from '../sms/messages.ts';
import { fill, placeholdersOf } from './placeholders.ts';
import type { ProviderApproval } from './record.ts';
import type { TemplateInput } from './repository.ts';

/** Keys the code sender renders. They must carry `{code}` and may use only what it fills in. */
export const CODE_TEMPLATE_KEYS: ReadonlySet<string> = new Set(Object.values(OTP_TEMPLATES));

/**
 * The service's own templates, which it sends by itself: the code messages, and the notice to the number an
 * account left. Their last locale cannot be deleted: without it every code request, or every notice of a
 * phone change (a security notice), would fail.
 */
export const REQUIRED_TEMPLATE_KEYS: ReadonlySet<string> = SERVICE_TEMPLATES;

/** The Telegram bot's messages (`telegram_bot_*`), which each bot feature seeds and sends itself. */
const BOT_TEMPLATE_PREFIX = 'telegram_bot_';

/** Whether the service sends this key's messages itself, with values of its own (and so needs it to exist). */
export function isSentByService(key: string): boolean {
  return REQUIRED_TEMPLATE_KEYS.has(key) || key.startsWith(BOT_TEMPLATE_PREFIX);
}

/** What the code sender fills in. A placeholder beyond these would fail every code request of that locale. */
const CODE_PARAMS: readonly string[] = ['code', 'minutes'];

/**
 * The providers with a template call, and what their template ids look like: Melipayamak's `bodyId` and
 * SMS.ir's template id are numbers, Kavenegar's is the template's name. `maxArgs` is what the call can
 * carry (Kavenegar's lookup has five token fields).
 */
const TEMPLATE_PROVIDERS: Readonly<Record<string, { id: RegExp; maxArgs: number }>> = {
  melipayamak: { id: /^\d{1,18}$/, maxArgs: 20 },
  kavenegar: { id: /^[A-Za-z0-9_-]{1,64}$/, maxArgs: 5 },
  smsir: { id: /^\d{1,15}$/, maxArgs: 20 },
};

export const APPROVING_PROVIDERS = Object.keys(TEMPLATE_PROVIDERS);

/** What is wrong with a template about to be saved for `key`, or null when nothing is. */
export function templateProblem(key: string, input: TemplateInput): string | null {
  if (input.body.trim() === '') return 'body is empty';
  const parsed = placeholdersOf(input.body);
  if (!parsed.ok) return parsed.problem;
  if (CODE_TEMPLATE_KEYS.has(key)) {
    if (!parsed.names.includes('code')) return `${key} is a code message: its body must contain {code}`;
    const other = parsed.names.find((name) => !CODE_PARAMS.includes(name));
    if (other) return `${key} is a code message: its body may use only {code} and {minutes}, not {${other}}`;
  }
  for (const [provider, approval] of Object.entries(input.approved)) {
    const problem = approvalProblem(provider, approval, parsed.names);
    if (problem) return `approved.${provider}: ${problem}`;
  }
  return null;
}

function approvalProblem(provider: string, { id, args }: ProviderApproval, names: readonly string[]): string | null {
  const rules = Object.hasOwn(TEMPLATE_PROVIDERS, provider) ? TEMPLATE_PROVIDERS[provider] : undefined;
  if (!rules) return `not a provider with approved templates (${APPROVING_PROVIDERS.join(', ')})`;
  if (!rules.id.test(id)) return `"${id}" is not a ${provider} template id`;
  if (args.length > rules.maxArgs) return `${provider} takes at most ${rules.maxArgs} arguments`;
  const unknown = args.find((arg) => !names.includes(arg));
  return unknown === undefined ? null : `argument "${unknown}" is not a placeholder of the body`;
}

/** What the code sender fills a code message with: OTP_LENGTH digits, the minutes, the WebOTP line. */
export interface CodeFill {
  readonly codeLength: number;
  readonly minutes: number;
  readonly webOtpDomain?: string | undefined;
}

/**
 * The shortest text a template with these placeholders can go out as: one character for each value, except
 * that a code message is filled as the code sender fills it. A body too long even so can never be sent.
 */
export function shortestRendering(key: string, body: string, names: readonly string[], codes: CodeFill): string {
  if (!CODE_TEMPLATE_KEYS.has(key)) return fill(body, Object.fromEntries(names.map((name) => [name, 'x'])));
  const code = '0'.repeat(codes.codeLength);
  return withWebOtpLine(fill(body, { code, minutes: String(codes.minutes) }), code, codes.webOtpDomain);
}
