import { Type } from '@sinclair/typebox';
import { MessageText } from '../http/schemas.ts';
import type { TemplateRecord } from './record.ts';

const KEY = '^[a-z][a-z0-9_]{0,63}$';

export const TemplateParams = Type.Object({
  key: Type.String({ pattern: KEY, description: 'lower case letters, digits and _, e.g. back_in_stock' }),
  locale: Type.String({ pattern: '^[a-z]{2,3}$', description: 'an ISO 639 language code: fa, en, ...' }),
});

/** Templates a page of the listing holds when the query does not say. */
export const TEMPLATE_PAGE_SIZE = 50;

// Querystring values arrive as strings (coerceTypes is off), so `limit` is a pattern, converted by the route.
export const TemplateListQuery = Type.Object(
  {
    key: Type.Optional(TemplateParams.properties.key),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100, default 50' })),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'next_cursor of the previous page' }),
    ),
  },
  { additionalProperties: false },
);

const Approval = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, description: "the template's id at the provider" }),
    args: Type.Array(Type.String({ maxLength: 32 }), {
      maxItems: 20,
      description: 'placeholders of the body, in the order the provider takes them',
    }),
  },
  { additionalProperties: false },
);

// A record rather than named properties: the providers are the service's to know (it refuses an unknown
// name, a typo, saying which), not the schema's.
const Approvals = Type.Record(Type.String(), Approval, {
  description: 'by provider (melipayamak, kavenegar, smsir): its approved template for this text',
  examples: [{ melipayamak: { id: '123456', args: ['code'] } }],
});

export const TemplateBody = Type.Object(
  {
    body: MessageText({
      minLength: 1,
      maxLength: 1000,
      description: 'the text, with placeholders such as {code}, {minutes}, {product}',
    }),
    approved: Type.Optional(Approvals),
  },
  { additionalProperties: false },
);

const TemplateView = Type.Object({
  key: Type.String(),
  locale: Type.String(),
  body: Type.String(),
  placeholders: Type.Array(Type.String(), { description: 'in order of appearance' }),
  approved: Approvals,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});

export const TemplateList = Type.Object({
  success: Type.Literal(true),
  templates: Type.Array(TemplateView),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
});

export const OneTemplate = Type.Object({ success: Type.Literal(true), template: TemplateView });

export const SavedTemplate = Type.Object({
  success: Type.Literal(true),
  created: Type.Boolean({ description: 'true when this created the template, false when it replaced one' }),
  template: TemplateView,
});

export const TemplateDeleted = Type.Object({ success: Type.Literal(true), message: Type.String() });

export const templateView = (record: TemplateRecord) => ({
  key: record.key,
  locale: record.locale,
  body: record.body,
  placeholders: [...record.placeholders],
  approved: Object.fromEntries(
    Object.entries(record.approved).map(([provider, { id, args }]) => [provider, { id, args: [...args] }]),
  ),
  created_at: new Date(record.createdAt).toISOString(),
  updated_at: new Date(record.updatedAt).toISOString(),
});

export const PreviewBody = Type.Object(
  {
    body: MessageText({ maxLength: 1000, description: 'the text being written, placeholders and all' }),
    key: Type.Optional(
      Type.String({
        pattern: KEY,
        description: "the template it is for: a code message's rules and filling, a service message's placeholders",
      }),
    ),
    locale: Type.Optional(
      Type.String({ pattern: '^[a-z]{2,3}$', description: 'the language of the sample values; default fa' }),
    ),
  },
  { additionalProperties: false },
);

export const TemplatePreviewAnswer = Type.Object({
  success: Type.Literal(true),
  text: Type.String({
    description:
      'the message with sample values in its placeholders ({code} and {minutes} as the code sender fills them, ' +
      'with the WebOTP line when OTP_WEBOTP_DOMAIN is set); a name without a sample is filled with itself',
  }),
  placeholders: Type.Array(Type.String(), { description: 'in order of appearance' }),
  encoding: Type.Union([Type.Literal('GSM-7'), Type.Literal('UCS-2')], {
    description: 'UCS-2 as soon as one character is outside the GSM alphabet (any Persian letter)',
  }),
  parts: Type.Integer({ minimum: 0, description: 'SMS the text goes out as (0 for an empty text)' }),
  characters: Type.Integer({ minimum: 0 }),
  units: Type.Integer({ minimum: 0, description: 'septets (GSM-7) or UTF-16 units (UCS-2)' }),
  per_part: Type.Integer({ description: 'units per SMS: 160 or 70 in one SMS, 153 or 67 per part of a longer one' }),
  max_parts: Type.Integer({ description: 'SMS_MAX_PARTS: a longer message is refused' }),
  problem: Type.Union([Type.String(), Type.Null()], {
    description:
      'why PUT would refuse this body for key (VALIDATION_ERROR or MESSAGE_TOO_LONG); null when it would not',
  }),
});
