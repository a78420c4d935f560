import type { Kysely } from 'kysely';
import { seedTemplates, unseedTemplates, type TemplateSeed } from './seed-templates.ts';

/**
 * `sms_templates.approved`: for each provider that has approved the template on its side, its id there and
 * the placeholders it takes, in order, as JSON (`{"melipayamak": {"id": "123", "args": ["code"]}}`); `{}` when
 * none has. Seeds the code messages and the shop's back-in-stock alert in Persian and English.
 *
 * The Persian code wording is the text the service sent before templates existed, byte for byte: clients
 * and tests that read it keep working. The seeds are literals here, not imported, so that this migration
 * means the same thing whatever later code says.
 */
const SEEDS: readonly TemplateSeed[] = [
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
  await seedTemplates(db, SEEDS);
}

/** Drops the column and the six seeded templates (edited or not); templates added since stay. */
export async function down(db: Kysely<any>): Promise<void> {
  await unseedTemplates(db, SEEDS);
  await db.schema.alterTable('sms_templates').dropColumn('approved').execute();
}
