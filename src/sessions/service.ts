import { randomBytes } from 'node:crypto';
import { newId } from '../db/ids.ts';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { sha256Hex } from '../crypto/keys.ts';
import type { Database } from '../db/types.ts';
import { AppError } from '../errors/app-error.ts';
import { bearerCredentials } from '../http/bearer.ts';
import type { NewRefreshToken, OpenFamily, SessionRepository, SignInMethod, Successor } from './repository.ts';
import type { User } from '../users/repository.ts';
import type { AccessClaims, AccessTokens, SignedClaims, TokenSubject, VerifiedToken } from './tokens.ts';

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
}

/** The session an access token belongs to, as stored: who, which family, and when it signed in (epoch ms). */
export interface Session extends AccessClaims {
  readonly authTime: number;
}

/** A session not yet written: see SessionService.open. */
export interface OpenedSession {
  readonly sessionId: string;
  readonly authTime: number;
  readonly refreshToken: string;
  readonly row: Omit<NewRefreshToken, 'userId'> & { readonly id: string };
}

/** An open session as its user sees it in the list. */
export interface SessionSummary extends OpenFamily {
  readonly current: boolean;
}

export interface ClientInfo {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export function createSessionService(deps: {
  config: Config['tokens'];
  sessions: SessionRepository;
  tokens: AccessTokens;
  log: Logger;
  now: () => number;
}) {
  const { config, sessions, tokens, log, now } = deps;

  /** A fresh refresh token and the row fields that describe it; only the hash is stored (ASVS 5.0 7.2.3). */
  function newRefreshToken(client: ClientInfo) {
    const token = randomBytes(32).toString('base64url');
    const successor: Successor = {
      tokenHash: sha256Hex(token),
      expiresAt: now() + config.refreshTtlSeconds * 1000,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 256) ?? null,
    };
    return { token, successor };
  }

  // Sessions that signed in at or before this have reached SESSION_MAX_AGE_SECONDS.
  const signedInAfter = () => now() - config.sessionMaxAgeSeconds * 1000;

  /** A spent refresh token used again means it was copied: its whole family ends (RFC 9700 4.14.2). */
  async function revokeReused(familyId: string): Promise<void> {
    await sessions.revokeFamily(familyId, now());
    log.warn({ family: familyId }, 'refresh token reused: session family revoked');
  }

  async function revokeIfSpent(tokenHash: string): Promise<void> {
    const familyId = await sessions.spentFamilyOf(tokenHash);
    if (familyId !== undefined) await revokeReused(familyId);
  }

  async function pair(session: SignedClaims, refreshToken: string): Promise<TokenPair> {
    const accessToken = await tokens.sign(session);
    return { accessToken, refreshToken, expiresIn: config.accessTtlSeconds };
  }

  return {
    /**
     * A new session (a new token family) for a user about to be signed in: `row` is its first refresh
     * token's row, for the caller to write with the sign-in (otp/writes/), then `tokens` gives the pair.
     */
    open(client: ClientInfo, amr: SignInMethod = 'sms'): OpenedSession {
      const sessionId = newId();
      const authTime = now();
      const { token, successor } = newRefreshToken(client);
      return {
        sessionId,
        authTime,
        refreshToken: token,
        row: { ...successor, id: newId(), familyId: sessionId, authTime, amr },
      };
    },

    /** The token pair of an opened session whose row is written, for the user it was written for. */
    tokens(user: User, opened: OpenedSession): Promise<TokenPair> {
      return pair(
        { ...tokenSubject(user), sessionId: opened.sessionId, authTime: opened.authTime, amr: opened.row.amr },
        opened.refreshToken,
      );
    },

    /**
     * Exchanges a refresh token for a new pair. A token that was already exchanged means it was copied:
     * the whole family is revoked, the newest token included (RFC 9700 4.14.2). The session's sign-in time
     * is carried over, not renewed: past SESSION_MAX_AGE_SECONDS from it, no token of the family refreshes.
     */
    async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
      const next = newRefreshToken(client);
      const result = await sessions.rotate(sha256Hex(refreshToken), next.successor, now(), signedInAfter());
      if (result.outcome === 'rotated') {
        const { userId, familyId, authTime, amr, phoneNumber, externalId } = result;
        return pair({ userId, phoneNumber, externalId, sessionId: familyId, authTime, amr }, next.token);
      }
      if (result.outcome === 'reused') await revokeReused(result.familyId);
      throw new AppError('UNAUTHORIZED', 'The refresh token is not valid');
    },

    /**
     * The session of a refresh token that is still usable, with a fresh access token for it, without
     * spending the refresh token; null when it cannot be used. A token that was already exchanged (the
     * pages' cookie copied and spent through the API) ends its family, as a second refresh would. For the hosted pages, whose cookie holds the
     * token (pages/page-session.ts): several tabs may load pages at once, which rotation would take for reuse.
     */
    async resume(
      refreshToken: string,
    ): Promise<{ session: Session & { readonly amr: SignInMethod }; accessToken: string } | null> {
      const hash = sha256Hex(refreshToken);
      const live = await sessions.current(hash, now(), signedInAfter());
      if (!live) {
        await revokeIfSpent(hash);
        return null;
      }
      const { userId, familyId, authTime, amr, phoneNumber, externalId } = live;
      const claims = { userId, phoneNumber, externalId, sessionId: familyId, authTime, amr };
      return { session: claims, accessToken: await tokens.sign(claims) };
    },

    async logout(refreshToken: string): Promise<void> {
      const known = await sessions.revokeFamilyOf(sha256Hex(refreshToken), now());
      if (!known) throw new AppError('UNAUTHORIZED', 'The refresh token is not valid');
    },

    /**
     * The session of a Bearer access token, while the session is active (not ended, not past its maximum
     * age), or UNAUTHORIZED. `authTime` is read from the stored session, not from the token.
     */
    async authenticate(authorization: string | undefined): Promise<Session> {
      const token = bearerCredentials(authorization);
      const claims = token === null ? null : await tokens.verify(token);
      const active = claims && (await sessions.activeFamily(claims.sessionId, now(), signedInAfter()));
      if (!claims || !active) throw new AppError('UNAUTHORIZED');
      return { ...claims, authTime: active.authTime };
    },

    /**
     * A token's claims while its session is live, for introspection (RFC 7662); null for a token that does
     * not verify or whose session has ended (logged out, revoked, past its maximum age).
     */
    async introspect(token: string): Promise<VerifiedToken | null> {
      const verified = await tokens.verify(token);
      if (!verified) return null;
      return (await sessions.activeFamily(verified.sessionId, now(), signedInAfter())) ? verified : null;
    },

    /** Ends every session of the session's user but this one, inside the caller's transaction `trx`. */
    async endOthers(session: AccessClaims, trx: Kysely<Database>): Promise<void> {
      await sessions.revokeOtherFamilies(session.userId, session.sessionId, now(), trx);
    },

    /** The open sessions of the session's user, newest use first, the asking one marked `current`. */
    async list(session: AccessClaims): Promise<SessionSummary[]> {
      const open = await sessions.openFamilies(session.userId, now(), signedInAfter());
      return open.map((family) => ({ ...family, current: family.familyId === session.sessionId }));
    },

    /**
     * Ends one of the user's sessions by its id; NOT_FOUND for an id that is not an open session of this
     * user, another user's included, so that an id tells nothing about who it belongs to.
     */
    async end(session: AccessClaims, familyId: string): Promise<void> {
      const ended = await sessions.revokeFamilyOfUser(session.userId, familyId, now());
      if (!ended) throw new AppError('NOT_FOUND', 'No open session with this id');
    },

    /** Ends every session of the user but the asking one, or every one with `includeCurrent`. */
    async endAll(session: AccessClaims, includeCurrent: boolean): Promise<void> {
      await sessions.revokeOtherFamilies(session.userId, includeCurrent ? null : session.sessionId, now());
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;

/** What an access token says about a user: no `external_id` claim for a user without one. */
export function tokenSubject(user: User): TokenSubject {
  return { userId: user.id, phoneNumber: user.phone_number, externalId: user.external_id };
}
