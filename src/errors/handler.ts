import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, LogController } from 'fastify';
import { isDatabaseUnavailable, isUnstorableText } from '../db/errors.ts';
import { setSecurityHeaders } from '../http/security-headers.ts';
import { SAFE_LINE_PATTERN, SAFE_TEXT_PATTERN } from '../text/characters.ts';
import { AppError } from './app-error.ts';
import type { ErrorCode } from './codes.ts';
import { DEFAULT_MESSAGE_LOCALE, messageFor, messageLocale } from './messages/index.ts';

/** Fastify's own error codes for bad input, mapped onto ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_ERROR',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_ERROR',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_ERROR',
  FST_ERR_VALIDATION: 'VALIDATION_ERROR',
};

/**
 * Turns every error into the one JSON envelope. Messages of unexpected errors are never shown: the client
 * gets INTERNAL_ERROR with the request id, and the log line carries the same id with the stack.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    // A client that closed its connection mid-request (or was cut off by HTTP_REQUEST_TIMEOUT_MS) is not a
    // fault of ours and has no one to answer; a warning per abort would let anyone fill the log.
    if (request.raw.readableAborted || request.raw.socket?.destroyed) {
      request.log.info({ method: request.method, url: request.url.split('?')[0], ip: request.ip }, 'client aborted');
      return;
    }
    const known = toAppError(error);
    if (known) {
      if (known.code === 'DATABASE_UNAVAILABLE') request.log.warn({ err: error }, 'database unavailable');
      return sendError(reply, known);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, new AppError('INTERNAL_ERROR', undefined, { request_id: request.id }));
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, new AppError('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`)),
  );
}

/**
 * The envelope of `error`, its message in the language the request's Accept-Language asks for. English gets
 * the error's own message, which may name the field at fault; another language gets its catalogue's message
 * for the code, the same for every error of that code.
 */
export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  if (typeof error.details.retry_after === 'number') reply.header('retry-after', String(error.details.retry_after));
  const locale = messageLocale(reply.request.headers['accept-language']);
  const message = locale === DEFAULT_MESSAGE_LOCALE ? error.message : messageFor(error.code, locale);
  return reply
    .status(error.status)
    .header('content-language', locale)
    .send({ success: false, message, code: error.code, ...error.details });
}

/**
 * Errors Fastify raises before routing (a path it cannot decode, a parameter past its length limit, a route
 * constraint that failed) skip the error handler and every hook; this gives them the envelope, the headers
 * of every answer and the request's log line. A malformed path is a mistake in the request itself, so
 * VALIDATION_ERROR (400), not NOT_FOUND: no route was looked for.
 */
export function frameworkErrorHandler(requestLog: Pick<LogController, 'requestCompleted'>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    setSecurityHeaders(request, reply);
    reply.header('cache-control', 'no-store');
    reply.raw.once('finish', () => requestLog.requestCompleted(null, request, reply));
    if (error.statusCode !== undefined && error.statusCode < 500) {
      void sendError(reply, new AppError('VALIDATION_ERROR', 'The request path is not valid'));
      return;
    }
    request.log.error({ err: error }, 'unhandled error');
    void sendError(reply, new AppError('INTERNAL_ERROR', undefined, { request_id: request.id }));
  };
}

function toAppError(error: FastifyError | AppError): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError('DATABASE_UNAVAILABLE');
  if (isUnstorableText(error)) return new AppError('VALIDATION_ERROR', 'The request holds a NUL character');
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return new AppError(mapped, mapped === 'VALIDATION_ERROR' ? validationMessage(error) : undefined);
  // Errors Fastify raises for malformed requests carry a 4xx status; keep their class, not their wording.
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('VALIDATION_ERROR');
  }
  return undefined;
}

function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first)
    return error.code === 'FST_ERR_VALIDATION' ? messageFor('VALIDATION_ERROR') : 'The body is not valid JSON';
  const field = first.instancePath ? first.instancePath.replace(/^\//, '').replaceAll('/', '.') : undefined;
  const params = first.params as { missingProperty?: string; additionalProperty?: string } | undefined;
  const unknown = params?.additionalProperty;
  if (unknown) return `${field ? `${field}.${unknown}` : unknown} is not a field this route accepts`;
  if ((first.params as { pattern?: string } | undefined)?.pattern === SAFE_TEXT_PATTERN) {
    return `${field ?? 'body'} holds a control or text-direction character (only line breaks are allowed)`;
  }
  if ((first.params as { pattern?: string } | undefined)?.pattern === SAFE_LINE_PATTERN) {
    return `${field ?? 'body'} holds a line break, a control or a text-direction character, or starts or ends with a space`;
  }
  const missing = params?.missingProperty;
  const name = field ?? missing ?? 'body';
  return missing && !field ? `${name} is required` : `${name} ${first.message ?? 'is not valid'}`;
}

/**
 * Requests Node's HTTP parser cannot read (an unknown method, a malformed request line) never reach a route
 * or the error handler; they get the same envelope here, written straight to the socket.
 */
/**
 * Two requests Node answers itself before any route: an `Expect` header other than `100-continue` (417, with
 * an empty body) and CONNECT (with no listener, the socket is closed unanswered). Both get the envelope.
 */
export function answerOutsideRoutes(server: Server): void {
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const locale = messageLocale(request.headers['accept-language']);
    const body = envelope('EXPECTATION_FAILED', messageFor('EXPECTATION_FAILED', locale));
    response.writeHead(417, { ...ENVELOPE_HEADERS, 'content-length': Buffer.byteLength(body), connection: 'close' });
    response.end(body);
  });
  server.on('connect', (request: IncomingMessage, socket: Duplex) => {
    const body = envelope('NOT_FOUND', messageFor('NOT_FOUND', messageLocale(request.headers['accept-language'])));
    const headers = Object.entries({
      ...ENVELOPE_HEADERS,
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 404 Not Found\r\n${headers}\r\n${body}`);
  });
}

const ENVELOPE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const envelope = (code: ErrorCode, message: string) => JSON.stringify({ success: false, message, code });

export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  // A request that did not fully arrive within HTTP_REQUEST_TIMEOUT_MS (see http/timeouts.ts).
  const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const [status, code, message] = timedOut
    ? (['408 Request Timeout', 'REQUEST_TIMEOUT', messageFor('REQUEST_TIMEOUT')] as const)
    : (['400 Bad Request', 'VALIDATION_ERROR', 'The request could not be parsed'] as const);
  const body = JSON.stringify({ success: false, message, code });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
