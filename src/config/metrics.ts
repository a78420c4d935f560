import { ConfigError } from './config-error.ts';
import type { Env } from './schema.ts';

export interface MetricsConfig {
  /** Whether `/metrics` is served at all. */
  readonly enabled: boolean;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  readonly token: string | undefined;
  /** When set, `/metrics` is served only on 127.0.0.1 at this port, not on the main listener. */
  readonly port: number | undefined;
  /** True when production left `/metrics` off because nothing protects it; the start logs why. */
  readonly withheld: boolean;
}

/**
 * In production the metrics say what an attacker wants to know (provider failures, limits being hit), so
 * they are served only behind METRICS_TOKEN or on a loopback METRICS_PORT. With neither, an explicit
 * METRICS_ENABLED=true is a mistake and stops the start; the default (unset) turns them off and says so,
 * which keeps a deployment that never thought about metrics starting and safe.
 */
export function metricsConfig(env: Env, isProduction: boolean): MetricsConfig {
  const { METRICS_ENABLED: enabled, METRICS_TOKEN: token, METRICS_PORT: port } = env;
  if (enabled === false) return { enabled: false, token, port, withheld: false };
  if (isProduction && token === undefined && port === undefined) {
    if (enabled === true) {
      throw new ConfigError(
        'Invalid configuration: METRICS_ENABLED: in production /metrics needs METRICS_TOKEN, or METRICS_PORT to serve it on 127.0.0.1 only',
      );
    }
    return { enabled: false, token, port, withheld: true };
  }
  return { enabled: true, token, port, withheld: false };
}
