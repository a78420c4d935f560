import { CLI_ACTOR } from '../audit/actor.ts';
import type { Config } from '../config/index.ts';
import { createClientRepository, type OidcClient } from '../oidc/client-repository.ts';
import { createOidcClients, readNewClient, type NewClient, type OidcClients } from '../oidc/clients.ts';
import { parseCommand, type CommandLine } from './args.ts';
import { openCommandDatabase } from './database.ts';
import { printable, printTable } from './output.ts';

export const CLIENTS_USAGE = `usage: otpgate clients create --name NAME --redirect-uri URL ... | clients list | clients disable <client_id>

  clients create --name NAME --redirect-uri URL [--redirect-uri URL ...]
                 [--post-logout-redirect-uri URL ...] [--first-party] [--public]
                           register an OpenID Connect client; a confidential client's secret is
                           printed once, alone on the last line. Redirect URIs: absolute https URLs,
                           or http on localhost or 127.0.0.1 (any port); no fragment, no wildcard.
                           --first-party: the shop's own application (no consent asked)
                           --public: a browser or mobile app, with no secret (PKCE instead)
  clients list             list the clients (never their secrets)
  clients disable <client_id>
                           disable a client at once (it stays listed)
  clients rotate-secret <client_id>
                           give a confidential client a new secret, printed once on the last line;
                           the old one stops working at once

  Works on an existing database only (DATABASE_URL, or DATA_DIR/otpgate.db): create it with otpgate migrate.
`;

type Action = (clients: OidcClients, out: (line: string) => void) => Promise<number>;

const OPTIONS = {
  name: { type: 'string' },
  'redirect-uri': { type: 'string', multiple: true },
  'post-logout-redirect-uri': { type: 'string', multiple: true },
  'first-party': { type: 'boolean' },
  public: { type: 'boolean' },
} as const;

/**
 * `clients create | list | disable | rotate-secret`, as `keys`: what was typed is checked before the
 * database is opened, and a mistake is one line on stderr and exit 2; an unknown client is exit 1.
 */
export async function runClients(readConfig: () => Pick<Config, 'database'>, argv: readonly string[]): Promise<number> {
  const line = parseCommand('clients', argv, OPTIONS, CLIENTS_USAGE);
  if (typeof line === 'number') return line;
  const action = parse(line);
  if (typeof action === 'string') {
    process.stderr.write(`otpgate: clients: ${printable(action)}\n`);
    return 2;
  }
  const database = await openCommandDatabase(readConfig().database);
  try {
    const clients = createOidcClients({ clients: createClientRepository(database.db), now: Date.now });
    // Names and URIs come from the database, where the admin API may have put them.
    return await action(clients, (text) => process.stdout.write(`${printable(text)}\n`));
  } finally {
    await database.close();
  }
}

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);

/** The action to run, or what is wrong with the command line. */
function parse({ positionals, values }: CommandLine): Action | string {
  const [sub, ...rest] = positionals;
  const usesOptions = Object.values(values).some((value) => value !== undefined);
  const oneId = (action: string, run: (id: string) => Action): Action | string => {
    const [id, extra] = rest;
    if (!id || extra !== undefined || usesOptions) return `clients ${action} takes one client_id`;
    return run(id);
  };
  switch (sub) {
    case 'create': {
      if (rest.length > 0) return `unexpected argument "${rest[0]}" (see otpgate clients --help)`;
      const input = readNewClient({
        name: values.name as string | undefined,
        redirectUris: strings(values['redirect-uri']),
        postLogoutRedirectUris: strings(values['post-logout-redirect-uri']),
        firstParty: values['first-party'] === true,
        isPublic: values.public === true,
      });
      if (!input.ok) return input.field === 'name' ? input.problem.replace(/^name/, '--name') : input.problem;
      return (clients, out) => create(clients, out, input.client);
    }
    case 'list':
      return rest.length > 0 || usesOptions ? 'clients list takes no arguments' : list;
    case 'disable':
      return oneId('disable', (id) => (clients, out) => disable(clients, out, id));
    case 'rotate-secret':
      return oneId('rotate-secret', (id) => (clients, out) => rotate(clients, out, id));
    default:
      return sub
        ? `unknown action "${sub}" (see otpgate clients --help)`
        : 'an action is needed (see otpgate clients --help)';
  }
}

const kind = (client: OidcClient) => (client.isPublic ? 'public' : 'confidential');

async function create(clients: OidcClients, out: (line: string) => void, input: NewClient) {
  const { client, secret } = await clients.create(input, CLI_ACTOR);
  const party = client.firstParty ? ', first party' : '';
  out(`created OpenID Connect client "${client.name}" (${kind(client)}${party}) with client_id ${client.clientId}`);
  if (secret === null) return 0;
  out('This is the only time the client secret is shown: store it now.');
  // Alone on the last line, so that scripts can take it with `tail -n 1`.
  out(secret);
  return 0;
}

async function list(clients: OidcClients, out: (line: string) => void) {
  const all = await clients.list();
  if (all.length === 0) {
    out('no OpenID Connect clients (register one with: otpgate clients create --name NAME --redirect-uri URL)');
    return 0;
  }
  const rows = [
    ['client_id', 'name', 'type', 'first party', 'redirect URIs', 'created', 'disabled'],
    ...all.map((client) => [
      client.clientId,
      client.name,
      kind(client),
      client.firstParty ? 'yes' : 'no',
      client.redirectUris.join(' '),
      time(client.createdAt),
      time(client.disabledAt),
    ]),
  ];
  printTable(rows, out);
  return 0;
}

async function disable(clients: OidcClients, out: (line: string) => void, id: string) {
  const result = await clients.disable(id, CLI_ACTOR);
  switch (result.outcome) {
    case 'disabled':
      out(`disabled OpenID Connect client "${result.client.name}" (client_id ${id})`);
      return 0;
    case 'already_disabled':
      out(
        `OpenID Connect client "${result.client.name}" (client_id ${id}) was already disabled at ${time(result.client.disabledAt)}`,
      );
      return 0;
    case 'not_found':
      return notFound(id);
  }
}

async function rotate(clients: OidcClients, out: (line: string) => void, id: string) {
  const result = await clients.rotateSecret(id, CLI_ACTOR);
  switch (result.outcome) {
    case 'rotated':
      out(
        `new secret for OpenID Connect client "${result.client.name}" (client_id ${id}); the old one no longer works`,
      );
      out('This is the only time the client secret is shown: store it now.');
      out(result.secret);
      return 0;
    case 'public':
      process.stderr.write(
        `otpgate: clients: "${printable(result.client.name)}" is a public client: it has no secret\n`,
      );
      return 1;
    case 'disabled':
      process.stderr.write(`otpgate: clients: "${printable(result.client.name)}" is disabled\n`);
      return 1;
    case 'not_found':
      return notFound(id);
  }
}

function notFound(id: string): number {
  process.stderr.write(`otpgate: clients: no OpenID Connect client has the client_id "${printable(id)}"\n`);
  return 1;
}

/** Minutes are precise enough for people reading the list, and UTC avoids guessing the server's zone. */
function time(ms: number | null): string {
  return ms === null ? '-' : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}
