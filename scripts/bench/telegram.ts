import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { measure, type BenchSettings, type Measurement, type Plan } from './scenarios.ts';

const TELEGRAM = '/api/v1/telegram/login';
const JSON_HEADERS = { 'content-type': 'application/json' };

/** A bot token of this run's own: the server's TELEGRAM_BOT_TOKEN, and the key every login here is signed with. */
export const BENCH_BOT_TOKEN = `${randomInt(100_000, 2 ** 31)}:${randomBytes(27).toString('base64url')}`;

/**
 * Fresh Telegram ids, shared by every scenario of one run as `numberSource` is: each login is a person seen
 * for the first time, as each phone sign-in is a number seen for the first time. A fresh id also makes every
 * hash differ, which the server's replay table requires (a login works once).
 */
export function telegramIdSource(): () => number {
  let next = 7_000_000_000;
  return () => next++;
}

// Signed here from Telegram's documentation, not with the server's own code: what is measured is the
// server checking logins a real widget or Mini App would send.

function checkString(fields: Readonly<Record<string, string | number>>): string {
  return Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
}

const widgetKey = createHash('sha256').update(BENCH_BOT_TOKEN).digest();
const webAppKey = createHmac('sha256', 'WebAppData').update(BENCH_BOT_TOKEN).digest();
const hmacHex = (key: Buffer, fields: Readonly<Record<string, string | number>>) =>
  createHmac('sha256', key).update(checkString(fields)).digest('hex');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The login widget's JSON callback: `id` and `auth_date` as numbers, signed as their digits. */
export function widgetLogin(id: number): Record<string, string | number> {
  const fields = {
    id,
    first_name: 'Bench',
    username: `bench_${id}`,
    photo_url: `https://t.me/i/userpic/320/bench_${id}.jpg`,
    auth_date: nowSeconds(),
  };
  return { ...fields, hash: hmacHex(widgetKey, fields) };
}

/**
 * A Mini App's initData without `signature`: that Ed25519 signature is made with a key only Telegram holds,
 * so the server checks the HMAC alone here. Real initData carries one, and checking it adds about one
 * Ed25519 verification (the EdDSA verify of the signature costs printed first) to each sign-in.
 */
export function webAppInitData(id: number): string {
  const user = { id, first_name: 'Bench', username: `bench_${id}`, language_code: 'fa', allows_write_to_pm: true };
  const fields = {
    query_id: `AAH${randomBytes(12).toString('base64url')}`,
    user: JSON.stringify(user),
    auth_date: String(nowSeconds()),
  };
  return new URLSearchParams({ ...fields, hash: hmacHex(webAppKey, fields) }).toString();
}

/** One POST per request to `path`, its body made fresh by `body`; a success is a 200. */
function signInPlan(path: string, body: () => unknown): Plan {
  return (tally) => ({
    path,
    requests: [
      {
        method: 'POST',
        headers: JSON_HEADERS,
        setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }),
        onResponse: tally.failed,
      },
    ],
  });
}

export function telegramWidgetSignIns(settings: BenchSettings, freshId: () => number): Promise<Measurement> {
  return measure(
    settings,
    'f. telegram widget sign-in',
    signInPlan(`${TELEGRAM}/widget`, () => widgetLogin(freshId())),
  );
}

export function telegramWebAppSignIns(settings: BenchSettings, freshId: () => number): Promise<Measurement> {
  return measure(
    settings,
    'g. telegram Mini App sign-in',
    signInPlan(`${TELEGRAM}/webapp`, () => ({ init_data: webAppInitData(freshId()) })),
  );
}
