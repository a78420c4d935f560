import { ConfigError } from '../config/config-error.ts';
import { configFromEnvironment } from '../config/environment.ts';
import { StartupError } from '../server-errors.ts';

const USAGE = `Usage: otpgate <command>

  serve                           run the service (what npm start runs)
  migrate                         bring the database schema up to date
  migrate status                  show the schema version and pending migrations
  migrate down                    revert the newest migration
  smoke <base-url> [--phone N]    check a running deployment; with --phone, also request a code for N
  keys create --name NAME --scopes SCOPE,...
                                  create an admin API key; it is printed once, alone on the last line
                                  (scopes: sms:send, sms:read, templates:read, templates:write,
                                  providers:read, keys:read)
  keys list                       list the admin API keys (never the keys themselves)
  keys revoke <id|prefix>         revoke an admin API key at once
`;

/** Runs one command and returns the process exit code. Expected failures print one line, not a stack. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        // Each command loads only what it uses: `smoke` and `migrate` start faster without the HTTP stack.
        await (await import('./serve.ts')).runServe(configFromEnvironment());
        return -1; // keep running; signals end the process
      case 'migrate':
        return await (await import('./migrate.ts')).runMigrate(configFromEnvironment(), rest[0]);
      case 'smoke':
        return await (await import('./smoke.ts')).runSmoke(rest);
      case 'keys':
        return await (await import('./keys.ts')).runKeys(configFromEnvironment(), rest);
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
      process.stderr.write(`otpgate: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`otpgate: ${command} failed: ${message}\n`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
