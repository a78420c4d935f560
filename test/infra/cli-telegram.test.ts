import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeBotApi, person, textUpdate, type FakeBotApi } from '../helpers/fake-telegram-bot-api.ts';
import { freePort, runCli } from '../helpers/infra-cli.ts';

const SECRET = 'webhook-secret-0123456789abcdef-XYZ';
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('otpgate telegram: the webhook as Telegram holds it', { concurrency: 1 }, () => {
  let fake: FakeBotApi;
  let env: Record<string, string>;
  before(async () => {
    fake = await startFakeBotApi();
  });
  after(() => fake.close());
  beforeEach(async () => {
    await runCli(['telegram', 'delete-webhook', '--drop-pending-updates'], base());
    env = base();
  });
  const base = () => ({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    PUBLIC_URL: 'https://auth.example.com',
  });
  const without = (name: string) => Object.fromEntries(Object.entries(env).filter(([key]) => key !== name));
  /** Neither the token (or its secret half) nor the webhook secret in anything printed. */
  const noSecrets = (text: string) => {
    assert.ok(!text.includes(SECRET), text);
    assert.ok(!text.includes(fake.token.split(':')[1]!), text);
  };

  it('set-webhook registers PUBLIC_URL/api/v1/telegram/webhook with the secret and my_chat_member', async () => {
    const result = await runCli(['telegram', 'set-webhook'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fake.webhook.url, 'https://auth.example.com/api/v1/telegram/webhook');
    assert.equal(fake.webhook.secret, SECRET);
    assert.deepEqual(fake.webhook.allowedUpdates, ['message', 'callback_query', 'my_chat_member']);
    assert.deepEqual(lines(result.stdout), [
      'registered the webhook https://auth.example.com/api/v1/telegram/webhook',
      '  updates: message, callback_query, my_chat_member; secret token: TELEGRAM_WEBHOOK_SECRET',
    ]);
    assert.equal(result.stderr, '');
    noSecrets(result.stdout + result.stderr);
  });

  it('set-webhook refuses, saying why, without PUBLIC_URL, the token or the secret, or with a URL Telegram will not call', async () => {
    const refusals: Array<[Record<string, string>, RegExp]> = [
      [without('PUBLIC_URL'), /^otpgate: telegram set-webhook needs PUBLIC_URL/],
      [without('TELEGRAM_BOT_TOKEN'), /^otpgate: telegram set-webhook needs TELEGRAM_BOT_TOKEN/],
      [without('TELEGRAM_WEBHOOK_SECRET'), /^otpgate: telegram set-webhook needs TELEGRAM_WEBHOOK_SECRET/],
      [{ ...env, PUBLIC_URL: 'http://auth.example.com' }, /PUBLIC_URL must be https:\/\/ on port 443, 80, 88 or 8443/],
      [{ ...env, PUBLIC_URL: 'https://auth.example.com:3000' }, /PUBLIC_URL must be https:\/\/ on port 443/],
    ];
    const setBefore = fake.calls.filter((c) => c.method === 'setWebhook').length;
    for (const [variables, refusal] of refusals) {
      const result = await runCli(['telegram', 'set-webhook'], variables);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, refusal);
      assert.equal(lines(result.stderr).length, 1, result.stderr);
      noSecrets(result.stderr);
    }
    assert.equal(fake.calls.filter((c) => c.method === 'setWebhook').length, setBefore, 'Telegram was not asked');
    assert.equal(fake.webhook.url, '');
  });

  it("Telegram's refusal is printed with its code; an API root nobody answers at, by its host", async () => {
    fake.failNext('setWebhook', { kind: 'bad-request', description: 'bad webhook: Failed to resolve host' });
    const refused = await runCli(['telegram', 'set-webhook'], env);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      'otpgate: Telegram refused setWebhook: 400 Bad Request: bad webhook: Failed to resolve host\n',
    );
    const port = await freePort();
    const down = await runCli(['telegram', 'webhook-info'], { ...env, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    assert.equal(down.code, 1);
    assert.match(
      down.stderr,
      new RegExp(`^otpgate: could not reach the Bot API at 127\\.0\\.0\\.1:${port} \\(TELEGRAM_API_ROOT\\)`),
    );
    noSecrets(down.stderr);
  });

  it('webhook-info prints the URL, updates waiting, the last error and max_connections', async () => {
    assert.equal((await runCli(['telegram', 'set-webhook'], env)).code, 0);
    fake.push(textUpdate(person(7), '/help'));
    fake.push(textUpdate(person(7), '/help'));
    fake.webhook.lastError = {
      date: Date.UTC(2026, 11, 4, 9, 30, 0) / 1000,
      message: 'Wrong response from the webhook: 502 Bad Gateway',
    };
    const result = await runCli(['telegram', 'webhook-info'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(lines(result.stdout), [
      'url                   https://auth.example.com/api/v1/telegram/webhook',
      'pending_update_count  2',
      'last_error_date       2026-12-04 09:30:00Z',
      'last_error_message    Wrong response from the webhook: 502 Bad Gateway',
      'max_connections       40',
      'allowed_updates       message, callback_query, my_chat_member',
    ]);
    noSecrets(result.stdout);
  });

  it('delete-webhook keeps the updates waiting; with --drop-pending-updates it drops them', async () => {
    assert.equal((await runCli(['telegram', 'set-webhook'], env)).code, 0);
    fake.push(textUpdate(person(7), '/help'));
    const kept = await runCli(['telegram', 'delete-webhook'], env);
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(kept.stdout, /^deleted the webhook; Telegram keeps the updates waiting/);
    const info = await runCli(['telegram', 'webhook-info'], env);
    assert.match(info.stdout, /^url {19}- \(none: updates wait for getUpdates\)$/m);
    assert.match(info.stdout, /^pending_update_count {2}1$/m);

    const dropped = await runCli(['telegram', 'delete-webhook', '--drop-pending-updates'], env);
    assert.equal(dropped.code, 0, dropped.stderr);
    assert.equal(dropped.stdout, 'deleted the webhook and dropped the updates waiting\n');
    assert.match((await runCli(['telegram', 'webhook-info'], env)).stdout, /^pending_update_count {2}0$/m);
  });

  it('a mistake on the command line is exit 2 with the usage, before anything is asked', async () => {
    const before = fake.calls.length;
    for (const [args, first] of [
      [['telegram'], 'otpgate: telegram: an action is needed'],
      [['telegram', 'set-hook'], 'otpgate: telegram: unknown action "set-hook"'],
      [
        ['telegram', 'set-webhook', '--drop-pending-updates'],
        'otpgate: telegram: --drop-pending-updates goes with delete-webhook',
      ],
      [['telegram', 'webhook-info', 'now'], 'otpgate: telegram: unexpected argument "now"'],
    ] as const) {
      const result = await runCli(args, env);
      assert.equal(result.code, 2);
      assert.equal(lines(result.stderr)[0], first);
      assert.match(result.stderr, /usage: otpgate telegram/);
    }
    assert.equal(fake.calls.length, before);
  });
});
