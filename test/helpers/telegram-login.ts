import { createHash, createHmac, sign, type KeyObject } from 'node:crypto';

/**
 * Login data signed as Telegram signs it, written from Telegram's documentation and not from our own code,
 * so that a mistake in the verifier cannot hide behind the same mistake here.
 */

export const TEST_BOT_TOKEN = '123456:TEST-token';

/** The login widget's secret: SHA-256 of the bot token, raw. */
export function widgetKey(botToken: string): Buffer {
  return createHash('sha256').update(botToken).digest();
}

/** A Mini App's secret: HMAC-SHA256 of the bot token with the key "WebAppData". */
export function webAppKey(botToken: string): Buffer {
  return createHmac('sha256', 'WebAppData').update(botToken).digest();
}

function checkString(fields: Record<string, string>): string {
  return Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
}

function hmacHex(key: Buffer, fields: Record<string, string>): string {
  return createHmac('sha256', key).update(checkString(fields)).digest('hex');
}

/**
 * `fields` with the widget's `hash` added. Numbers are signed as their decimal digits, as Telegram signs the
 * JSON form; `key` signs with another secret (the Mini App's, to show the schemes do not mix).
 */
export function signedWidget<T extends Record<string, string | number>>(
  fields: T,
  botToken: string,
  options: { key?: Buffer } = {},
): T & { hash: string } {
  const text = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]));
  return { ...fields, hash: hmacHex(options.key ?? widgetKey(botToken), text) };
}

export interface InitDataSigning {
  /** An Ed25519 private key: adds `signature` over `<bot_id>:WebAppData` and the fields, as Telegram does. */
  readonly signWith?: KeyObject;
  /** Whether the `hash` covers `signature` too (Telegram does not say); true unless false. */
  readonly signatureInHmac?: boolean;
  /** Signs the hash with another secret (the widget's, to show the schemes do not mix). */
  readonly key?: Buffer;
  /** The bot id the signature names, when it should not be the token's own. */
  readonly botId?: string;
}

/**
 * A Mini App initData query string for `fields`; an object value (such as `user`) is written as its JSON.
 * A `signature` given in `fields` is kept as it is, for a signature that is wrong on purpose.
 */
export function signedInitData(
  fields: Record<string, string | object>,
  botToken: string,
  options: InitDataSigning = {},
): string {
  const text: Record<string, string> = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
  const { signature, ...unsigned } = text;
  const hmacFields = { ...unsigned };
  let signatureValue = signature;
  if (options.signWith !== undefined) {
    const botId = options.botId ?? botToken.split(':')[0];
    const message = `${botId}:WebAppData\n${checkString(unsigned)}`;
    signatureValue = sign(null, Buffer.from(message), options.signWith).toString('base64url');
  }
  if (signatureValue !== undefined && options.signatureInHmac !== false) hmacFields.signature = signatureValue;
  const hash = hmacHex(options.key ?? webAppKey(botToken), hmacFields);
  const all = signatureValue === undefined ? unsigned : { ...unsigned, signature: signatureValue };
  return new URLSearchParams({ ...all, hash }).toString();
}

/** An Ed25519 public key as Telegram publishes its own: 32 raw bytes in hex. */
export function publicKeyHex(publicKey: KeyObject): string {
  const { x } = publicKey.export({ format: 'jwk' });
  return Buffer.from(x!, 'base64url').toString('hex');
}
