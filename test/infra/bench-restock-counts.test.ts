import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chatCounts, FIRST_CHAT_ID, PHONE_PREFIX } from '../../scripts/bench/alerts.ts';
import { startSmsSink, type SmsSink } from '../../scripts/bench/sink.ts';

// The restock scenario of `npm run bench` passes or fails on these counts: a subscriber's message lost or
// sent twice must show, and nothing else may be counted as one.

const subscriber = (n: number) => `${PHONE_PREFIX}${String(n).padStart(7, '0')}`;

describe('bench restock: the SMS sink counts each subscriber', () => {
  let sink: SmsSink;
  before(async () => {
    sink = await startSmsSink();
  });
  after(() => sink.close());

  const post = async (to: string, reference: string) => {
    const response = await fetch(sink.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to, text: 'back in stock', template: 'stock_alert', params: {}, reference }),
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('counts distinct numbers under the prefix, a second message to one as repeated, and no 429', async () => {
    const counts = sink.countRecipients(PHONE_PREFIX);
    assert.equal(await post(subscriber(1), 'r1'), 200);
    assert.equal(await post(subscriber(1), 'r2'), 200);
    assert.equal(await post(subscriber(2), 'r3'), 200);
    assert.equal(await post('+989121234567', 'r4'), 200); // not a subscriber's number
    assert.equal(counts.distinct(), 2);
    assert.equal(counts.repeated(), 1);
    assert.notEqual(counts.lastAt(), null);

    // A message the sink refused (429) is tried again by the queue: it is not a delivery.
    sink.limitRate(1);
    assert.equal(await post(subscriber(3), 'r5'), 200);
    assert.equal(await post(subscriber(4), 'r6'), 429);
    sink.limitRate(null);
    assert.equal(counts.distinct(), 3);
    assert.equal(counts.repeated(), 1);

    counts.stop();
    assert.equal(await post(subscriber(5), 'r7'), 200);
    const again = sink.countRecipients(PHONE_PREFIX);
    assert.equal(again.distinct(), 0, 'a new count starts empty');
    again.stop();
  });
});

describe('bench restock: the Bot API calls are counted per chat', () => {
  const send = (chat: number, at: number) => ({ method: 'sendMessage', params: { chat_id: chat }, at });

  it('counts each subscribed chat once, repeats, chats outside the range, and the last arrival', () => {
    const counts = chatCounts(
      [
        { method: 'getMe', params: {}, at: 1 },
        send(FIRST_CHAT_ID, 10),
        send(FIRST_CHAT_ID + 1, 11),
        send(FIRST_CHAT_ID, 12),
        send(FIRST_CHAT_ID + 2, 13), // past the two subscribed chats
        send(42, 14),
      ],
      2,
    );
    assert.deepEqual(counts, {
      distinct: 2,
      repeated: 1,
      strangers: 2,
      delivered: 5,
      lastAt: 14,
      busiestSecond: 5,
    });
  });

  it('finds the busiest second as a sliding window', () => {
    const at = [0, 100, 999, 1000, 1500, 1998, 1999, 3500].map((ms) => send(FIRST_CHAT_ID, ms));
    // 1000, 1500, 1998 and 1999 fall within one second; 0 to 999 holds only three.
    assert.equal(chatCounts(at, 1).busiestSecond, 4);
  });
});
