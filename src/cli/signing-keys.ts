import type { Config } from '../config/index.ts';
import { deriveKeys } from '../crypto/keys.ts';
import { createSigningKeyRepository } from '../signing-keys/repository.ts';
import { keyState, publishedUntil } from '../signing-keys/rules.ts';
import { createSigningKeyService, times, type SigningKeyService } from '../signing-keys/service.ts';
import { parseCommand, type CommandLine } from './args.ts';
import { printTable } from './output.ts';
import { openCommandDatabase } from './database.ts';

export const SIGNING_KEYS_USAGE = `usage: otpgate signing-keys list | signing-keys rotate [--now]

  signing-keys list          the keys access tokens are signed with: kid, generation, state (signing,
                             next, retired, dropped), created, signs from, published until
  signing-keys rotate        add a key that signs in 6.5 minutes, once every instance and every cached
                             JWKS has it; the old key stays published until its tokens have expired
  signing-keys rotate --now  the new key signs at once (a key thought leaked); instances and verifiers
                             that meet its kid before they reread the keys fetch them then

  rotate needs AUTH_SECRET (it seals the new private key) and reads ACCESS_TOKEN_TTL_SECONDS.
  Works on an existing database only (DATABASE_URL, or DATA_DIR/otpgate.db): create it with otpgate migrate.
`;

type Settings = Pick<Config, 'database' | 'authSecret' | 'tokens'>;
type Action = (keys: SigningKeyService, ttl: number, out: (line: string) => void) => Promise<number>;

/**
 * `signing-keys list | rotate [--now]`. What was typed is checked before anything is read: a mistake is one
 * line and exit 2. Only `rotate` needs AUTH_SECRET, so `list` reads the configuration without it.
 */
export async function runSigningKeys(
  readConfig: (withSecret: boolean) => Settings,
  argv: readonly string[],
): Promise<number> {
  const line = parseCommand('signing-keys', argv, { now: { type: 'boolean' } }, SIGNING_KEYS_USAGE);
  if (typeof line === 'number') return line;
  const parsed = parse(line);
  if (typeof parsed === 'string') {
    process.stderr.write(`otpgate: signing-keys: ${parsed}\n`);
    return 2;
  }
  const config = readConfig(parsed.needsSecret);
  const database = await openCommandDatabase(config.database);
  try {
    const keys = createSigningKeyService({
      keys: createSigningKeyRepository(database.db),
      sealKey: config.authSecret ? deriveKeys(config.authSecret).signingKeySeal : undefined,
      accessTtlSeconds: config.tokens.accessTtlSeconds,
      now: Date.now,
    });
    return await parsed.action(keys, config.tokens.accessTtlSeconds, (text) => process.stdout.write(`${text}\n`));
  } finally {
    await database.close();
  }
}

function parse({ positionals, values }: CommandLine): { action: Action; needsSecret: boolean } | string {
  const [sub, ...rest] = positionals;
  if (rest.length > 0) return `unexpected argument "${rest[0]}" (see otpgate signing-keys --help)`;
  switch (sub) {
    case 'list':
      return values.now ? 'signing-keys list takes no options' : { action: list, needsSecret: false };
    case 'rotate':
      return { action: (keys, ttl, out) => rotate(keys, ttl, out, values.now === true), needsSecret: true };
    default:
      return sub
        ? `unknown action "${sub}" (see otpgate signing-keys --help)`
        : 'an action is needed (see otpgate signing-keys --help)';
  }
}

async function rotate(keys: SigningKeyService, ttl: number, out: (line: string) => void, now: boolean) {
  const result = await keys.rotate(now);
  const { key } = result;
  if (result.outcome === 'raced') {
    out(
      `another rotation added generation ${key.generation} (kid ${key.kid}) at the same moment; nothing more was added`,
    );
  } else {
    out(`added signing key ${key.kid} (generation ${key.generation}); it signs from ${time(key.activates_at)}`);
  }
  await list(keys, ttl, out);
  return 0;
}

async function list(keys: SigningKeyService, ttl: number, out: (line: string) => void) {
  const all = await keys.all();
  if (all.length === 0) {
    out('no signing keys yet: the first start of the service creates one');
    return 0;
  }
  const at = Date.now();
  const ring = all.map(times);
  const rows = [
    ['kid', 'generation', 'state', 'created', 'signs from', 'published until'],
    ...all.map((key, index) => {
      const entry = ring[index]!;
      return [
        key.kid,
        String(key.generation),
        keyState(ring, entry, at, ttl),
        time(key.created_at),
        time(key.activates_at),
        time(publishedUntil(ring, entry, ttl) ?? null),
      ];
    }),
  ];
  printTable(rows, out);
  return 0;
}

/** Seconds matter here (a rotation signs minutes later); UTC avoids guessing the server's zone. */
function time(ms: number | null): string {
  return ms === null ? '-' : `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}
