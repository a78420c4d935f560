import { maskCredentials } from '../log/credentials.ts';
import { ConfigError } from './config-error.ts';
import { EnvSchema, SECRET_VARIABLES } from './schema.ts';

/** The parts of a variable's schema that say what it allows. */
interface VariableSchema {
  readonly type?: string;
  readonly anyOf?: ReadonlyArray<{ readonly const?: unknown }>;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  /** What a pattern allows, in words; a pattern alone would be printed as a regular expression. */
  readonly allowed?: string;
}

/**
 * Names that hold a credential even when nobody listed them in SECRET_VARIABLES, so that a variable added
 * later is not echoed by accident. Only string variables: `ACCESS_TOKEN_TTL_SECONDS` is a number.
 */
const SECRET_NAME = /(SECRET|PASSWORD|TOKEN|API_?KEY|PRIVATE_KEY)$/;

const schemaOf = (variable: string): VariableSchema =>
  (EnvSchema.properties as Record<string, VariableSchema | undefined>)[variable] ?? {};

export function isSecretVariable(variable: string): boolean {
  return SECRET_VARIABLES.has(variable) || (schemaOf(variable).type === 'string' && SECRET_NAME.test(variable));
}

/**
 * A value of a URL variable (its pattern names a scheme) that the URL parser cannot read: the pattern checks
 * only the start, and such a value would otherwise fail at the first request instead of at start.
 */
export function isUnreadableUrl(variable: string, value: unknown): boolean {
  const text = String(value);
  return Boolean(schemaOf(variable).pattern?.includes('://')) && text.includes('://') && !URL.canParse(text);
}

/** What the schema allows for `variable`, in words: `one of a, b, c`, `a whole number from 1 to 10`, ... */
export function allowedValues(variable: string): string {
  const schema = schemaOf(variable);
  if (schema.allowed) return schema.allowed;
  if (schema.anyOf) return `one of ${schema.anyOf.map((option) => String(option.const)).join(', ')}`;
  if (schema.type === 'boolean') return 'true or false';
  if (schema.type === 'integer' || schema.type === 'number') {
    const whole = schema.type === 'integer' ? 'a whole number' : 'a number';
    if (schema.minimum !== undefined && schema.maximum !== undefined) {
      return `${whole} from ${schema.minimum} to ${schema.maximum}`;
    }
    if (schema.minimum !== undefined) return `${whole} of at least ${schema.minimum}`;
    if (schema.maximum !== undefined) return `${whole} of at most ${schema.maximum}`;
    return whole;
  }
  if (schema.pattern) return `a value matching ${schema.pattern}`;
  if (schema.minLength && schema.minLength > 1) return `at least ${schema.minLength} characters`;
  return 'a value';
}

/**
 * What was found, fit to print: `"verbose"`, a URL with its password and tokens masked, `a value of 12
 * characters` for a secret, `nothing` when unset.
 */
export function shownValue(variable: string, value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = String(value);
  if (isSecretVariable(variable)) return `a value of ${text.length} characters`;
  return JSON.stringify(maskCredentials(text));
}

export interface Refusal {
  /** What is allowed, when the schema alone does not say it (a rule across variables). */
  readonly expected?: string;
  /** Which part of what was found is wrong, after it: `(XX is not one)`. */
  readonly note?: string;
}

/**
 * `Invalid configuration: LOG_LEVEL: expected one of fatal, ...; got "verbose"`: one line, naming the
 * variable, what it allows and what it holds (masked or left out as `shownValue` says).
 */
export function invalid(variable: string, value: unknown, refusal: Refusal = {}): ConfigError {
  const expected = refusal.expected ?? allowedValues(variable);
  const note = refusal.note ? ` (${refusal.note})` : '';
  return new ConfigError(
    `Invalid configuration: ${variable}: expected ${expected}; got ${shownValue(variable, value)}${note}`.replace(
      /[\r\n]+/g,
      ' ',
    ),
  );
}
