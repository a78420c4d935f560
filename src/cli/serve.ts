import { withAuthSecret } from '../config/auth-secret.ts';
import type { Config } from '../config/index.ts';
import { startServer } from '../server.ts';

export async function runServe(config: Config): Promise<void> {
  const app = await startServer(withAuthSecret(config));
  const { sms, database } = config;
  app.log.info(
    { database: database.dialect, sms: sms.providers, testNumbers: sms.testNumbers.length, environment: config.env },
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
