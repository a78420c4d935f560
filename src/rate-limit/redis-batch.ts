import type { Redis } from 'ioredis';
import { defineScript } from './redis-scripts.ts';

/**
 * The counters' one script. A take counts every charge of a request, all or none: first each counter is
 * read, and only when each has room is each one counted, so a refused request leaves every counter as it
 * was. A give-back returns points to counters whose window is still the one they were taken from: a counter
 * that has expired is not made again (that would open a window with room to spare), and none goes below
 * zero. A counter is an integer that expires at the end of its window (fixed windows), the layout
 * rate-limiter-flexible's Redis store uses, so counters it wrote keep counting.
 *
 * One call of the script carries the takes and give-backs of every request that reached the counters in
 * the same turn of the event loop, run one after another in the order they were asked. Redis runs a script
 * alone, so nothing counts between a take's check and its writes, and a batch answers exactly as the same
 * calls in a row would. KEYS: every call's counters in turn; ARGV: the number of calls, then per call its
 * kind (`t` or `g`), its number of counters and its numbers (a take: cost, points and window in ms per
 * counter; a give-back: points per counter). Answers one entry per call: a take `{1, ttl...}` (each
 * counter's milliseconds left) or `{0, index, ttl}` for the first counter with no room; a give-back its
 * number of counters.
 */
const BATCH = `
local answers = {}
local k = 0
local a = 2
for call = 1, tonumber(ARGV[1]) do
  local kind = ARGV[a]
  local n = tonumber(ARGV[a + 1])
  a = a + 2
  if kind == 't' then
    local refused = nil
    for i = 1, n do
      local key = KEYS[k + i]
      local count = tonumber(redis.call('get', key) or '0')
      if count + tonumber(ARGV[a + 3 * i - 3]) > tonumber(ARGV[a + 3 * i - 2]) then
        refused = {0, i, redis.call('pttl', key)}
        break
      end
    end
    if refused then
      answers[call] = refused
    else
      local left = {1}
      for i = 1, n do
        local key = KEYS[k + i]
        local window = tonumber(ARGV[a + 3 * i - 1])
        redis.call('set', key, 0, 'PX', window, 'NX')
        redis.call('incrby', key, tonumber(ARGV[a + 3 * i - 3]))
        local ttl = redis.call('pttl', key)
        if ttl < 0 then
          redis.call('pexpire', key, window)
          ttl = window
        end
        left[#left + 1] = ttl
      end
      answers[call] = left
    end
    a = a + 3 * n
  else
    for i = 1, n do
      local key = KEYS[k + i]
      local count = tonumber(redis.call('get', key) or '0')
      local points = math.min(count, tonumber(ARGV[a + i - 1]))
      if points > 0 then redis.call('decrby', key, points) end
    end
    answers[call] = n
    a = a + n
  end
  k = k + n
end
return answers`;

/**
 * Calls per script at most: a hundred code requests' limits are about 600 counters and 2,000 Redis commands,
 * a millisecond or two during which Redis serves nothing else.
 */
const MOST_CALLS = 100;

interface Call {
  readonly kind: 't' | 'g';
  readonly keys: readonly string[];
  readonly args: readonly number[];
  resolve(answer: unknown): void;
  reject(error: unknown): void;
}

export interface CounterBatch {
  /** Takes from `keys`, all or none: cost, points and window (ms) per key in `args`. */
  take(keys: readonly string[], args: readonly number[]): Promise<number[]>;
  /** Gives `points` back to each of `keys` still in the window they were taken from. */
  giveBack(keys: readonly string[], points: readonly number[]): Promise<void>;
}

/**
 * Sent after the I/O callbacks of the turn (`setImmediate`), so the requests that arrived together go
 * together; a lone request waits for nothing else. The script goes by hash (EVALSHA) once Redis has it. A
 * call that fails fails every call of its batch, and each caller decides what then (failover.ts).
 */
export function counterBatch(redis: Redis): CounterBatch {
  const run = defineScript<unknown[]>(redis, 'otpgateBatch', BATCH);
  let waiting: Call[] = [];

  function send(): void {
    while (waiting.length > 0) sendBatch(waiting.splice(0, MOST_CALLS));
  }

  function sendBatch(calls: readonly Call[]): void {
    const keys = calls.flatMap((call) => call.keys);
    const args = [calls.length, ...calls.flatMap((call) => [call.kind, call.keys.length, ...call.args])];
    run(keys, args).then(
      (answers) => calls.forEach((call, i) => call.resolve(answers[i])),
      (error: unknown) => calls.forEach((call) => call.reject(error)),
    );
  }

  const ask = (kind: Call['kind'], keys: readonly string[], args: readonly number[]) =>
    new Promise<unknown>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(send);
      waiting.push({ kind, keys, args, resolve, reject });
    });

  return {
    take: (keys, args) => ask('t', keys, args) as Promise<number[]>,
    giveBack: async (keys, points) => void (await ask('g', keys, points)),
  };
}
