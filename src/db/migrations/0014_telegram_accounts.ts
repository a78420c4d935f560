import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { seedTemplates, unseedTemplates, type TemplateSeed } from './seed-templates.ts';

/**
 * Signing in with Telegram.
 *
 * `users.phone_number` may be null: a person who signs in with Telegram's widget or a Mini App has no number
 * until they add one. It stays unique where set. SQLite cannot drop a NOT NULL, so there the table is
 * rebuilt (migrate.ts turns foreign keys off around migrations, so dropping the old table cascades nowhere).
 *
 * Seeds the `telegram_linked` notice in Persian and English.
 *
 * `sessions.amr`: how the session signed in (`sms`, `telegram`), carried to every token of the family.
 *
 * `telegram_users` was a placeholder nothing wrote to; it is made again: the Telegram user id is the key,
 * a user has at most one (unique `user_id`), and the row goes with its user.
 *
 * `telegram_login_replays`: the hashes of widget and Mini App logins already used, until they could no
 * longer be fresh. `telegram_oidc_states`: OpenID Connect sign-ins under way (state, the browser that
 * started, where to return, single use). `telegram_oidc_grants`: the one-time codes a front end exchanges
 * for tokens after the callback, bound to the same browser as the state (`binding` names its cookie). Only hashes of the secrets are stored.
 */
/** The notice to a number whose account a Telegram account joined through it (see 0004 for why literals). */
const SEEDS: readonly TemplateSeed[] = [
  [
    'telegram_linked',
    'fa',
    'حساب تلگرام {telegram} با همین شماره به حساب شما وصل شد و از این پس با آن می‌توان وارد شد. اگر این کار را شما نکرده‌اید، فوراً با پشتیبانی تماس بگیرید.',
  ],
  [
    'telegram_linked',
    'en',
    'The Telegram account {telegram} joined your account through this number and now signs in to it. If this was not you, contact support at once.',
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  await seedTemplates(db, SEEDS);
  if (await isSqlite(db)) await rebuildUsers(db, 'null');
  else await sql`alter table users alter column phone_number drop not null`.execute(db);

  await db.schema
    .alterTable('sessions')
    .addColumn('amr', 'text', (c) => c.notNull().defaultTo('sms'))
    .execute();

  await db.schema.dropTable('telegram_users').execute();
  await db.schema
    .createTable('telegram_users')
    .addColumn('telegram_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('username', 'text')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('photo_url', 'text')
    .addColumn('language_code', 'text')
    .addColumn('chat_id', 'text')
    .addColumn('first_sign_in_at', 'bigint')
    .addColumn('last_sign_in_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('telegram_login_replays')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('telegram_login_replays_expiry_idx')
    .on('telegram_login_replays')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('telegram_oidc_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('browser_hash', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('link_user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('telegram_oidc_states_expiry_idx')
    .on('telegram_oidc_states')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('telegram_oidc_grants')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('telegram_id', 'text', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('phone_number', 'text')
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('link_user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('binding', 'text', (c) => c.notNull())
    .addColumn('browser_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('telegram_oidc_grants_expiry_idx')
    .on('telegram_oidc_grants')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await unseedTemplates(db, SEEDS);
  for (const table of ['telegram_oidc_grants', 'telegram_oidc_states', 'telegram_login_replays', 'telegram_users']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  // The placeholder as 0001 made it.
  await db.schema
    .createTable('telegram_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('telegram_id', 'text', (c) => c.notNull().unique())
    .addColumn('chat_id', 'text')
    .addColumn('username', 'text')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('phone_number', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('sessions').dropColumn('amr').execute();
  // Users without a number cannot stay in a table that requires one. Their rows elsewhere go first, by
  // hand: on SQLite foreign keys are off while migrations run, so nothing cascades.
  const numberless = db.selectFrom('users').select('id').where('phone_number', 'is', null);
  for (const table of ['sessions', 'phone_verifications', 'telegram_link_tokens', 'stock_alerts']) {
    await db.deleteFrom(table).where('user_id', 'in', numberless).execute();
  }
  await db.deleteFrom('users').where('phone_number', 'is', null).execute();
  if (await isSqlite(db)) await rebuildUsers(db, 'not null');
  else await sql`alter table users alter column phone_number set not null`.execute(db);
}

/** PostgreSQL runs a migration in a transaction, so asking by a query that may fail is not an option. */
async function isSqlite(db: Kysely<any>): Promise<boolean> {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** SQLite's way to change a column's constraint: a new table, the rows copied, the old one dropped. */
async function rebuildUsers(db: Kysely<any>, phone: 'null' | 'not null'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`create table users_rebuilt (
      id text primary key,
      phone_number text ${sql.raw(phone === 'null' ? '' : 'not null ')}unique,
      phone_verified integer not null default 0,
      locale text,
      created_at bigint not null,
      updated_at bigint not null,
      last_login_at bigint,
      external_id text,
      blocked_at bigint
    )`.execute(trx);
    await sql`insert into users_rebuilt (id, phone_number, phone_verified, locale, created_at, updated_at,
      last_login_at, external_id, blocked_at)
      select id, phone_number, phone_verified, locale, created_at, updated_at, last_login_at, external_id,
      blocked_at from users`.execute(trx);
    await sql`drop table users`.execute(trx);
    await sql`alter table users_rebuilt rename to users`.execute(trx);
    await sql`create unique index users_external_id_uq on users (external_id)`.execute(trx);
    await sql`create index users_created_idx on users (created_at, id)`.execute(trx);
  });
}
