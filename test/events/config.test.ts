import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/index.ts';
import { DATABASES, startTestApp } from '../helpers/app.ts';
import { eventsEnv, newWebhookSecret, startEventReceiver } from '../helpers/event-receiver.ts';
import { detailedHealth } from '../helpers/health.ts';
import { signIn } from '../helpers/session-sign-in.ts';

const PRODUCTION = { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-40-characters-xyz' };
const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const URL = 'https://shop.example.com/hooks/otpgate';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('the configuration was accepted');
}

describe('events configuration', () => {
  it('is off without EVENTS_WEBHOOK_URL and EVENTS_WEBHOOK_SECRET, on with both', () => {
    assert.equal(loadConfig({}).events.webhook, null);
    assert.deepEqual(loadConfig({ EVENTS_WEBHOOK_URL: URL, EVENTS_WEBHOOK_SECRET: SECRET }).events.webhook, {
      url: URL,
      secret: SECRET,
    });
  });

  it('needs both: a URL without a secret, or a secret without a URL, stops the start', () => {
    assert.match(
      refusal({ EVENTS_WEBHOOK_URL: URL }),
      /^Invalid configuration: EVENTS_WEBHOOK_SECRET: expected whsec_/,
    );
    assert.match(refusal({ EVENTS_WEBHOOK_SECRET: SECRET }), /^Invalid configuration: EVENTS_WEBHOOK_URL: expected/);
  });

  it('takes only a Standard Webhooks secret of at least 24 bytes, and never shows it', () => {
    for (const secret of [
      'a-plain-shared-secret-of-32-chars!',
      'whsec_not base64!',
      `whsec_${Buffer.alloc(16).toString('base64')}`,
    ]) {
      const message = refusal({ EVENTS_WEBHOOK_URL: URL, EVENTS_WEBHOOK_SECRET: secret });
      assert.match(
        message,
        /^Invalid configuration: EVENTS_WEBHOOK_SECRET: expected .*; got a value of \d+ characters/,
      );
      assert.ok(!message.includes(secret.slice(6)), 'the secret is not in the message');
    }
  });

  it('in production the URL is https (plain http only to this machine)', () => {
    const env = { ...PRODUCTION, EVENTS_WEBHOOK_SECRET: SECRET };
    assert.match(
      refusal({ ...env, EVENTS_WEBHOOK_URL: 'http://shop.example.com/hooks' }),
      /^Invalid configuration: EVENTS_WEBHOOK_URL: expected an https:\/\/ URL in production/,
    );
    assert.doesNotThrow(() => loadConfig({ ...env, EVENTS_WEBHOOK_URL: URL }));
    assert.doesNotThrow(() => loadConfig({ ...env, EVENTS_WEBHOOK_URL: 'http://127.0.0.1:8080/hooks' }));
    assert.doesNotThrow(() =>
      loadConfig({ EVENTS_WEBHOOK_SECRET: SECRET, EVENTS_WEBHOOK_URL: 'http://shop.example.com/h' }),
    );
  });

  it('health says whether events are configured, and neither health nor the log shows the URL or the secret', async () => {
    const receiver = await startEventReceiver(newWebhookSecret());
    const t = await startTestApp(DATABASES[0]!, { env: eventsEnv(receiver) });
    try {
      receiver.answer(500);
      await signIn(t);
      await t.app.smsQueue.events!.runOnce();
      const health = await t.get('/api/v1/otp/health');
      assert.deepEqual(health.body.events, { configured: true });
      const detailed = JSON.stringify((await detailedHealth(t)).body);
      const everything = `${JSON.stringify(health.body)}${detailed}${t.logs.text()}`;
      assert.ok(t.logs.text().includes('event not delivered; will try again'), 'the failure is logged');
      assert.ok(!everything.includes(receiver.secret.slice(6)), 'no secret');
      assert.ok(!everything.includes(receiver.url), 'no URL');
    } finally {
      await t.close();
      await receiver.close();
    }
  });
});
