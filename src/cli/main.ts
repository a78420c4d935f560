import { withAuthSecret } from '../config/auth-secret.ts';
import { ConfigError } from '../config/config-error.ts';
import { configFromEnvironment, configFromEnvironmentOnly } from '../config/environment.ts';
import type { Env } from '../config/schema.ts';
import { StartupError } from '../server-errors.ts';
import { ignoreClosedPipe, printable } from './output.ts';

const USAGE = `Usage: otpgate <command> [--help]

  serve                           run the service (what npm start runs)
  migrate                         bring the database schema up to date
  migrate status                  show the schema version and pending migrations
  migrate down [--yes]            revert the newest migration (asks first; --yes without a terminal)
  smoke <base-url> [--phone N]    check a running deployment; with --phone, also request a code for N
  keys create --name NAME --scopes SCOPE,...
                                  create an admin API key; it is printed once, alone on the last line
                                  (scopes: sms:send, sms:read, templates:read, templates:write,
                                  providers:read, keys:read, keys:write, audit:read,
                                  tokens:introspect)
  keys list                       list the admin API keys (never the keys themselves)
  keys revoke <id|prefix>         revoke an admin API key at once
  clients create --name NAME --redirect-uri URL [--redirect-uri URL ...]
                 [--post-logout-redirect-uri URL ...] [--first-party] [--public]
                                  register an OpenID Connect client; a confidential client's secret
                                  is printed once, alone on the last line
  clients list                    list the OpenID Connect clients (never their secrets)
  clients disable <client_id>     disable an OpenID Connect client at once
  clients rotate-secret <client_id>
                                  give a confidential client a new secret (the old one stops working)
  limits reset --phone N | --ip A clear a number's or an address's rate limits
  openapi                         print the API's OpenAPI document (needs no configuration or database)
  signing-keys list               list the keys access tokens are signed with
  signing-keys rotate [--now]     add a new signing key (at once with --now); the old one stays
                                  published until the tokens it signed have expired
  users import FILE.csv           bring in existing customers (phone_number,external_id[,locale]);
                                  safe to run again
  admins add --phone N [--role admin|support]
                                  make the number's user staff of the admin console (admin: every
                                  scope; support: the read scopes); a number without a user gets one
  admins remove --phone N         take the number's user off staff, at once
  admins list                     list the staff with their numbers and roles
  telegram set-webhook            register PUBLIC_URL/api/v1/telegram/webhook with Telegram for the bot
  telegram delete-webhook [--drop-pending-updates]
                                  stop webhook delivery (updates then wait for polling)
  telegram webhook-info           what Telegram holds: URL, updates waiting, last error

  otpgate <command> --help shows a command's own usage. Every command but serve, smoke, openapi and
  telegram says on stderr which database it works on.
`;

/**
 * What each command other than `serve` reads: only these variables are read and checked, so that a
 * maintenance command needs neither AUTH_SECRET nor the SMS settings. DATA_DIR is there because the default
 * database lives in it.
 */
const DATABASE: ReadonlyArray<keyof Env> = ['DATA_DIR', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'MIGRATE_ON_START'];
const LIMITS: ReadonlyArray<keyof Env> = [
  ...DATABASE,
  // Counters are keyed by a hash of the number under AUTH_SECRET (kept in DATA_DIR when unset outside
  // production); NODE_ENV so that production refuses to run without it, as `serve` does.
  'NODE_ENV',
  'AUTH_SECRET',
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
  'PHONE_ALLOWED_COUNTRIES',
  'OTP_IPV6_PREFIX',
];

/** `signing-keys`: the database, and the access-token lifetime that says how long a retired key stays. */
const SIGNING_KEYS: ReadonlyArray<keyof Env> = [...DATABASE, 'ACCESS_TOKEN_TTL_SECONDS'];
/** `signing-keys rotate` seals the new private key under AUTH_SECRET (kept in DATA_DIR outside production). */
const SIGNING_KEYS_ROTATE: ReadonlyArray<keyof Env> = [...SIGNING_KEYS, 'NODE_ENV', 'AUTH_SECRET'];

/**
 * `telegram`: the bot's token, API root and webhook secret, and PUBLIC_URL; no database. Without NODE_ENV,
 * which in production would ask for AUTH_SECRET too: set-webhook checks that PUBLIC_URL is https itself.
 * Without TELEGRAM_UPDATES, so that deleting or reading a webhook needs no webhook secret.
 */
const TELEGRAM: ReadonlyArray<keyof Env> = [
  'PUBLIC_URL',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_API_ROOT',
  'TELEGRAM_WEBHOOK_SECRET',
];

/** Runs one command and returns the process exit code. Expected failures print one line, not a stack. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Everything otpgate creates (DATA_DIR, the SQLite database and its -wal and -shm, the generated
  // AUTH_SECRET) holds numbers, sessions or secrets: owner only, whatever the shell's umask says.
  process.umask(0o077);
  try {
    // Each command loads only what it uses: `smoke` and `migrate` start faster without the HTTP stack.
    switch (command) {
      case 'serve': {
        const { runServe, SERVE_USAGE } = await import('./serve.ts');
        const { parseCommand, usageError } = await import('./args.ts');
        const line = parseCommand('serve', rest, {}, SERVE_USAGE);
        if (typeof line === 'number') return line;
        if (line.positionals.length > 0) {
          return usageError('serve', `unexpected argument "${line.positionals[0]}"`, SERVE_USAGE);
        }
        await runServe(configFromEnvironment());
        return -1; // keep running; signals end the process
      }
      case 'migrate':
        return await (await import('./migrate.ts')).runMigrate(() => configFromEnvironmentOnly(DATABASE), rest);
      case 'smoke':
        return await (await import('./smoke.ts')).runSmoke(rest);
      case 'keys':
        return await (await import('./keys.ts')).runKeys(() => configFromEnvironmentOnly(DATABASE), rest);
      case 'clients':
        return await (await import('./clients.ts')).runClients(() => configFromEnvironmentOnly(DATABASE), rest);
      case 'openapi':
        return await (await import('./openapi.ts')).runOpenApi(rest);
      case 'signing-keys': {
        const { runSigningKeys } = await import('./signing-keys.ts');
        return await runSigningKeys(
          (withSecret) =>
            withSecret
              ? withAuthSecret(configFromEnvironmentOnly(SIGNING_KEYS_ROTATE))
              : configFromEnvironmentOnly(SIGNING_KEYS),
          rest,
        );
      }
      case 'users': {
        const { runUsers } = await import('./users.ts');
        return await runUsers(() => configFromEnvironmentOnly([...DATABASE, 'PHONE_ALLOWED_COUNTRIES']), rest);
      }
      case 'admins': {
        const { runAdmins } = await import('./admins.ts');
        return await runAdmins(() => configFromEnvironmentOnly([...DATABASE, 'PHONE_ALLOWED_COUNTRIES']), rest);
      }
      case 'telegram': {
        const { runTelegram } = await import('./telegram.ts');
        return await runTelegram(() => configFromEnvironmentOnly(TELEGRAM), rest);
      }
      case 'limits': {
        const { runLimits } = await import('./limits.ts');
        return await runLimits(() => withAuthSecret(configFromEnvironmentOnly(LIMITS)), rest);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command ? 0 : 2;
      default:
        process.stderr.write(`otpgate: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`otpgate: ${printable(error.message)}\n`);
      return 1;
    }
    // A driver's or a server's words: printed, not obeyed.
    const message = printable(error instanceof Error ? error.message : String(error));
    process.stderr.write(`otpgate: ${command} failed: ${message}\n`);
    return 1;
  }
}

/** How long a finished command may take to let go of what it opened before it is made to exit. */
const EXIT_GRACE_MS = 3000;

ignoreClosedPipe(process.stdout);
ignoreClosedPipe(process.stderr);
const code = await main(process.argv.slice(2));
if (code >= 0) {
  process.exitCode = code;
  // Everything a command opens is closed when it ends; should something still be open (a pool, a socket),
  // the command must end anyway, and say so, rather than hang.
  setTimeout(() => {
    process.stderr.write('otpgate: something was left open after the command ended; exiting\n');
    process.exit(code);
  }, EXIT_GRACE_MS).unref();
}
