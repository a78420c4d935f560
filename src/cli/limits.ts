import type { Config } from '../config/index.ts';
import { deriveKeys } from '../crypto/keys.ts';
import { ipCounters, otpRules, phoneCounters } from '../otp/limits.ts';
import { CLI_ACTOR } from '../audit/actor.ts';
import { recordAudit } from '../audit/repository.ts';
import { maskPhone, parseMobile } from '../phone/parse.ts';
import { clientAddress } from '../rate-limit/address-key.ts';
import type { Charge } from '../rate-limit/limiter.ts';
import { resetCounters } from '../rate-limit/reset.ts';
import { parseCommand, usageError } from './args.ts';
import { openCommandDatabase } from './database.ts';

export const LIMITS_USAGE = `usage: otpgate limits reset --phone NUMBER | --ip ADDRESS

  limits reset --phone NUMBER  clear a number's code-request limits (resend wait, hourly count and failed
                               sends, every purpose); NUMBER in any form the API accepts (0912..., +98912...)
  limits reset --ip ADDRESS    clear an address's code-request, failed-check and failed-send limits; ADDRESS
                               as a request's is read (1.2.3.4, 1.2.3.4:port, 2001:db8::1, [2001:db8::1]:port);
                               an IPv6 address clears its whole network (OTP_IPV6_PREFIX)

  Both may be given at once. Counters are cleared in the database and, when REDIS_URL is set, in Redis.
  The service-wide daily SMS limit is not touched.
`;

export type LimitsConfig = Pick<Config, 'database' | 'redis' | 'phone' | 'otp' | 'sms' | 'authSecret'>;

/** `limits reset`: lets support unlock a number or an address that hit its limits. */
export async function runLimits(readConfig: () => LimitsConfig, argv: readonly string[]): Promise<number> {
  const line = parseCommand('limits', argv, { phone: { type: 'string' }, ip: { type: 'string' } }, LIMITS_USAGE);
  if (typeof line === 'number') return line;
  const [action, extra] = line.positionals;
  if (action !== 'reset') {
    return usageError('limits', action ? `unknown action "${action}"` : 'an action is needed', LIMITS_USAGE);
  }
  if (extra !== undefined) return usageError('limits', `unexpected argument "${extra}"`, LIMITS_USAGE);
  const phone = line.values.phone as string | undefined;
  const ip = line.values.ip as string | undefined;
  if (phone === undefined && ip === undefined) return usageError('limits', 'give --phone or --ip', LIMITS_USAGE);

  const config = readConfig();
  // Counters are keyed by a hash of the number under a key from AUTH_SECRET: the service's own, or the
  // reset would clear counters nobody uses.
  const rules = otpRules(config, deriveKeys(config.authSecret!).rateLimitPhone);
  const charges: Charge[] = [];
  const cleared: string[] = [];
  let phoneCleared: string | undefined;
  if (phone !== undefined) {
    // Parsed as a code request's number is, so that any form support is given finds the stored counter.
    const parsed = parseMobile(phone, config.phone.allowedCountries);
    if (!parsed) {
      process.stderr.write(
        `otpgate: limits: --phone: "${phone}" is not a mobile number of ${config.phone.allowedCountries.join(', ')} (PHONE_ALLOWED_COUNTRIES)\n`,
      );
      return 2;
    }
    charges.push(...phoneCounters(rules, parsed.e164));
    cleared.push(parsed.e164);
    phoneCleared = parsed.e164;
  }
  if (ip !== undefined) {
    // Read as a request's address is, so that an address copied from a log line (port and all) is found.
    const address = clientAddress(ip);
    if (address === null) {
      process.stderr.write(
        `otpgate: limits: --ip: "${ip}" is not an IPv4 or IPv6 address (1.2.3.4, 1.2.3.4:port, 2001:db8::1, [2001:db8::1]:port)\n`,
      );
      return 2;
    }
    charges.push(...ipCounters(rules, address, config.otp.ipv6PrefixBits));
    cleared.push(address);
  }

  const database = await openCommandDatabase(config.database);
  try {
    await resetCounters({ database, redisUrl: config.redis.url, redisKeyPrefix: config.redis.keyPrefix }, charges);
    // After the reset, not with it: Redis's counters are no transaction of the database's.
    const summary = {
      phone: phoneCleared === undefined ? null : maskPhone(phoneCleared),
      ip: ip === undefined ? null : cleared.at(-1)!,
    };
    await recordAudit(database.db, { actor: CLI_ACTOR, action: 'limits.reset', target: null, summary }, Date.now());
  } finally {
    await database.close();
  }
  const stores = config.redis.url ? 'the database and Redis' : 'the database';
  process.stdout.write(`cleared the rate limits of ${cleared.join(' and ')} in ${stores}\n`);
  return 0;
}
