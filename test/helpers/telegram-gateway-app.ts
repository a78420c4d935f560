import type { DatabaseBackend } from './backends.ts';
import { startTestApp, type TestApp } from './app.ts';
import { startFakeTelegramGateway, type FakeTelegramGateway } from './fake-telegram-gateway.ts';
import { startProviderFakes, type ProviderFakes } from './sms-fakes.ts';

export const GATEWAY_TOKEN = 'AAGw-app-token-Vn38Rt';

/**
 * Runs `fn` with a fresh app sending through `order` (which may name telegram_gateway), the Gateway's fake
 * and the SMS providers' fakes, none of them shared with another test.
 */
export async function withGateway<T>(
  backend: DatabaseBackend,
  order: readonly string[],
  env: Record<string, string>,
  fn: (t: TestApp, gateway: FakeTelegramGateway, sms: ProviderFakes) => Promise<T>,
): Promise<T> {
  const gateway = await startFakeTelegramGateway({ token: GATEWAY_TOKEN });
  const sms = await startProviderFakes();
  try {
    const settings = { TELEGRAM_GATEWAY_TOKEN: GATEWAY_TOKEN, TELEGRAM_GATEWAY_BASE_URL: gateway.url };
    const t = await startTestApp(backend, { env: { ...sms.env(order), ...settings, ...env } });
    try {
      return await fn(t, gateway, sms);
    } finally {
      await t.close();
    }
  } finally {
    await Promise.all([gateway.close(), sms.close()]);
  }
}
