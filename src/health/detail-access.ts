import type { FastifyRequest } from 'fastify';
import type { ApiKeyService } from '../api-keys/service.ts';
import { keyFromAuthorization } from '../api-keys/key.ts';
import type { ApiKeyScope } from '../api-keys/scopes.ts';
import { bearerTokenCheck } from '../http/bearer.ts';

/**
 * Who may read health's detail (the version, every provider with its breaker state, how many test numbers):
 * what an attacker watches to time an abuse run. A request with `Authorization: Bearer <METRICS_TOKEN>`, an
 * admin API key holding `providers:read`, or a staff member's access token whose role holds it (the admin
 * console's health page). Anything else gets the public answer, never an error: a load balancer's probe must
 * keep working whatever it sends. A lookup that fails (the database is down, the token has ended, the user
 * is not staff) counts as no credential, so the answer still says the database is down instead of failing.
 */
export function healthDetailAccess(
  metricsToken: string | undefined,
  apiKeys: ApiKeyService,
  /** The scopes of the staff member the request's access token belongs to; it throws for anyone else. */
  staffScopes?: (request: FastifyRequest) => Promise<readonly ApiKeyScope[]>,
) {
  const tokenMatches = bearerTokenCheck(metricsToken);
  return async (request: FastifyRequest): Promise<boolean> => {
    const { authorization } = request.headers;
    if (!authorization) return false;
    if (tokenMatches?.(authorization)) return true;
    if (keyFromAuthorization(authorization) !== null || !staffScopes) {
      const key = await apiKeys.authenticate(authorization).catch(() => null);
      return key?.scopes.includes('providers:read') ?? false;
    }
    const scopes = await staffScopes(request).catch((): readonly ApiKeyScope[] => []);
    return scopes.includes('providers:read');
  };
}
