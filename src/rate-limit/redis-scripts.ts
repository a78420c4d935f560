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

/** A Lua script as a command of `redis`, sent by hash (EVALSHA) once Redis has it. */
export function defineScript<Answer>(
  redis: Redis,
  name: string,
  lua: string,
): (keys: readonly string[], args: readonly (string | number)[]) => Promise<Answer> {
  redis.defineCommand(name, { lua });
  const command = (redis as unknown as Record<string, (...args: unknown[]) => Promise<Answer>>)[name]!;
  return (keys, args) => command.call(redis, keys.length, ...keys, ...args);
}

/** Counts taken in the database while Redis was away, moved into Redis (see failover.ts). */
export const carryScript = (redis: Redis) => defineScript<unknown>(redis, 'otpgateCarry', CARRY);
