import { withAuthSecret } from '../config/auth-secret.ts';
import type { Config } from '../config/index.ts';
import { describeDatabase } from '../db/describe.ts';
import { startServer } from '../server.ts';

export const SERVE_USAGE = `usage: otpgate serve

  Runs the service with the configuration in the environment (and .env in the working folder). Takes no
  arguments. SIGTERM or SIGINT stops it gracefully: requests in flight finish, then it exits 0.
`;

export async function runServe(config: Config): Promise<void> {
  const app = await startServer(withAuthSecret(config));
  const { sms, database } = config;
  app.log.info(
    {
      database: database.dialect,
      databaseUrl: describeDatabase(database.url),
      sms: sms.providers,
      testNumbers: sms.testNumbers.length,
      environment: config.env,
    },
    `otpgate listening on http://${config.http.host}:${config.http.port}`,
  );
  if (sms.provider === 'console') {
    app.log.warn(
      config.isProduction && !sms.devFallback
        ? 'no SMS provider is configured: code requests will answer 503 SMS_FAILED'
        : 'no SMS provider is configured: codes are written to this log (development fallback)',
    );
  }
}
