import { CLI_ACTOR } from '../audit/actor.ts';
import { readNewKey } from '../api-keys/new-key.ts';
import type { ApiKey } from '../api-keys/repository.ts';
import { createApiKeyRepository } from '../api-keys/repository.ts';
import { createApiKeyService, type ApiKeyService } from '../api-keys/service.ts';
import type { Config } from '../config/index.ts';
import { parseCommand, type CommandLine } from './args.ts';
import { openCommandDatabase } from './database.ts';
import { printable, printTable } from './output.ts';

export const KEYS_USAGE = `usage: otpgate keys create --name NAME --scopes SCOPE,... | keys list | keys revoke <id|prefix>

  keys create --name NAME --scopes SCOPE,...
                           create an admin API key; it is printed once, alone on the last line
                           (scopes: sms:send, sms:read, templates:read, templates:write,
                           providers:read, keys:read, keys:write, audit:read,
                           tokens:introspect, users:read, users:write)
  keys list                list the admin API keys (never the keys themselves)
  keys revoke <id|prefix>  revoke an admin API key at once

  Works on an existing database only (DATABASE_URL, or DATA_DIR/otpgate.db): create it with otpgate migrate.
`;

type Action = (keys: ApiKeyService, out: (line: string) => void) => Promise<number>;

/**
 * `keys create | list | revoke`. What was typed is checked before the database is opened; a mistake is
 * one line on stderr and exit 2. Keys are stored as a plain SHA-256 of 256 random bits, so nothing here
 * needs AUTH_SECRET: only the database.
 */
export async function runKeys(readConfig: () => Pick<Config, 'database'>, argv: readonly string[]): Promise<number> {
  const line = parseCommand('keys', argv, { name: { type: 'string' }, scopes: { type: 'string' } }, KEYS_USAGE);
  if (typeof line === 'number') return line;
  const action = parse(line);
  if (typeof action === 'string') {
    process.stderr.write(`otpgate: keys: ${action}\n`);
    return 2;
  }
  const database = await openCommandDatabase(readConfig().database);
  try {
    const keys = createApiKeyService({ keys: createApiKeyRepository(database.db), now: Date.now });
    // Names and prefixes come from the database, where the admin API may have put them.
    return await action(keys, (text) => process.stdout.write(`${printable(text)}\n`));
  } finally {
    await database.close();
  }
}

/** The action to run, or what is wrong with the command line. */
function parse({ positionals, values }: CommandLine): Action | string {
  const name = values.name as string | undefined;
  const scopes = values.scopes as string | undefined;
  const [sub, ...rest] = positionals;
  const usesOptions = name !== undefined || scopes !== undefined;
  switch (sub) {
    case 'create': {
      if (rest.length > 0) return `unexpected argument "${rest[0]}" (see otpgate keys --help)`;
      const input = readNewKey(name, scopes);
      return input.ok ? (keys, out) => create(keys, out, input.key) : input.problem;
    }
    case 'list':
      return rest.length > 0 || usesOptions ? `keys list takes no arguments` : list;
    case 'revoke': {
      const [ref, extra] = rest;
      if (!ref || extra !== undefined || usesOptions) return 'keys revoke takes one id or prefix';
      return (keys, out) => revoke(keys, out, ref);
    }
    default:
      return sub
        ? `unknown action "${sub}" (see otpgate keys --help)`
        : 'an action is needed (see otpgate keys --help)';
  }
}

async function create(keys: ApiKeyService, out: (line: string) => void, input: Parameters<ApiKeyService['create']>[0]) {
  const { secret, key } = await keys.create(input, CLI_ACTOR);
  out(`created API key "${key.name}" (id ${key.id}, prefix ${key.prefix}) with scopes ${key.scopes.join(', ')}`);
  out('This is the only time the key is shown: store it now. Send it as "Authorization: Bearer <key>".');
  // Alone on the last line, so that scripts can take it with `tail -n 1`.
  out(secret);
  return 0;
}

async function list(keys: ApiKeyService, out: (line: string) => void) {
  const all = await keys.list();
  if (all.length === 0) {
    out('no API keys (create one with: otpgate keys create --name NAME --scopes SCOPE,...)');
    return 0;
  }
  const rows = [
    ['id', 'name', 'prefix', 'scopes', 'created', 'last used', 'revoked'],
    ...all.map((key: ApiKey) => [
      key.id,
      key.name,
      key.prefix,
      key.scopes.join(','),
      time(key.createdAt),
      time(key.lastUsedAt),
      time(key.revokedAt),
    ]),
  ];
  printTable(rows, out);
  return 0;
}

async function revoke(keys: ApiKeyService, out: (line: string) => void, ref: string) {
  const result = await keys.revoke(ref, CLI_ACTOR);
  switch (result.outcome) {
    case 'revoked':
      out(
        `revoked API key "${result.key.name}" (id ${result.key.id}, prefix ${result.key.prefix}); cancelled ${result.cancelled} queued message(s)`,
      );
      return 0;
    case 'already_revoked':
      out(`API key "${result.key.name}" (id ${result.key.id}) was already revoked at ${time(result.key.revokedAt)}`);
      return 0;
    case 'ambiguous':
      process.stderr.write(`otpgate: keys: ${result.matches} keys have the prefix "${ref}"; revoke by id\n`);
      return 1;
    case 'not_found':
      process.stderr.write(`otpgate: keys: no API key has the id or prefix "${ref}"\n`);
      return 1;
  }
}

/** Minutes are precise enough for people reading the list, and UTC avoids guessing the server's zone. */
function time(ms: number | null): string {
  return ms === null ? '-' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}
