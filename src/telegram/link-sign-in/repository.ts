import type { Kysely, Selectable } from 'kysely';
import type { Database, TelegramLinkTokensTable } from '../../db/types.ts';
import type { Purpose } from './tokens.ts';

export type LinkTokenRow = Selectable<TelegramLinkTokensTable>;

/** What a new link is stored as: hashes only. */
export interface NewLinkToken {
  readonly id: string;
  readonly purpose: Purpose;
  readonly tokenHash: string;
  readonly pollHash: string | null;
  readonly userId: string | null;
  readonly device: string | null;
  readonly ip: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/**
 * The SQL of `telegram_link_tokens`. Every change of state is one conditional `UPDATE ... RETURNING`: of two
 * callers racing for the same change (two opens of one link, two polls after the confirmation, a confirm and
 * a cancel), exactly one gets the row back; the other gets nothing and reads why.
 */
export function createLinkTokenRepository(db: Kysely<Database>) {
  return {
    async insert(row: NewLinkToken): Promise<void> {
      await db
        .insertInto('telegram_link_tokens')
        .values({
          id: row.id,
          purpose: row.purpose,
          token_hash: row.tokenHash,
          poll_hash: row.pollHash,
          user_id: row.userId,
          telegram_id: null,
          profile: null,
          device: row.device,
          ip: row.ip,
          created_at: row.createdAt,
          expires_at: row.expiresAt,
          decided_at: null,
          used_at: null,
        })
        .execute();
    },

    byTokenHash(tokenHash: string): Promise<LinkTokenRow | undefined> {
      return db.selectFrom('telegram_link_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    byPollHash(pollHash: string): Promise<LinkTokenRow | undefined> {
      return db.selectFrom('telegram_link_tokens').selectAll().where('poll_hash', '=', pollHash).executeTakeFirst();
    },

    byId(id: string): Promise<LinkTokenRow | undefined> {
      return db.selectFrom('telegram_link_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /**
     * Opens a link for the Telegram user who sent its `/start`: only a pending, unexpired link of this
     * purpose that nobody opened yet. A link opens once; a second `/start` of it, by anyone, gets nothing. A
     * `link` is used by its opening; a `login` stays pending until that user confirms or cancels it.
     */
    open(
      purpose: Purpose,
      tokenHash: string,
      opener: { telegramId: string; profile: string },
      at: number,
    ): Promise<LinkTokenRow | undefined> {
      return db
        .updateTable('telegram_link_tokens')
        .set({
          telegram_id: opener.telegramId,
          profile: opener.profile,
          ...(purpose === 'link' ? { status: 'used', used_at: at } : {}),
        })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('status', '=', 'pending')
        .where('telegram_id', 'is', null)
        .where('expires_at', '>', at)
        .returningAll()
        .executeTakeFirst();
    },

    /** Confirms or cancels a pending sign-in, for the Telegram user who opened it only, before it expires. */
    decide(
      id: string,
      telegramId: string,
      status: 'confirmed' | 'cancelled',
      at: number,
    ): Promise<LinkTokenRow | undefined> {
      return db
        .updateTable('telegram_link_tokens')
        .set({ status, decided_at: at })
        .where('id', '=', id)
        .where('purpose', '=', 'login')
        .where('telegram_id', '=', telegramId)
        .where('status', '=', 'pending')
        .where('expires_at', '>', at)
        .returningAll()
        .executeTakeFirst();
    },

    /** Takes a confirmed sign-in for its session: of any number of polls at once, exactly one gets the row. */
    take(id: string, at: number): Promise<LinkTokenRow | undefined> {
      return db
        .updateTable('telegram_link_tokens')
        .set({ status: 'used', used_at: at })
        .where('id', '=', id)
        .where('status', '=', 'confirmed')
        .where('expires_at', '>', at)
        .returningAll()
        .executeTakeFirst();
    },

    /** The status of each of these rows (for the poll watcher); a row that is gone is left out. */
    async statuses(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('telegram_link_tokens')
        .select(['id', 'status'])
        .where('id', 'in', [...ids])
        .execute();
      return new Map(rows.map((row) => [row.id, row.status]));
    },
  };
}

export type LinkTokenRepository = ReturnType<typeof createLinkTokenRepository>;
