import { newId } from '../db/ids.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { TemplatePosition } from './cursor.ts';
import { recordOf, type ProviderApproval, type TemplateRecord } from './record.ts';

/** What a template is written with. */
export interface TemplateInput {
  readonly body: string;
  readonly approved: Readonly<Record<string, ProviderApproval>>;
}

/**
 * Told of a write inside its transaction, with the template before and after it (null: there was none,
 * or it was deleted), so that a record of the change commits with it (the audit trail).
 */
export type Written = (
  trx: Kysely<Database>,
  before: TemplateRecord | null,
  after: TemplateRecord | null,
) => Promise<void>;

/** `sms_templates`: one row per key and locale (the unique index decides). */
export function createTemplateRepository(db: Kysely<Database>) {
  return {
    /** Every template, by key then locale, for the render cache. */
    async all(): Promise<TemplateRecord[]> {
      const rows = await db.selectFrom('sms_templates').selectAll().orderBy('key').orderBy('locale').execute();
      return rows.map(recordOf);
    },

    /**
     * One page of the listing, by key then locale: `limit` templates after `after` (from the start without
     * it), only `key`'s locales when given.
     */
    async page(options: { key?: string | undefined; after?: TemplatePosition | undefined; limit: number }) {
      const { key, after, limit } = options;
      let query = db.selectFrom('sms_templates').selectAll();
      if (key !== undefined) query = query.where('key', '=', key);
      if (after) {
        query = query.where((eb) =>
          eb.or([eb('key', '>', after.key), eb.and([eb('key', '=', after.key), eb('locale', '>', after.locale)])]),
        );
      }
      const rows = await query.orderBy('key').orderBy('locale').limit(limit).execute();
      return rows.map(recordOf);
    },

    async get(key: string, locale: string): Promise<TemplateRecord | null> {
      const row = await db
        .selectFrom('sms_templates')
        .selectAll()
        .where('key', '=', key)
        .where('locale', '=', locale)
        .executeTakeFirst();
      return row ? recordOf(row) : null;
    },

    /**
     * Creates or replaces the template for `key` and `locale` in one upsert, so two writers of a new key
     * and locale cannot both insert. `created` tells which it was: an update keeps the row's id and
     * `created_at`, so the new id coming back means this call inserted.
     */
    async put(
      key: string,
      locale: string,
      input: TemplateInput,
      now: number,
      written: Written = async () => {},
    ): Promise<{ record: TemplateRecord; created: boolean }> {
      const id = newId();
      return db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('sms_templates')
          .selectAll()
          .where('key', '=', key)
          .where('locale', '=', locale)
          .executeTakeFirst();
        const row = await trx
          .insertInto('sms_templates')
          .values({
            id,
            key,
            locale,
            body: input.body,
            approved: JSON.stringify(input.approved),
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc.columns(['key', 'locale']).doUpdateSet((eb) => ({
              body: eb.ref('excluded.body'),
              approved: eb.ref('excluded.approved'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .returningAll()
          .executeTakeFirstOrThrow();
        const record = recordOf(row);
        await written(trx, before ? recordOf(before) : null, record);
        return { record, created: row.id === id };
      });
    },

    /**
     * Deletes one template. With `keepLast`, refuses (`'last'`) when it is the key's only locale. The key's
     * rows are touched first inside the transaction: on PostgreSQL that locks them, so two deletes of a key's
     * last two locales run one after the other and the second sees one row left instead of both seeing two.
     * SQLite has one writer at a time anyway.
     */
    async remove(
      key: string,
      locale: string,
      { keepLast }: { keepLast: boolean },
      written: Written = async () => {},
    ): Promise<'deleted' | 'absent' | 'last'> {
      return db.transaction().execute(async (trx) => {
        const locked = await trx
          .updateTable('sms_templates')
          .set((eb) => ({ updated_at: eb.ref('updated_at') }))
          .where('key', '=', key)
          .returning('locale')
          .execute();
        if (!locked.some((row) => row.locale === locale)) return 'absent';
        if (keepLast && locked.length === 1) return 'last';
        const deleted = await trx
          .deleteFrom('sms_templates')
          .where('key', '=', key)
          .where('locale', '=', locale)
          .returningAll()
          .executeTakeFirstOrThrow();
        await written(trx, recordOf(deleted), null);
        return 'deleted';
      });
    },
  };
}

export type TemplateRepository = ReturnType<typeof createTemplateRepository>;
