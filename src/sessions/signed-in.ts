import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionCookie } from './cookie.ts';
import { RefreshTokenField } from './schemas.ts';
import type { TokenPair } from './service.ts';

/** The token part of every sign-in's answer, by SMS or Telegram, as the API reference has it. */
export const SignedInTokens = {
  success: Type.Literal(true),
  message: Type.String(),
  access_token: Type.String(),
  refresh_token: RefreshTokenField,
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'seconds until the access token expires' }),
};

/**
 * The token part of a sign-in's answer. The refresh token goes in the body, or, when the session cookie is on
 * and the request comes from an allowed origin, in the cookie only (SessionCookie.issue).
 */
export function signedInTokens(cookie: SessionCookie, request: FastifyRequest, reply: FastifyReply, tokens: TokenPair) {
  return {
    success: true as const,
    message: 'Signed in',
    access_token: tokens.accessToken,
    ...(cookie.issue(request, reply, tokens.refreshToken) ? {} : { refresh_token: tokens.refreshToken }),
    token_type: 'Bearer' as const,
    expires_in: tokens.expiresIn,
  };
}
