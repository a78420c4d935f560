import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { sha256Hex } from '../crypto/keys.ts';
import { AppError } from '../errors/app-error.ts';
import type { SessionRepository } from './repository.ts';
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

  async function issue(userId: string, familyId: string, client: ClientInfo): Promise<TokenPair> {
    // 256 bits from the CSPRNG; only its hash is stored (ASVS 5.0 7.2.3).
    const refreshToken = randomBytes(32).toString('base64url');
    await sessions.insert(
      {
        userId,
        familyId,
        tokenHash: sha256Hex(refreshToken),
        expiresAt: now() + config.refreshTtlSeconds * 1000,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 256) ?? null,
      },
      now(),
    );
    const accessToken = await tokens.sign({ userId, sessionId: familyId });
    return { accessToken, refreshToken, expiresIn: config.accessTtlSeconds };
  }

  return {
    /** A new session (a new token family) for a user who has just proved their number. */
    start: (userId: string, client: ClientInfo) => issue(userId, randomUUID(), client),

    /**
     * Exchanges a refresh token for a new pair. A token that was already exchanged means it was copied:
     * the whole family is revoked, the newest token included (RFC 9700 4.14.2).
     */
    async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
      const result = await sessions.rotate(sha256Hex(refreshToken), now());
      if (result.outcome === 'rotated') return issue(result.userId, result.familyId, client);
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
