import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { cookieValue } from '../pages/locale.ts';
import { PayloadAdapter } from './adapter.ts';
import { PROVIDER_SESSION_COOKIE } from './provider-config.ts';

/**
 * Signing out of the hosted pages ends this browser's OpenID Connect provider session too: otherwise the next
 * person to sign in on a shared browser would be handed the previous one's account by every shop that asks
 * (the provider would not ask anyone to sign in). The cookie names the session; its row goes, so the
 * provider starts a new session and sends the browser to the sign-in step. Grants with `offline_access`
 * are not sessions and are kept.
 */
export function providerSessionEnder(deps: { db: Kysely<Database>; now: () => number }) {
  const sessions = new PayloadAdapter('Session', deps);
  return async (request: FastifyRequest): Promise<void> => {
    const id = cookieValue(request.headers.cookie, PROVIDER_SESSION_COOKIE);
    if (id) await sessions.destroy(id);
  };
}
