import type * as OidcProviderModule from 'oidc-provider';

/**
 * What oidc-provider prints when it is loaded on a Node.js release older than its maintainers' current LTS
 * (22, "Jod"): a support notice, not a fault. Its test suite runs on Node 20.12+ APIs (crypto.hash,
 * structuredClone), which `engines` in package.json already requires; on 20 it works as on 22.
 */
const RUNTIME_NOTICE = 'oidc-provider WARNING: Unsupported runtime.';

let loading: Promise<typeof OidcProviderModule> | undefined;

/**
 * oidc-provider, loaded once. The module prints its runtime notice while it is evaluated, so it is loaded
 * with a dynamic import (a static one is hoisted above any code, bundled or not) and that one line, and only
 * it, is held back; every other warning passes.
 */
export function loadOidcProvider(): Promise<typeof OidcProviderModule> {
  loading ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].replace(/\x1b\[[\d;]*m/g, '').startsWith(RUNTIME_NOTICE)) return;
      warn(...args);
    };
    try {
      return await import('oidc-provider');
    } finally {
      console.warn = warn;
    }
  })();
  return loading;
}
