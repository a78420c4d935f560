import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/index.ts';

/**
 * Request logs carry no bodies, so codes and numbers never reach them by accident; the code paths that
 * log a number mask it themselves. Credentials in headers are redacted here as a second line of defence.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
