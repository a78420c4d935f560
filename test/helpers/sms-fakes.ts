import { startTestApp, type TestApp } from './app.ts';
import type { DatabaseBackend } from './backends.ts';
import { startFakeKavenegar, type FakeKavenegar } from './fake-kavenegar.ts';
import { startFakeMelipayamak, type FakeMelipayamak } from './fake-melipayamak.ts';
import { startFakeSmsir, type FakeSmsir } from './fake-smsir.ts';
import { detailedHealth } from './health.ts';

const MELIPAYAMAK = { username: 'shop', password: 'mp-pass-Rt63w' };
export const KAVENEGAR_KEY = 'kn-key-Vb82Lp19Qa';
export const SMSIR_KEY = 'smsir-key-Jd40Wc77';
const SMSIR_LINE = '30007732011420';

/** The three Iranian providers' local fakes, and the settings that point the service at them. */
export interface ProviderFakes {
  readonly melipayamak: FakeMelipayamak;
  readonly kavenegar: FakeKavenegar;
  readonly smsir: FakeSmsir;
  /** Every provider's settings, with SMS_PROVIDERS set to `order` (and the test app's SMS_PROVIDER unset). */
  env(order: readonly string[]): Record<string, string>;
  close(): Promise<void>;
}

/** Templates the fakes hold as approved on their side (see each fake's options). */
export interface ApprovedOnFakes {
  readonly melipayamak?: Readonly<Record<string, number>>;
  readonly kavenegar?: readonly string[];
}

export async function startProviderFakes(approved: ApprovedOnFakes = {}): Promise<ProviderFakes> {
  const melipayamak = await startFakeMelipayamak({ ...MELIPAYAMAK, templates: approved.melipayamak });
  const kavenegar = await startFakeKavenegar({ apiKey: KAVENEGAR_KEY, templates: approved.kavenegar });
  const smsir = await startFakeSmsir({ apiKey: SMSIR_KEY, lineNumbers: [SMSIR_LINE] });
  return {
    melipayamak,
    kavenegar,
    smsir,
    env: (order) => ({
      SMS_PROVIDER: '',
      SMS_PROVIDERS: order.join(','),
      MELIPAYAMAK_USERNAME: MELIPAYAMAK.username,
      MELIPAYAMAK_PASSWORD: MELIPAYAMAK.password,
      SMS_SENDER_NUMBER: '50002710000000',
      MELIPAYAMAK_BASE_URL: melipayamak.url,
      KAVENEGAR_API_KEY: KAVENEGAR_KEY,
      KAVENEGAR_BASE_URL: kavenegar.url,
      SMSIR_API_KEY: SMSIR_KEY,
      SMSIR_LINE_NUMBER: SMSIR_LINE,
      SMSIR_BASE_URL: smsir.url,
    }),
    async close() {
      await Promise.all([melipayamak.close(), kavenegar.close(), smsir.close()]);
    },
  };
}

/**
 * Runs `fn` with fresh fakes and a fresh app sending through `order`, so that no breaker or counter carries
 * over from another test.
 */
export async function withProviders<T>(
  backend: DatabaseBackend,
  order: readonly string[],
  env: Record<string, string>,
  fn: (t: TestApp, fakes: ProviderFakes) => Promise<T>,
): Promise<T> {
  const fakes = await startProviderFakes();
  try {
    const t = await startTestApp(backend, { env: { ...fakes.env(order), ...env } });
    try {
      return await fn(t, fakes);
    } finally {
      await t.close();
    }
  } finally {
    await fakes.close();
  }
}

/** The one-time code in a message text (the code message also carries the minutes, a shorter number). */
export function codeIn(text: string | undefined): string {
  const code = /\d{6}/.exec(text ?? '')?.[0];
  if (!code) throw new Error(`no code in ${JSON.stringify(text)}`);
  return code;
}

/** The `sms_logs` rows for `phone`, oldest first, with the columns these tests check. */
export function smsLogsOf(t: TestApp, phone: string) {
  return t.database.db
    .selectFrom('sms_logs')
    .select(['provider', 'status', 'attempts', 'error_code', 'provider_message_id'])
    .where('phone_number', '=', phone)
    .orderBy('created_at')
    .execute();
}

/** `sms.providers` as health reports it. */
export async function providerStates(t: TestApp): Promise<Array<{ name: string; state: string }>> {
  const health = await detailedHealth(t);
  return health.body.sms.providers.map(({ name, state }: { name: string; state: string }) => ({ name, state }));
}
