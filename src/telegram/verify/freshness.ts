import { AppError } from '../../errors/app-error.ts';
import { invalid } from './check-string.ts';
import type { FreshnessRules } from './types.ts';

/**
 * The `auth_date` field in epoch seconds, refused as EXPIRED when older than `maxAgeSeconds` or further in the
 * future than `futureSkewSeconds`. Called only after the signature held, so that forged data is INVALID
 * whatever date it carries.
 */
export function freshAuthDate(value: string | undefined, rules: FreshnessRules): number {
  if (value === undefined || !/^[1-9][0-9]{0,11}$/.test(value)) throw invalid();
  const authDate = Number(value);
  const ageMs = rules.nowMs - authDate * 1000;
  if (ageMs > rules.maxAgeSeconds * 1000 || -ageMs > rules.futureSkewSeconds * 1000) {
    throw new AppError('TELEGRAM_AUTH_EXPIRED');
  }
  return authDate;
}
