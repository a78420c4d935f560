import type { Redis } from 'ioredis';

/**
 * Adds counts to keys, stretching a key's expiry to the later of its own and the one given. KEYS: the
 * counters; ARGV: points and milliseconds left per key. (A request's takes and give-backs are
 * `redis-batch.ts`'s script.)
 */
const CARRY = `
for i, key in ipairs(KEYS) do
  local points = tonumber(ARGV[2 * i - 1])
  local ttl = tonumber(ARGV[2 * i])
  redis.call('incrby', key, points)
  if redis.call('pttl', key) < ttl then redis.call('pexpire', key, ttl) end
end
return #KEYS`;

/** Counts taken in the database while Redis was away, moved into Redis (see failover.ts). */
export function carryScript(redis: Redis): (keys: readonly string[], args: readonly number[]) => Promise<unknown> {
  redis.defineCommand('otpgateCarry', { lua: CARRY });
  const command = (redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>).otpgateCarry!;
  return (keys, args) => command.call(redis, keys.length, ...keys, ...args);
}
