import QRCode from 'qrcode';
import type { Config } from '../../config/index.ts';
import { sha256Hex } from '../../crypto/keys.ts';
import { newId } from '../../db/ids.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ClientInfo } from '../../sessions/service.ts';
import type { TelegramAccounts, TelegramSignIn } from '../accounts.ts';
import { senderProfile, type TelegramSender } from '../profile-text.ts';
import type { TelegramProfile } from '../verify/types.ts';
import type { LinkTokenRepository, LinkTokenRow } from './repository.ts';
import { deviceText, newPollSecret, newStartToken, purposeOf, type Purpose } from './tokens.ts';
import type { PollWatcher } from './watcher.ts';

/** A link to link an account lasts this long: the user opens it on the phone next to the account page. */
const LINK_TTL_MS = 10 * 60_000;
/** The longest a poll is held; a little under the 30 s many proxies allow an idle request. */
export const MAX_WAIT_SECONDS = 25;
/** What Telegram allows in a `start` payload. */
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

export interface StartedLink {
  /** `https://t.me/<bot>?start=<token>`: the token is in it, so it is a credential until used or expired. */
  readonly url: string;
  /** The same URL as an SVG QR code. */
  readonly qrSvg: string;
  readonly expiresIn: number;
}

export type PollOutcome =
  | { readonly status: 'pending'; readonly expiresIn: number }
  | { readonly status: 'expired' | 'cancelled' | 'used' }
  | { readonly status: 'signed_in'; readonly signIn: TelegramSignIn };

/** What the bot shows for a `/start` payload of ours. */
export type Opened =
  | { readonly kind: 'unknown' | 'expired' | 'used' }
  | { readonly kind: 'login'; readonly id: string; readonly device: string | null; readonly ip: string | null }
  | { readonly kind: 'linked' }
  | { readonly kind: 'link-refused'; readonly code: 'TELEGRAM_ALREADY_LINKED' | 'USER_BLOCKED' };

/** What a tap on Confirm or Cancel came to. */
export type Decided =
  | { readonly kind: 'unknown' | 'expired' }
  | { readonly kind: 'confirmed' | 'cancelled'; readonly device: string | null };

/**
 * Signing in, and linking Telegram, through the bot. A browser asks for a link (`startLogin`) and keeps the
 * poll secret; the person opens the link in Telegram, where the bot shows which device and address asked
 * (`open`), and confirms or cancels (`decide`); the browser's poll then takes the session, once (`poll`).
 * A signed-in user asks for a link (`startLink`) and opening it in the bot links that Telegram account.
 *
 * A link is a credential while it lives: it is random (256 bits), single use (it opens once, for one
 * Telegram user, who alone may confirm it), short-lived, and only its hash is stored. A forwarded sign-in
 * link signs nobody in on the receiver's side: the session goes to the browser holding the poll secret, and
 * the receiver is shown that browser's device and address before anything is confirmed.
 */
export function createLinkSignIn(deps: {
  config: Config;
  tokens: LinkTokenRepository;
  accounts: TelegramAccounts;
  watcher: PollWatcher;
  /** The per-address charge every Telegram route makes (logins.ts). */
  charge: (ip: string) => Promise<void>;
  now: () => number;
}) {
  const { config, tokens, accounts, watcher, charge, now } = deps;
  const { botUsername, botToken, linkTtlSeconds, shopName } = config.telegram;

  /** The bot's username, after the address is charged; TELEGRAM_NOT_CONFIGURED (and no charge) without a bot. */
  async function configured(ip: string): Promise<string> {
    if (botToken === null || botUsername === null) throw new AppError('TELEGRAM_NOT_CONFIGURED');
    await charge(ip);
    return botUsername;
  }

  async function started(bot: string, token: string, ttlMs: number): Promise<StartedLink> {
    const url = `https://t.me/${bot}?start=${token}`;
    return { url, qrSvg: await QRCode.toString(url, { type: 'svg' }), expiresIn: Math.floor(ttlMs / 1000) };
  }

  async function create(
    purpose: Purpose,
    ttlMs: number,
    fields: { pollSecret?: string; userId?: string } & ClientInfo,
  ) {
    const token = newStartToken(purpose);
    const at = now();
    await tokens.insert({
      id: newId(at),
      purpose,
      tokenHash: sha256Hex(token),
      pollHash: fields.pollSecret === undefined ? null : sha256Hex(fields.pollSecret),
      userId: fields.userId ?? null,
      device: deviceText(fields.userAgent),
      ip: fields.ip,
      createdAt: at,
      expiresAt: at + ttlMs,
    });
    return token;
  }

  /** A row's state as a poll answers it; a confirmed one is taken for its session, by one poll only. */
  async function settle(row: LinkTokenRow, client: ClientInfo): Promise<PollOutcome> {
    const at = now();
    if (row.status === 'used') return { status: 'used' };
    if (row.status === 'cancelled') return { status: 'cancelled' };
    if (row.expires_at <= at) return { status: 'expired' };
    if (row.status === 'pending') return { status: 'pending', expiresIn: Math.ceil((row.expires_at - at) / 1000) };
    const taken = await tokens.take(row.id, at);
    // Another poll took it first (or it expired in between): answer what it is now.
    if (!taken) return settle((await tokens.byId(row.id)) ?? { ...row, status: 'used' }, client);
    const profile = JSON.parse(taken.profile!) as TelegramProfile;
    return { status: 'signed_in', signIn: await accounts.signIn({ profile }, client) };
  }

  return {
    shopName,

    /** A sign-in link for this browser, and the poll secret only it will hold. */
    async startLogin(client: ClientInfo & { ip: string }): Promise<StartedLink & { pollSecret: string }> {
      const bot = await configured(client.ip);
      const pollSecret = newPollSecret();
      const ttlMs = linkTtlSeconds * 1000;
      const token = await create('login', ttlMs, { ...client, pollSecret });
      return { ...(await started(bot, token, ttlMs)), pollSecret };
    },

    /** A link that links the Telegram account opening it to this user. `userId` is asked after the charge. */
    async startLink(userId: () => Promise<string>, client: ClientInfo & { ip: string }): Promise<StartedLink> {
      const bot = await configured(client.ip);
      const token = await create('link', LINK_TTL_MS, { ...client, userId: await userId() });
      return started(bot, token, LINK_TTL_MS);
    },

    /**
     * The state of the sign-in this poll secret asked for. A pending one is held up to `waitSeconds` (at most
     * MAX_WAIT_SECONDS) until its state changes; `signal` ends the wait when the client goes away, and then
     * nothing is taken, so a session is never made for a connection that is gone. After the confirmation,
     * exactly one poll gets the session; every later one answers `used`. TELEGRAM_LINK_UNKNOWN when the
     * secret names no sign-in (wrong, or swept a day after it ended).
     */
    async poll(
      pollSecret: string,
      client: ClientInfo & { ip: string },
      options: { waitSeconds?: number; signal?: AbortSignal } = {},
    ): Promise<PollOutcome> {
      await configured(client.ip);
      const found = await tokens.byPollHash(sha256Hex(pollSecret));
      if (!found || found.purpose !== 'login') throw new AppError('TELEGRAM_LINK_UNKNOWN');
      let row = found;
      const waitMs = Math.min(Math.max(options.waitSeconds ?? 0, 0), MAX_WAIT_SECONDS) * 1000;
      const untilExpiry = row.expires_at - now();
      if (row.status === 'pending' && untilExpiry > 0 && waitMs > 0) {
        await watcher.wait(row.id, 'pending', Math.min(waitMs, untilExpiry), options.signal);
        if (options.signal?.aborted) return { status: 'pending', expiresIn: 0 };
        row = (await tokens.byId(row.id)) ?? row;
      }
      return settle(row, client);
    },

    /** A `/start` payload: null when it is not one of ours (another feature's), else what to show. */
    async open(payload: string, from: TelegramSender): Promise<Opened | null> {
      const purpose = purposeOf(payload);
      if (!purpose) return null;
      if (!PAYLOAD.test(payload)) return { kind: 'unknown' };
      const profile = senderProfile(from);
      const tokenHash = sha256Hex(payload);
      const at = now();
      const opened = await tokens.open(
        purpose,
        tokenHash,
        { telegramId: profile.telegramId, profile: JSON.stringify(profile) },
        at,
      );
      if (!opened) {
        const row = await tokens.byTokenHash(tokenHash);
        if (!row || row.purpose !== purpose) return { kind: 'unknown' };
        return { kind: row.status === 'pending' && row.telegram_id === null ? 'expired' : 'used' };
      }
      if (purpose === 'login') return { kind: 'login', id: opened.id, device: opened.device, ip: opened.ip };
      try {
        await accounts.link(opened.user_id!, { profile });
        return { kind: 'linked' };
      } catch (error) {
        if (error instanceof AppError && (error.code === 'TELEGRAM_ALREADY_LINKED' || error.code === 'USER_BLOCKED'))
          return { kind: 'link-refused', code: error.code };
        throw error;
      }
    },

    /**
     * Confirms or cancels a sign-in the sender opened. `id` comes from a button's callback data, which any
     * client can forge: only the Telegram user who opened the link can decide it, and only while it is
     * pending and unexpired. Deciding again answers what was decided.
     */
    async decide(id: string, from: TelegramSender, decision: 'confirm' | 'cancel'): Promise<Decided> {
      const telegramId = String(from.id);
      const at = now();
      const status = decision === 'confirm' ? 'confirmed' : 'cancelled';
      const decided = await tokens.decide(id, telegramId, status, at);
      if (decided) return { kind: status, device: decided.device };
      const row = await tokens.byId(id);
      if (!row || row.purpose !== 'login' || row.telegram_id !== telegramId) return { kind: 'unknown' };
      if (row.status === 'pending') return { kind: 'expired' };
      return { kind: row.status === 'cancelled' ? 'cancelled' : 'confirmed', device: row.device };
    },

    /** Polls held by this instance now. */
    get heldPolls(): number {
      return watcher.held;
    },

    /** Ends every held poll; for closing the service. */
    close(): void {
      watcher.close();
    },
  };
}

export type LinkSignIn = ReturnType<typeof createLinkSignIn>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Sign-in and linking through the bot's t.me links (decorated in app.ts), for the bot's feature. */
    readonly telegramLinkSignIn: LinkSignIn;
  }
}
