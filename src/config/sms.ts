import { parseMobile } from '../phone/parse.ts';
import { invalid, type Refusal } from './explain.ts';
import { SMS_PROVIDER_NAMES, type Env } from './schema.ts';

export type SmsProviderName = (typeof SMS_PROVIDER_NAMES)[number];

/** A number that gets no SMS: its code is always `code`. */
export interface TestNumber {
  readonly phoneNumber: string;
  readonly code: string;
}

/** The variables each provider cannot work without, as the start-up error names them. */
const NEEDS: Readonly<Record<SmsProviderName, ReadonlyArray<keyof Env>>> = {
  melipayamak: ['MELIPAYAMAK_USERNAME', 'MELIPAYAMAK_PASSWORD', 'SMS_SENDER_NUMBER'],
  kavenegar: ['KAVENEGAR_API_KEY'],
  // Code messages are free text until approved templates exist, and SMS.ir sends free text only from a line.
  smsir: ['SMSIR_API_KEY', 'SMSIR_LINE_NUMBER'],
  webhook: ['SMS_WEBHOOK_URL'],
  telegram_gateway: ['TELEGRAM_GATEWAY_TOKEN'],
  console: [],
};

/** The providers picked when none is named: every one whose settings are complete, in this order. */
const AUTOMATIC: readonly SmsProviderName[] = ['melipayamak', 'kavenegar', 'smsir'];

const ready = (name: SmsProviderName, env: Env) => NEEDS[name].every((variable) => env[variable] !== undefined);

/** Above this a ceiling protects nothing; below the floor a queue could not even be tried. */
const MAX_RATE_PER_SECOND = 10_000;
const MIN_RATE_PER_SECOND = 0.1;

const TEST_NUMBERS = 'NUMBER:CODE pairs separated by commas, each CODE of OTP_LENGTH digits';

/** `A, B and C`. */
const listed = (names: readonly string[]) => names.join(', ').replace(/, ([^,]+)$/, ' and $1');

function refuse(variable: keyof Env, env: Env, refusal: Refusal): never {
  throw invalid(variable, env[variable], refusal);
}

/**
 * The providers a message is tried on, in order. SMS_ENABLED=false forces the console fallback; otherwise
 * SMS_PROVIDERS or SMS_PROVIDER as written; otherwise every provider whose settings are complete; otherwise
 * the console fallback. A named provider whose settings are missing stops the start, because an operator who
 * asked for it would otherwise lose it without noticing.
 */
export function chooseProviders(env: Env): readonly SmsProviderName[] {
  if (env.SMS_PROVIDER && env.SMS_PROVIDERS) {
    refuse('SMS_PROVIDERS', env, {
      expected: 'either SMS_PROVIDER (one provider) or SMS_PROVIDERS (a list), not both',
      note: `SMS_PROVIDER=${env.SMS_PROVIDER} is set too`,
    });
  }
  if (!env.SMS_ENABLED) return ['console'];
  const variable = env.SMS_PROVIDERS ? 'SMS_PROVIDERS' : 'SMS_PROVIDER';
  const named = env.SMS_PROVIDERS
    ? env.SMS_PROVIDERS.split(',').map((name) => name.trim() as SmsProviderName)
    : env.SMS_PROVIDER && [env.SMS_PROVIDER];
  if (!named) {
    const automatic = AUTOMATIC.filter((name) => ready(name, env));
    return automatic.length > 0 ? automatic : ['console'];
  }
  const repeated = named.find((name, index) => named.indexOf(name) !== index);
  if (repeated) refuse(variable, env, { expected: 'each provider once', note: `${repeated} is listed twice` });
  // The fallback never fails, so behind a live provider it would turn an outage into codes written to a log.
  if (named.length > 1 && named.includes('console')) {
    refuse(variable, env, {
      expected: 'live providers, or console alone',
      note: 'console is the development fallback and cannot be listed with other providers',
    });
  }
  for (const name of named) {
    if (!ready(name, env)) {
      const missing = NEEDS[name].filter((needed) => env[needed] === undefined);
      refuse(variable, env, {
        expected: `providers whose settings are set (${name} needs ${listed(NEEDS[name])})`,
        note: `${listed(missing)} ${missing.length > 1 ? 'are' : 'is'} not set`,
      });
    }
  }
  return named;
}

/** The longest code Telegram Gateway takes (`code`: 4 to 8 digits; reference/telegram.md §5). */
const GATEWAY_MAX_CODE_LENGTH = 8;

/** The Gateway refuses codes longer than 8 digits, so listing it with a longer OTP_LENGTH stops the start. */
export function checkGatewayCodeLength(env: Env, providers: readonly SmsProviderName[]): void {
  if (providers.includes('telegram_gateway') && env.OTP_LENGTH > GATEWAY_MAX_CODE_LENGTH) {
    refuse('OTP_LENGTH', env, {
      expected: `at most ${GATEWAY_MAX_CODE_LENGTH} digits while telegram_gateway is listed`,
      note: 'Telegram Gateway takes codes of 4 to 8 digits',
    });
  }
}

/**
 * SMS_TEST_NUMBERS, `+989000000001:123456,...`: each number parsed as a code request's number would be (so
 * any form people type works and the stored form matches), each code exactly OTP_LENGTH digits. Codes never
 * appear in an error: anyone who knows one can sign in as that number.
 */
export function parseTestNumbers(env: Env, allowedCountries: readonly string[]): readonly TestNumber[] {
  if (!env.SMS_TEST_NUMBERS) return [];
  const problem: (note: string, expected?: string) => never = (note, expected = TEST_NUMBERS) =>
    refuse('SMS_TEST_NUMBERS', env, { expected, note });
  const parsed: TestNumber[] = [];
  env.SMS_TEST_NUMBERS.split(',').forEach((entry, index) => {
    const at = `entry ${index + 1}`;
    const separator = entry.lastIndexOf(':');
    if (separator < 0) problem(`${at} is not NUMBER:CODE`);
    const typed = entry.slice(0, separator).trim();
    const code = entry.slice(separator + 1).trim();
    const phone = parseMobile(typed, allowedCountries);
    if (!phone) problem(`${at} (${JSON.stringify(typed)}) is not a mobile number of PHONE_ALLOWED_COUNTRIES`);
    if (!new RegExp(`^\\d{${env.OTP_LENGTH}}$`).test(code)) {
      problem(`${at} (${phone.e164}): the code must be ${env.OTP_LENGTH} digits (OTP_LENGTH)`);
    }
    if (parsed.some((known) => known.phoneNumber === phone.e164)) problem(`${at}: ${phone.e164} is listed twice`);
    parsed.push({ phoneNumber: phone.e164, code });
  });
  if (env.NODE_ENV === 'production' && !env.SMS_TEST_NUMBERS_IN_PRODUCTION) {
    problem('NODE_ENV=production', 'no test numbers in production, unless SMS_TEST_NUMBERS_IN_PRODUCTION=true');
  }
  return parsed;
}

/**
 * SMS_QUEUE_RATE_PER_SECOND: each provider's ceiling for queued calls from one instance. `50` sets every
 * provider; `melipayamak:20,kavenegar:10` sets those two, and a bare number among them sets the rest (50
 * without one). Per provider because each provider's account has its own limit.
 */
export function parseQueueRates(env: Env): Readonly<Record<SmsProviderName, number>> {
  const problem = (note: string): never =>
    refuse('SMS_QUEUE_RATE_PER_SECOND', env, {
      expected: `rates from ${MIN_RATE_PER_SECOND} to ${MAX_RATE_PER_SECOND} calls per second, each provider once`,
      note,
    });
  const named = new Map<string, number>();
  let rest: number | undefined;
  for (const entry of env.SMS_QUEUE_RATE_PER_SECOND.split(',')) {
    const [first, second] = entry.split(':').map((part) => part.trim());
    const name = second === undefined ? undefined : first!;
    const rate = Number(second ?? first);
    if (rate < MIN_RATE_PER_SECOND || rate > MAX_RATE_PER_SECOND) problem(`${rate} is out of range`);
    if (name === undefined) {
      if (rest !== undefined) problem('more than one rate without a provider');
      rest = rate;
      continue;
    }
    if (!(SMS_PROVIDER_NAMES as readonly string[]).includes(name)) problem(`${name} is not a provider`);
    if (named.has(name)) problem(`${name} is listed twice`);
    named.set(name, rate);
  }
  const fallback = rest ?? DEFAULT_RATE_PER_SECOND;
  return Object.fromEntries(SMS_PROVIDER_NAMES.map((name) => [name, named.get(name) ?? fallback])) as Record<
    SmsProviderName,
    number
  >;
}

/** For providers a per-provider SMS_QUEUE_RATE_PER_SECOND leaves out: the schema's default. */
const DEFAULT_RATE_PER_SECOND = 50;
