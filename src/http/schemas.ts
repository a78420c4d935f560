import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '../errors/codes.ts';
import { SAFE_TEXT_PATTERN } from '../text/characters.ts';
import { errorResponses } from './error-responses.ts';

/**
 * The one error envelope with every code, as a reference: each route's responses list only its own codes
 * (see errorResponses).
 */
export const ErrorEnvelope = Type.Object(
  {
    success: Type.Literal(false),
    message: Type.String(),
    code: Type.Union(Object.keys(ERROR_CODES).map((code) => Type.Literal(code))),
    attempts_left: Type.Optional(Type.Integer()),
    retry_after: Type.Optional(Type.Integer({ description: 'seconds; also sent as the Retry-After header' })),
    request_id: Type.Optional(Type.String()),
    missing: Type.Optional(Type.Array(Type.String(), { description: 'placeholders without a value' })),
    channel: Type.Optional(
      Type.String({ description: 'ALERT_CHANNEL_UNAVAILABLE: the channel that cannot reach the user' }),
    ),
  },
  { $id: 'ErrorEnvelope', title: 'Error' },
);

/**
 * A route's responses: its success body and the error envelope for exactly the codes it can answer with
 * (see errorResponses).
 */
export function responses<T extends TSchema>(status: 200 | 201 | 202, body: T, errors: readonly ErrorCode[]) {
  return { [status]: body, ...errorResponses(errors) };
}

/** The request header of routes that send a code message, whose language it picks. */
export const AcceptLanguage = Type.Object({
  'accept-language': Type.Optional(
    Type.String({
      description:
        "the message's language: the best of these that has a template; without it, the user's stored locale",
      examples: ['en-GB, en;q=0.8, fa;q=0.5'],
    }),
  ),
});

export const PhoneNumber = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'A mobile number as typed: national or international form, Persian or Arabic-Indic digits allowed',
  examples: ['09123456789'],
});

export const Code = Type.String({
  minLength: 1,
  maxLength: 32,
  description: 'The code from the SMS',
  examples: ['123456'],
});

export const BearerAuth = [{ bearerAuth: [] }];

/**
 * A route's `preValidation` for a body whose every field is optional: a request with no body at all (a
 * browser's `fetch` with only a cookie) is read as `{}`, rather than refused for not being an object.
 */
export async function emptyBodyAsObject(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

/**
 * A message's text as a request may carry it (a template body, a text to send, a placeholder's value): any
 * script, line breaks, ZWNJ; no control, NUL or bidi-override character (see text/characters.ts).
 */
export function MessageText(options: { minLength?: number; maxLength: number; description?: string }) {
  return Type.String({ ...options, pattern: SAFE_TEXT_PATTERN });
}
