import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWebhookProvider } from '../../src/sms/providers/webhook.ts';
import { standardWebhookHeaders, webhookSigningKey } from '../../src/sms/providers/webhook-signature.ts';
import { startFakeWebhookSink, type FakeWebhookSink } from '../helpers/fake-webhook-sink.ts';
import { verifyStandardWebhook } from '../helpers/standard-webhooks.ts';

// The test vector published with the Standard Webhooks reference libraries.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const MESSAGE = { to: '+989121234567', text: 'code 123456', template: 'otp_login', params: { code: '123456' } };
const PLAIN_SECRET = 'a-plain-shared-secret-0123';

describe('webhook signatures (Standard Webhooks)', () => {
  let sink: FakeWebhookSink;
  before(async () => (sink = await startFakeWebhookSink()));
  after(() => sink.close());

  it("reproduces the specification's test vector exactly", () => {
    const headers = standardWebhookHeaders(webhookSigningKey(VECTOR.secret), VECTOR.id, VECTOR.timestamp, VECTOR.body);
    assert.deepEqual(headers, {
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': VECTOR.signature,
    });
  });

  for (const secret of [VECTOR.secret, PLAIN_SECRET]) {
    it(`a receiver that follows the spec accepts what is sent (${secret.startsWith('whsec_') ? 'whsec_ secret' : 'plain secret'})`, async () => {
      await createWebhookProvider({ url: sink.url, secret, timeoutMs: 2000 }).send({ ...MESSAGE, reference: 'r-1' });
      const { headers, rawBody } = sink.requests.at(-1)!;
      assert.equal(verifyStandardWebhook(secret, headers, rawBody, Date.now() / 1000), null);
      assert.match(String(headers['webhook-signature']), /^v1,[A-Za-z0-9+/]{43}=$/);
      // A changed body, or another secret, is refused.
      assert.equal(
        verifyStandardWebhook(secret, headers, Buffer.concat([rawBody, Buffer.from(' ')]), Date.now() / 1000),
        'no signature matches',
      );
      const other = secret.startsWith('whsec_')
        ? `whsec_${Buffer.from('another key, 24 bytes...').toString('base64')}`
        : `${secret}x`;
      assert.equal(verifyStandardWebhook(other, headers, rawBody, Date.now() / 1000), 'no signature matches');
    });
  }

  it('a captured request replayed later is refused for its timestamp, which the signature covers', async () => {
    const sentAt = Date.parse('2026-01-01T00:00:00Z');
    await createWebhookProvider({ url: sink.url, secret: VECTOR.secret, timeoutMs: 2000, now: () => sentAt }).send(
      MESSAGE,
    );
    const { headers, rawBody } = sink.requests.at(-1)!;
    assert.equal(headers['webhook-timestamp'], String(sentAt / 1000));
    assert.equal(verifyStandardWebhook(VECTOR.secret, headers, rawBody, sentAt / 1000 + 60), null);
    assert.equal(
      verifyStandardWebhook(VECTOR.secret, headers, rawBody, sentAt / 1000 + 600),
      'timestamp outside the tolerance',
    );
    // Moving the timestamp forward breaks the signature.
    const fresh = { ...headers, 'webhook-timestamp': String(sentAt / 1000 + 600) };
    assert.equal(verifyStandardWebhook(VECTOR.secret, fresh, rawBody, sentAt / 1000 + 600), 'no signature matches');
  });

  it('every try of one message carries the same webhook-id; different messages differ', async () => {
    const provider = createWebhookProvider({ url: sink.url, secret: VECTOR.secret, timeoutMs: 2000 });
    await provider.send({ ...MESSAGE, reference: 'sms-77' });
    await provider.send({ ...MESSAGE, reference: 'sms-77' });
    await provider.send({ ...MESSAGE, reference: 'sms-78' });
    await provider.send(MESSAGE);
    await provider.send(MESSAGE);
    const ids = sink.requests.slice(-5).map((request) => request.headers['webhook-id']);
    assert.equal(ids[0], 'sms-77');
    assert.equal(ids[1], 'sms-77');
    assert.equal(ids[2], 'sms-78');
    assert.ok(ids[3] && ids[4] && ids[3] !== ids[4], 'a message without a reference still gets a unique id');
  });

  it('keeps the documented X-Signature alongside, and sends no signature headers without a secret', async () => {
    await createWebhookProvider({ url: sink.url, secret: PLAIN_SECRET, timeoutMs: 2000 }).send(MESSAGE);
    assert.match(String(sink.requests.at(-1)!.headers['x-signature']), /^sha256=[0-9a-f]{64}$/);
    await createWebhookProvider({ url: sink.url, timeoutMs: 2000 }).send(MESSAGE);
    const { headers } = sink.requests.at(-1)!;
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'x-signature']) {
      assert.equal(headers[name], undefined, name);
    }
  });
});
