import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './index.ts';

/**
 * In development AUTH_SECRET may be left out: one is generated on first start and kept in the data folder
 * (mode 0600), so codes and sessions survive a restart. Production refuses to start without one (see
 * loadConfig), because a secret that lives on one instance's disk cannot be shared by several.
 */
export function withAuthSecret(config: Config): Config {
  if (config.authSecret) return config;
  const file = join(config.dataDir, 'auth-secret');
  let secret: string;
  try {
    secret = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    secret = randomBytes(48).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  }
  return Object.freeze({ ...config, authSecret: secret });
}
