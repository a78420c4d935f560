import { Type, type TSchema } from '@sinclair/typebox';
import { ERROR_CODES } from '../errors/codes.ts';

/** The one error envelope, with the extra fields some codes carry. */
export const ErrorEnvelope = Type.Object(
  {
    success: Type.Literal(false),
    message: Type.String(),
    code: Type.Union(Object.keys(ERROR_CODES).map((code) => Type.Literal(code))),
    attempts_left: Type.Optional(Type.Integer()),
    retry_after: Type.Optional(Type.Integer({ description: 'seconds; also sent as the Retry-After header' })),
    request_id: Type.Optional(Type.String()),
    missing: Type.Optional(Type.Array(Type.String(), { description: 'placeholders without a value' })),
  },
  { $id: 'ErrorEnvelope', title: 'Error' },
);

/** Response schemas for a route: its success body plus the error envelope for every error status. */
export function responses<T extends TSchema>(status: 200 | 201 | 202, body: T) {
  return { [status]: body, '4xx': Type.Ref(ErrorEnvelope), '5xx': Type.Ref(ErrorEnvelope) } as const;
}

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
