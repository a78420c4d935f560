import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * `sms_templates.approved`: for each provider that has approved the template on its side, its id there and
 * the placeholders it takes, in order, as JSON (`{"melipayamak": {"id": "123", "args": ["code"]}}`); `{}` when
 * none has. Seeds the code messages and the shop's back-in-stock alert in Persian and English.
 *
 * The Persian code wording is the text the service sent before templates existed, byte for byte: clients
 * and tests that read it keep working. The seeds are literals here, not imported, so that this migration
 * means the same thing whatever later code says.
 */
const SEEDS: ReadonlyArray<readonly [key: string, locale: string, body: string]> = [
  ['otp_login', 'fa', 'کد ورود شما: {code}\nاین کد تا {minutes} دقیقه معتبر است. آن را به کسی ندهید.'],
  ['otp_login', 'en', 'Your sign-in code: {code}\nIt is valid for {minutes} minutes. Do not share it with anyone.'],
  [
    'otp_phone_change',
    'fa',
    'کد تأیید شماره جدید شما: {code}\nاین کد تا {minutes} دقیقه معتبر است. آن را به کسی ندهید.',
  ],
  [
    'otp_phone_change',
    'en',
    'Your code to confirm your new number: {code}\nIt is valid for {minutes} minutes. Do not share it with anyone.',
  ],
  ['back_in_stock', 'fa', '«{product}» دوباره موجود شد.\nخرید: {url}'],
  ['back_in_stock', 'en', '{product} is back in stock.\nBuy it here: {url}'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sms_templates')
    .addColumn('approved', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  const at = Date.now();
  await db
    .insertInto('sms_templates')
    .values(
      SEEDS.map(([key, locale, body]) => ({
        id: randomUUID(),
        key,
        locale,
        body,
        approved: '{}',
        created_at: at,
        updated_at: at,
      })),
    )
    // A row an operator wrote by hand before this version is theirs to keep.
    .onConflict((oc) => oc.columns(['key', 'locale']).doNothing())
    .execute();
}

/** Drops the column and the six seeded templates (edited or not); templates added since stay. */
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('sms_templates')
    .where((eb) => eb.or(SEEDS.map(([key, locale]) => eb.and([eb('key', '=', key), eb('locale', '=', locale)]))))
    .execute();
  await db.schema.alterTable('sms_templates').dropColumn('approved').execute();
}
