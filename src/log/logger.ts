import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { maskRequestUrl } from './request-url.ts';

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

/**
 * One line per request, written when it is answered: method, url, client address, status code and response
 * time, with the request id the request's logger carries. Fastify's default writes two (`incoming request`
 * and `request completed`). Errors answered by `errors/handler.ts` are logged there, with the same request id; a response
 * that could not be written is logged here, at error, as `request errored`. Phone numbers anywhere in
 * the URL, and credentials in its query string, are masked (see `maskRequestUrl`).
 */
export class OneLinePerRequest extends LogController {
  /** `allowedCountries` reads national numbers in a query (`0912...`) so that they are masked as numbers. */
  constructor(private readonly allowedCountries: readonly string[]) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: maskRequestUrl(request.url, this.allowedCountries),
      // The client's address as TRUST_PROXY resolves it: security events need their source.
      ip: request.ip,
      statusCode: reply.statusCode,
      responseTime: reply.elapsedTime,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.info(`Route ${request.method}:${maskRequestUrl(request.url, this.allowedCountries)} not found`);
  }
}
