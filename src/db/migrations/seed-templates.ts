import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/** A template a migration seeds: its key, locale and body, as literals frozen with that migration. */
export type TemplateSeed = readonly [key: string, locale: string, body: string];

/** Inserts seeded templates; a row an operator wrote by hand before the migration is theirs to keep. */
export async function seedTemplates(db: Kysely<any>, seeds: readonly TemplateSeed[]): Promise<void> {
  const at = Date.now();
  await db
    .insertInto('sms_templates')
    .values(
      seeds.map(([key, locale, body]) => ({
        id: randomUUID(),
        key,
        locale,
        body,
        approved: '{}',
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['key', 'locale']).doNothing())
    .execute();
}

/** Deletes the seeded templates (edited or not); templates added since stay. */
export async function unseedTemplates(db: Kysely<any>, seeds: readonly TemplateSeed[]): Promise<void> {
  await db
    .deleteFrom('sms_templates')
    .where((eb) => eb.or(seeds.map(([key, locale]) => eb.and([eb('key', '=', key), eb('locale', '=', locale)]))))
    .execute();
}
