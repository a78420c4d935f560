import type { Migration } from 'kysely';
import * as initial from './0001_initial.ts';
import * as otpResend from './0002_otp_resend.ts';
import * as apiKeys from './0003_api_keys.ts';

/**
 * Every migration, in order. Listed in code rather than read from a folder so that the same list serves
 * `tsx`, a compiled build and the tests. A name's number is its schema version.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_otp_resend': otpResend,
  '0003_api_keys': apiKeys,
};

export const LATEST_SCHEMA_VERSION = Object.keys(MIGRATIONS).length;
