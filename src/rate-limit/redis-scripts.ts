import type { Redis } from 'ioredis';

/**
 * Every charge of a request in one script, so one round trip: first every counter is read, and only when
 * each has room is each one counted. Redis runs a script alone, so nothing counts between the check and
 * the writes, and a refused request leaves every counter as it was. A counter is an integer that expires at
 * the end of its window (fixed windows), the layout rate-limiter-flexible's Redis store uses, so counters it
 * wrote keep counting. KEYS: the counters; ARGV: cost, points and window (ms) per key. Answers
 * `{1, ttl...}` (each counter's milliseconds left) or `{0, index, ttl}` for the first counter with no room.
 */
const TAKE = `
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('get', key) or '0')
  if count + tonumber(ARGV[3 * i - 2]) > tonumber(ARGV[3 * i - 1]) then
    return {0, i, redis.call('pttl', key)}
  end
end
local left = {1}
for i, key in ipairs(KEYS) do
  local window = tonumber(ARGV[3 * i])
  redis.call('set', key, 0, 'PX', window, 'NX')
  redis.call('incrby', key, tonumber(ARGV[3 * i - 2]))
  local ttl = redis.call('pttl', key)
  if ttl < 0 then
    redis.call('pexpire', key, window)
    ttl = window
  end
  left[#left + 1] = ttl
end
return left`;

/**
 * Gives points back to counters whose window is still the one they were taken from: a counter that has
 * expired is not recreated (that would open a window with room to spare, or a negative count), and none
 * goes below zero. KEYS: the counters; ARGV: the points for each.
 */
const GIVE_BACK = `
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('get', key) or '0')
  local points = math.min(count, tonumber(ARGV[i]))
  if points > 0 then redis.call('decrby', key, points) end
end
return #KEYS`;

/** Adds counts to keys, stretching a key's expiry to the later of its own and the one given. */
const CARRY = `
for i, key in ipairs(KEYS) do
  local points = tonumber(ARGV[2 * i - 1])
  local ttl = tonumber(ARGV[2 * i])
  redis.call('incrby', key, points)
  if redis.call('pttl', key) < ttl then redis.call('pexpire', key, ttl) end
end
return #KEYS`;

type Run = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

export interface CounterScripts {
  readonly take: Run;
  readonly giveBack: Run;
  readonly carry: Run;
}

/** The scripts, sent by hash (EVALSHA) once Redis has them, so each call carries its keys and numbers only. */
export function counterScripts(redis: Redis): CounterScripts {
  const define = (name: string, lua: string): Run => {
    redis.defineCommand(name, { lua });
    const command = (redis as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
    return (keys, args) => command.call(redis, keys.length, ...keys, ...args);
  };
  return {
    take: define('otpgateTake', TAKE),
    giveBack: define('otpgateGiveBack', GIVE_BACK),
    carry: define('otpgateCarry', CARRY),
  };
}
