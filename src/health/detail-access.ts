import type { ApiKeyService } from '../api-keys/service.ts';
import { bearerTokenCheck } from '../http/bearer.ts';

/**
 * Who may read health's detail (the version, every provider with its breaker state, how many test numbers):
 * what an attacker watches to time an abuse run. A request with `Authorization: Bearer <METRICS_TOKEN>`, or
 * with an admin API key holding `providers:read`. Anything else gets the public answer, never an error: a
 * load balancer's probe must keep working whatever it sends. A key lookup that fails (the database is down)
 * counts as no key, so the answer still says the database is down instead of failing itself.
 */
export function healthDetailAccess(metricsToken: string | undefined, apiKeys: ApiKeyService) {
  const tokenMatches = bearerTokenCheck(metricsToken);
  return async (authorization: string | undefined): Promise<boolean> => {
    if (!authorization) return false;
    if (tokenMatches?.(authorization)) return true;
    const key = await apiKeys.authenticate(authorization).catch(() => null);
    return key?.scopes.includes('providers:read') ?? false;
  };
}
