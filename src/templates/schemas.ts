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
