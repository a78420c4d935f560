import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const base = { NODE_ENV: 'test', AUTH_SECRET: 'x'.repeat(64) };
const telegram = (env: Record<string, string>) => loadConfig({ ...base, ...env }).telegram;

it('the shop name the bot says is TELEGRAM_SHOP_NAME, else the host of PUBLIC_URL', () => {
  assert.equal(telegram({ TELEGRAM_SHOP_NAME: ' کتاب‌فروشی ' }).shopName, 'کتاب‌فروشی');
  assert.equal(telegram({ PUBLIC_URL: 'https://auth.shop.example.com/otp' }).shopName, 'auth.shop.example.com');
  assert.equal(telegram({}).shopName, 'localhost:3000');
});

it('a shop name over two lines or with a direction override is refused at start, by name', () => {
  for (const name of ['Ketab\nShop', 'Ketab\u202eShop', 'x'.repeat(65)]) {
    assert.throws(
      () => telegram({ TELEGRAM_SHOP_NAME: name }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /^Invalid configuration: TELEGRAM_SHOP_NAME: expected /);
        return true;
      },
    );
  }
});

it('sign-in links last TELEGRAM_LINK_TTL_SECONDS, 300 by default, from one to ten minutes', () => {
  assert.equal(telegram({}).linkTtlSeconds, 300);
  assert.equal(telegram({ TELEGRAM_LINK_TTL_SECONDS: '120' }).linkTtlSeconds, 120);
  for (const bad of ['59', '601']) assert.throws(() => telegram({ TELEGRAM_LINK_TTL_SECONDS: bad }), ConfigError);
});
