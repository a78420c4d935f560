import { sql, type Kysely } from 'kysely';
import { seedTemplates, unseedTemplates, type TemplateSeed } from './seed-templates.ts';

/**
 * `sessions.auth_time`: when the session's sign-in happened (a verified code), copied onto every refresh
 * token of the family. A phone change needs a recent sign-in and a session ends at a maximum age from it;
 * `created_at` cannot say when that was, because it is renewed at every refresh and the first rows of a
 * family are deleted once they expire.
 *
 * Sessions from before this version get the oldest `created_at` their family still has: their real sign-in,
 * unless maintenance has already deleted the family's first rows, in which case a later time (the session
 * lives a little longer than it would have). The default 0 is only there because SQLite cannot add a NOT NULL
 * column without one; every insert sets the column, and a 0 would read as "signed in long ago" (fails closed).
 *
 * Also seeds the `phone_changed` notice in Persian and English, as literals (see 0004).
 */
const SEEDS: readonly TemplateSeed[] = [
  [
    'phone_changed',
    'fa',
    'شماره موبایل حساب شما به {phone} تغییر کرد و این شماره دیگر به آن حساب وصل نیست. اگر این کار را شما نکرده‌اید، فوراً با پشتیبانی تماس بگیرید.',
  ],
  [
    'phone_changed',
    'en',
    'The mobile number of your account was changed to {phone}; this number no longer signs in to it. If you did not do this, contact support at once.',
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('auth_time', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update sessions set auth_time = (select min(s.created_at) from sessions s where s.family_id = sessions.family_id)`.execute(
    db,
  );
  await seedTemplates(db, SEEDS);
}

export async function down(db: Kysely<any>): Promise<void> {
  await unseedTemplates(db, SEEDS);
  await db.schema.alterTable('sessions').dropColumn('auth_time').execute();
}
