import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalid } from './explain.ts';
import type { Config } from './index.ts';

/** What AUTH_SECRET itself must be (see the schema); a kept one is held to the same. */
const MIN_SECRET_LENGTH = 32;

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
    secret = randomBytes(48).toString('base64url');
    try {
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      throw invalid('DATA_DIR', config.dataDir, {
        expected: 'a folder otpgate can write, to keep the AUTH_SECRET it generates when none is set',
        note: (error as NodeJS.ErrnoException).code ?? 'cannot write',
      });
    }
  }
  // An emptied or hand-edited file would otherwise sign codes and sessions with a short, guessable key.
  if (secret.length < MIN_SECRET_LENGTH) {
    throw invalid('AUTH_SECRET', secret, {
      expected: `at least ${MIN_SECRET_LENGTH} characters, set or kept in ${file}`,
      note: `read from ${file}`,
    });
  }
  return Object.freeze({ ...config, authSecret: secret });
}
