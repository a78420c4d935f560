import { ShopId } from './schemas.ts';
import { Type } from '@sinclair/typebox';
import type { RestockStats } from './restocks.ts';

const Time = Type.String({ format: 'date-time' });

/** The same ids as a subscription names, so that every alert can be restocked. */
export const ProductParams = Type.Object({
  product_id: ShopId("the shop's product id"),
});

const VariantId = ShopId("the shop's variant id; absent for a product without variants");

export const StockBody = Type.Object(
  {
    quantity: Type.Integer({
      minimum: -1_000_000_000,
      maximum: 1_000_000_000,
      description:
        'units in stock now; 0 or less is out of stock (backorders are not stock: report a backorderable item as 0)',
    }),
    variant_id: Type.Optional(VariantId),
    name: Type.Optional(ShopId('what messages call the product (one line, at most 100 characters); kept when omitted')),
    url: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2048,
        description: "the product's page, where the alert's link leads (http or https; https in production)",
      }),
    ),
  },
  { additionalProperties: false },
);

export const StockRecordedBody = Type.Object({
  success: Type.Literal(true),
  product_id: Type.String(),
  variant_id: Type.Union([Type.String(), Type.Null()], { description: 'null for a product without variants' }),
  quantity: Type.Integer(),
  restock: Type.Union(
    [
      Type.Object({
        id: Type.String(),
        notify_limit: Type.Union([Type.Integer(), Type.Null()], {
          description: 'how many subscribers it notifies: quantity times ALERTS_PER_UNIT; null: all of them',
        }),
      }),
      Type.Null(),
    ],
    { description: 'the restock this report started (the product went from none to some); null otherwise' },
  ),
});

export const RestockQuery = Type.Object(
  {
    variant_id: Type.Optional(VariantId),
    limit: Type.Optional(Type.String({ pattern: '^(100|[1-9][0-9]?)$', description: '1 to 100, default 20' })),
  },
  { additionalProperties: false },
);

export const Restock = Type.Object({
  id: Type.String(),
  product_id: Type.String(),
  variant_id: Type.Union([Type.String(), Type.Null()], { description: 'null for a product without variants' }),
  quantity: Type.Integer({ description: 'the quantity reported' }),
  notify_limit: Type.Union([Type.Integer(), Type.Null()]),
  status: Type.Union([Type.Literal('fanning'), Type.Literal('done')]),
  notified: Type.Integer({ description: 'subscribers whose message was queued' }),
  delivered: Type.Integer({
    description: 'of those, messages the SMS provider took (sent or delivered) or Telegram accepted (sent)',
  }),
  clicked: Type.Integer({ description: 'of those, alerts whose link was opened' }),
  created_at: Time,
  finished_at: Type.Union([Time, Type.Null()]),
});

export const RestockList = Type.Object({ success: Type.Literal(true), restocks: Type.Array(Restock) });

const iso = (ms: number) => new Date(ms).toISOString();

export function restockView(row: RestockStats) {
  return {
    ...row,
    status: row.status as 'fanning' | 'done',
    created_at: iso(row.created_at),
    finished_at: row.finished_at === null ? null : iso(row.finished_at),
  };
}
