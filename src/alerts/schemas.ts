import { CANCEL_REASONS, type CancelReason } from './cancel.ts';
import { Type } from '@sinclair/typebox';
import { SAFE_LINE_PATTERN } from '../text/characters.ts';
import { ExternalId } from '../users/admin-schemas.ts';
import type { AlertWithName, ProductCounts } from './repository.ts';

export const CHANNELS = ['sms', 'telegram'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ALERT_STATUSES = ['active', 'notified', 'cancelled'] as const;

const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Union([Time, Type.Null()]);

/**
 * The shop's id for a product or a variant, and a product's name: one line of 1 to 100 characters, no control
 * or direction character, no space at either end. 100, because a product id is also a path parameter
 * (`/admin/products/:product_id/...`), and those are at most 100 characters.
 */
export const ShopId = (description: string) =>
  Type.String({ minLength: 1, maxLength: 100, pattern: SAFE_LINE_PATTERN, description });

const ProductId = ShopId("the shop's id for the product");
const VariantId = ShopId("the shop's id for the variant; leave it out for a product without variants");

const ChannelSchema = Type.Union(CHANNELS.map((channel) => Type.Literal(channel)));

const Channels = Type.Array(ChannelSchema, {
  minItems: 1,
  maxItems: CHANNELS.length,
  uniqueItems: true,
  description:
    '`sms` (needs a number on the account) and/or `telegram` (needs a linked Telegram that has not blocked or ' +
    'stopped the bot); all or nothing: one that cannot reach the user refuses the request',
});

// Required fields first: the API reference lists a body's required fields before its optional ones.
export const SubscribeBody = Type.Object(
  { product_id: ProductId, channels: Channels, variant_id: Type.Optional(VariantId) },
  { additionalProperties: false },
);

export const AdminSubscribeBody = Type.Object(
  {
    product_id: ProductId,
    channels: Channels,
    variant_id: Type.Optional(VariantId),
    phone_number: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'a mobile number as typed; its user is created when there is none',
      }),
    ),
    external_id: Type.Optional(ExternalId),
    user_id: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z-]{1,64}$' })),
  },
  { additionalProperties: false },
);

export const AlertParams = Type.Object({ id: Type.String({ pattern: '^[0-9A-Za-z-]{1,64}$' }) });
export const ProductParams = Type.Object({ product_id: ProductId });

const Limit = Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100, default 20' }));
const Cursor = Type.Optional(
  Type.String({ minLength: 1, maxLength: 300, description: 'next_cursor of the previous page' }),
);

export const MyAlertsQuery = Type.Object({ limit: Limit, cursor: Cursor }, { additionalProperties: false });

export const AdminAlertsQuery = Type.Object(
  {
    phone_number: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a mobile number as typed' })),
    external_id: Type.Optional(ExternalId),
    user_id: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z-]{1,64}$' })),
    product_id: Type.Optional(ProductId),
    status: Type.Optional(Type.Union(ALERT_STATUSES.map((status) => Type.Literal(status)))),
    limit: Limit,
    cursor: Cursor,
  },
  // A misspelt filter must not pass as if it had not been sent: that would answer every alert.
  { additionalProperties: false },
);

const Alert = Type.Object({
  id: Type.String(),
  product_id: Type.String(),
  variant_id: Type.Union([Type.String(), Type.Null()], { description: 'null for a product without variants' }),
  product_name: Type.Union([Type.String(), Type.Null()], {
    description: 'as the shop last reported it with the stock; null until it has',
  }),
  channel: ChannelSchema,
  locale: Type.String({ description: 'the language the alert goes out in' }),
  status: Type.Union(
    ALERT_STATUSES.map((status) => Type.Literal(status)),
    {
      description: '`active` until a restock notifies it (`notified`) or it is `cancelled`',
    },
  ),
  created_at: Time,
  notified_at: NullableTime,
  cancelled_at: NullableTime,
  cancel_reason: Type.Union([...CANCEL_REASONS.map((reason) => Type.Literal(reason)), Type.Null()], {
    description:
      'who or what cancelled it (the user, their stop link or button, the bot blocked, an admin, no number or the user blocked when a restock came); null unless cancelled',
  }),
});

const AdminAlert = Type.Object({
  ...Alert.properties,
  user_id: Type.String(),
  restock_id: Type.Union([Type.String(), Type.Null()], { description: 'the restock that notified it' }),
  clicked_at: Type.Union([Time, Type.Null()], { description: "the first click on the alert's link" }),
});

export const Subscribed = Type.Object({
  success: Type.Literal(true),
  created: Type.Boolean({ description: 'true (and status 201) when this request created any of the alerts' }),
  alerts: Type.Array(Alert, { description: 'the active alert of each channel asked for' }),
});

export const AdminSubscribed = Type.Object({
  success: Type.Literal(true),
  created: Type.Boolean({ description: 'true (and status 201) when this request created any of the alerts' }),
  user_created: Type.Boolean({ description: 'true when the phone number had no user and one was created' }),
  user_id: Type.String(),
  alerts: Type.Array(AdminAlert),
});

export const AlertPage = Type.Object({
  success: Type.Literal(true),
  alerts: Type.Array(Alert),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
});

export const AdminAlertPage = Type.Object({
  success: Type.Literal(true),
  alerts: Type.Array(AdminAlert),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }),
});

export const AlertCancelled = Type.Object({
  success: Type.Literal(true),
  cancelled: Type.Boolean({ description: 'false when it was already notified or cancelled (nothing changed)' }),
  alert: Alert,
});

export const AdminAlertCancelled = Type.Object({
  success: Type.Literal(true),
  cancelled: Type.Boolean({ description: 'false when it was already notified or cancelled (nothing changed)' }),
  alert: AdminAlert,
});

const Count = Type.Integer({ minimum: 0 });

export const ProductAlertCounts = Type.Object({
  success: Type.Literal(true),
  product_id: Type.String(),
  variants: Type.Array(
    Type.Object({
      variant_id: Type.Union([Type.String(), Type.Null()], { description: 'null for a product without variants' }),
      product_name: Type.Union([Type.String(), Type.Null()]),
      active: Type.Object(
        { sms: Count, telegram: Count, total: Count },
        { description: 'subscribers waiting, per channel' },
      ),
      notified: Count,
      cancelled: Count,
    }),
    { description: 'every variant with an alert of any status, in variant_id order' },
  ),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const alertView = (row: AlertWithName) => ({
  id: row.id,
  product_id: row.product_id,
  variant_id: row.variant_id === '' ? null : row.variant_id,
  product_name: row.product_name,
  channel: row.channel as Channel,
  locale: row.locale,
  status: row.status as (typeof ALERT_STATUSES)[number],
  created_at: new Date(row.created_at).toISOString(),
  notified_at: iso(row.notified_at),
  cancelled_at: iso(row.cancelled_at),
  cancel_reason: row.cancel_reason as CancelReason | null,
});

export const adminAlertView = (row: AlertWithName) => ({
  ...alertView(row),
  user_id: row.user_id,
  restock_id: row.restock_id,
  clicked_at: iso(row.clicked_at),
});

export const productCountsView = (counts: readonly ProductCounts[]) =>
  counts.map((variant) => ({
    variant_id: variant.variant_id === '' ? null : variant.variant_id,
    product_name: variant.product_name,
    active: { sms: variant.sms, telegram: variant.telegram, total: variant.sms + variant.telegram },
    notified: variant.notified,
    cancelled: variant.cancelled,
  }));
