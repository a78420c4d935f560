import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { counterBatch, type CounterBatch } from '../../src/rate-limit/redis-batch.ts';
import { redisSkip, redisUrl } from '../helpers/backends.ts';

const WINDOW_MS = 60_000;
/** A take's numbers for `keys`: one point each, at most `points`, a minute's window. */
const takeArgs = (keys: readonly string[], points: number) => keys.flatMap(() => [1, points, WINDOW_MS]);

describe('the counters of concurrent requests, batched into one script', { skip: redisSkip }, () => {
  let redis: Redis;
  let inspector: Redis;
  let batch: CounterBatch;
  let prefix: string;
  /** The scripts this connection sent: each is one round trip, whatever it carries. */
  let scriptsSent = 0;

  before(async () => {
    redis = new Redis(redisUrl!);
    inspector = new Redis(redisUrl!);
    const send = redis.sendCommand.bind(redis);
    redis.sendCommand = (command, stream) => {
      if (/^eval/i.test(command.name)) scriptsSent += 1;
      return send(command, stream);
    };
    batch = counterBatch(redis);
    prefix = `batchtest${randomBytes(4).toString('hex')}:`;
    // The first call loads the script (EVALSHA refused, then EVAL): a second script once only.
    await batch.giveBack([`${prefix}warm`], [1]);
  });
  after(async () => {
    const keys = await inspector.keys(`${prefix}*`);
    if (keys.length) await inspector.del(...keys);
    redis.disconnect();
    inspector.disconnect();
  });

  const counts = async (keys: readonly string[]) => (await inspector.mget(...keys)).map((v) => Number(v ?? 0));

  it('sends the calls made in one turn as one script, and each gets its own answer', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => [`${prefix}one:${i}`, `${prefix}shared`]);
    const before = scriptsSent;
    const answers = await Promise.all(keys.map((pair) => batch.take(pair, takeArgs(pair, 15))));
    assert.equal(scriptsSent - before, 1, 'one round trip for twenty takes');
    // The shared counter has room for 15: the first 15 in call order are allowed, the last 5 refused at it.
    assert.deepEqual(
      answers.map((a) => a[0]),
      [...Array(15).fill(1), ...Array(5).fill(0)],
    );
    for (const refused of answers.slice(15)) assert.equal(refused[1], 2, 'refused at its second counter');
    for (const allowed of answers.slice(0, 15)) {
      assert.equal(allowed.length, 3);
      for (const ttl of allowed.slice(1)) assert.ok(ttl! > WINDOW_MS - 5000 && ttl! <= WINDOW_MS, `ttl ${ttl}`);
    }
    // A refused take counted nothing, its own counter included.
    assert.deepEqual(await counts(keys.map(([own]) => own!)), [...Array(15).fill(1), ...Array(5).fill(0)]);
    assert.deepEqual(await counts([`${prefix}shared`]), [15]);
  });

  it('runs takes and give-backs in the order asked, as the same calls one after another would', async () => {
    const key = `${prefix}ordered`;
    const before = scriptsSent;
    const [first, second, , third, fourth] = await Promise.all([
      batch.take([key], takeArgs([key], 2)),
      batch.take([key], takeArgs([key], 2)),
      batch.giveBack([key], [1]),
      batch.take([key], takeArgs([key], 2)),
      batch.take([key], takeArgs([key], 2)),
    ]);
    assert.equal(scriptsSent - before, 1);
    // Two taken, one given back, so the third fits and the fourth does not.
    assert.deepEqual([first![0], second![0], third![0], fourth![0]], [1, 1, 1, 0]);
    assert.deepEqual(await counts([key]), [2]);
  });

  it('gives back no more than a counter holds, and does not make one that has gone', async () => {
    const held = `${prefix}held`;
    const gone = `${prefix}gone`;
    await batch.take([held], takeArgs([held], 5));
    await batch.giveBack([held, gone], [3, 1]);
    assert.deepEqual(await counts([held]), [0]);
    assert.equal(await inspector.exists(gone), 0);
  });

  it('splits a turn of more than a hundred calls into scripts of a hundred, answering each call', async () => {
    const key = `${prefix}many`;
    const before = scriptsSent;
    const answers = await Promise.all(Array.from({ length: 250 }, () => batch.take([key], takeArgs([key], 240))));
    assert.equal(scriptsSent - before, 3);
    assert.equal(answers.filter((a) => a[0] === 1).length, 240);
    assert.deepEqual(
      answers.slice(240).map((a) => a[0]),
      Array(10).fill(0),
      'the last ten, in call order, refused',
    );
    assert.deepEqual(await counts([key]), [240]);
  });

  it('fails every call of a batch that Redis does not answer', async () => {
    const lost = new Redis(redisUrl!, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    lost.on('error', () => {});
    const broken = counterBatch(lost);
    const results = await Promise.allSettled([
      broken.take([`${prefix}x`], takeArgs([`${prefix}x`], 1)),
      broken.giveBack([`${prefix}y`], [1]),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    lost.disconnect();
  });
});
