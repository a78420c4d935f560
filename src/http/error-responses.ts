import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { ERROR_CODES, type ErrorCode } from '../errors/codes.ts';
import { messageFor } from '../errors/messages/index.ts';

/**
 * Codes the app itself answers on any route: SERVICE_UNAVAILABLE from the hook that refuses requests while
 * the instance closes, INTERNAL_ERROR from the error handler for a bug, VALIDATION_ERROR for a path that
 * cannot be decoded, REQUEST_TIMEOUT for a request that does not arrive in time and EXPECTATION_FAILED for an
 * `Expect` header it does not do. Every route gets them.
 */
const ANY_ROUTE: readonly ErrorCode[] = [
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'VALIDATION_ERROR',
  'REQUEST_TIMEOUT',
  'EXPECTATION_FAILED',
];

/** What Fastify answers for a body it cannot read or that breaks the route's body schema. */
export const BODY_ERRORS: readonly ErrorCode[] = ['VALIDATION_ERROR', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

interface Extras {
  /** Fields of the envelope beyond success, message and code. */
  readonly fields: TProperties;
  /** Response headers sent with the code (see sendError). */
  readonly headers?: Record<string, TSchema>;
}

/** The codes whose envelope carries more than success, message and code; keyed by code so a rename breaks here. */
const EXTRAS: Partial<Record<ErrorCode, Extras>> = {
  OTP_INVALID: { fields: { attempts_left: Type.Integer({ minimum: 0, description: 'wrong codes left' }) } },
  RATE_LIMITED: {
    fields: { retry_after: Type.Integer({ minimum: 0, description: 'seconds; also the Retry-After header' }) },
    headers: { 'Retry-After': Type.Integer({ minimum: 0, description: 'seconds until a retry may succeed' }) },
  },
  INTERNAL_ERROR: { fields: { request_id: Type.String({ description: 'the id of the log line with the cause' }) } },
  ALERT_CHANNEL_UNAVAILABLE: {
    fields: {
      channel: Type.Union([Type.Literal('sms'), Type.Literal('telegram')], {
        description: 'the channel asked for that cannot reach the user',
      }),
    },
  },
  TEMPLATE_PARAMS_MISSING: {
    fields: { missing: Type.Array(Type.String(), { description: 'placeholders without a value' }) },
  },
};

/**
 * The error responses of a route, by HTTP status, for exactly the codes it can answer with (plus the two
 * every route can: see ANY_ROUTE). Each status gets the envelope with `code` limited to its codes, the extra
 * fields of those codes (required when every code of the status carries them) and their headers.
 *
 *     response: { 200: CodeSent, ...errorResponses([...BODY_ERRORS, 'INVALID_PHONE', 'RATE_LIMITED']) }
 *
 * The contract test drives every route and fails on a code its route does not list here.
 */
export function errorResponses(codes: readonly ErrorCode[]): Record<number, TSchema> {
  const listed = new Set([...codes, ...ANY_ROUTE]);
  const byStatus = new Map<number, ErrorCode[]>();
  // Registry order, so that the document reads the same whatever order a route lists its codes in.
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    if (!listed.has(code)) continue;
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries([...byStatus].map(([status, group]) => [status, envelope(group)]));
}

function envelope(codes: readonly ErrorCode[]): TSchema {
  const fields: TProperties = {};
  const headers: Record<string, TSchema> = {};
  for (const code of codes) {
    const extras = EXTRAS[code];
    if (!extras) continue;
    const always = (has: (other: Extras) => boolean) => codes.every((other) => EXTRAS[other] && has(EXTRAS[other]));
    for (const [name, schema] of Object.entries(extras.fields)) {
      fields[name] = always((other) => name in other.fields) ? schema : Type.Optional(schema);
    }
    for (const [name, schema] of Object.entries(extras.headers ?? {})) {
      // OpenAPI says whether a header is required on the header, not in its schema; openapi.ts moves it.
      const required = always((other) => name in (other.headers ?? {}));
      headers[name] = required ? { ...schema, [REQUIRED_HEADER]: true } : schema;
    }
  }
  return Type.Object(
    {
      success: Type.Literal(false),
      message: Type.String({
        description: 'for people, in the language Accept-Language asks for (English or Persian); may be reworded',
      }),
      code: Type.Unsafe<ErrorCode>({ type: 'string', enum: [...codes] }),
      ...fields,
    },
    {
      description: codes.map((code) => `\`${code}\`: ${messageFor(code)}`).join('; '),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
    },
  );
}

/** Marks a response header schema as always sent; see requireMarkedHeaders. */
export const REQUIRED_HEADER = 'x-always-sent';
