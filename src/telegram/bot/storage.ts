import type { StorageAdapter } from 'grammy';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { BotSession } from './feature.ts';

/** A conversation left this long is forgotten: a half-finished step is not resumed a day later. */
export const BOT_SESSION_IDLE_MS = 24 * 3600_000;

/**
 * grammY's session store over `telegram_bot_sessions`, the same on SQLite and PostgreSQL. Each write pushes the
 * expiry `idleMs` ahead; a row past it reads as absent (maintenance deletes it). A write is one upsert, so two
 * instances writing the same key leave the last write, as grammY's own stores do.
 */
export function createBotSessionStorage(
  db: Kysely<Database>,
  now: () => number,
  idleMs: number = BOT_SESSION_IDLE_MS,
): StorageAdapter<BotSession> {
  return {
    async read(key) {
      const row = await db
        .selectFrom('telegram_bot_sessions')
        .select('value')
        .where('key', '=', key)
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return row ? (JSON.parse(row.value) as BotSession) : undefined;
    },
    async write(key, value) {
      const at = now();
      const row = { value: JSON.stringify(value), expires_at: at + idleMs, updated_at: at };
      await db
        .insertInto('telegram_bot_sessions')
        .values({ key, ...row })
        .onConflict((oc) => oc.column('key').doUpdateSet(row))
        .execute();
    },
    async delete(key) {
      await db.deleteFrom('telegram_bot_sessions').where('key', '=', key).execute();
    },
  };
}
