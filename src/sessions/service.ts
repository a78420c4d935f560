import { randomBytes } from 'node:crypto';
import { newId } from '../db/ids.ts';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { sha256Hex } from '../crypto/keys.ts';
import { AppError } from '../errors/app-error.ts';
import type { SessionRepository, Successor } from './repository.ts';
import type { AccessClaims, AccessTokens } from './tokens.ts';

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
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

  async function pair(userId: string, familyId: string, refreshToken: string): Promise<TokenPair> {
    const accessToken = await tokens.sign({ userId, sessionId: familyId });
    return { accessToken, refreshToken, expiresIn: config.accessTtlSeconds };
  }

  return {
    /** A new session (a new token family) for a user who has just proved their number. */
    async start(userId: string, client: ClientInfo): Promise<TokenPair> {
      const familyId = newId();
      const { token, successor } = newRefreshToken(client);
      await sessions.insert({ ...successor, userId, familyId }, now());
      return pair(userId, familyId, token);
    },

    /**
     * Exchanges a refresh token for a new pair. A token that was already exchanged means it was copied:
     * the whole family is revoked, the newest token included (RFC 9700 4.14.2).
     */
    async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
      const next = newRefreshToken(client);
      const result = await sessions.rotate(sha256Hex(refreshToken), next.successor, now());
      if (result.outcome === 'rotated') return pair(result.userId, result.familyId, next.token);
      if (result.outcome === 'reused') {
        await sessions.revokeFamily(result.familyId, now());
        log.warn({ family: result.familyId }, 'refresh token reused: session family revoked');
      }
      throw new AppError('UNAUTHORIZED', 'The refresh token is not valid');
    },

    async logout(refreshToken: string): Promise<void> {
      const known = await sessions.revokeFamilyOf(sha256Hex(refreshToken), now());
      if (!known) throw new AppError('UNAUTHORIZED', 'The refresh token is not valid');
    },

    /** The claims of a Bearer access token whose session is still active, or UNAUTHORIZED. */
    async authenticate(authorization: string | undefined): Promise<AccessClaims> {
      const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '');
      const claims = match?.[1] ? await tokens.verify(match[1]) : null;
      if (!claims || !(await sessions.isFamilyActive(claims.sessionId, now()))) throw new AppError('UNAUTHORIZED');
      return claims;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
