import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/types.ts';
import { maskPhone } from '../phone/parse.ts';
import { writtenForms } from '../phone/forms.ts';
import { cancelQueuedTo } from '../sms/queue/cancel.ts';
import type { User } from './repository.ts';

/** What an erased number reads as wherever a row keeps its place (the delivery log, phone changes, audit). */
export const ERASED = 'erased';

export interface Erased {
  /** Messages to the user's numbers whose number was erased (the rows stay, for the counts). */
  readonly messages: number;
  /** Messages still queued to them, cancelled. */
  readonly cancelled: number;
}

/**
 * Deletes the user and every trace of their numbers, inside the caller's transaction: the numbers are the
 * current one and any the user had before (phone changes) that no other user holds now. Rows that are the
 * user's own go (sessions, codes, phone-change history, Telegram links, stock alerts, the user); rows that
 * other records need keep their place with the number replaced by ERASED, in every form it may be written
 * in free text (the message text, a provider's error, an audit summary). Rate-limit counters are keyed by
 * an HMAC of the number, hold nothing readable, and expire with their window.
 */
export async function eraseUser(db: Kysely<Database>, user: User, by: string, now: number): Promise<Erased> {
  const history = await db
    .selectFrom('phone_verifications')
    .select(['old_phone_number', 'new_phone_number'])
    .where('user_id', '=', user.id)
    .execute();
  const earlier = history.flatMap((row) => [row.old_phone_number, row.new_phone_number]);
  const others = new Set(
    (
      await db
        .selectFrom('users')
        .select('phone_number')
        .where('phone_number', 'in', [user.phone_number, ...earlier.filter((n) => n !== null)])
        .where('id', '!=', user.id)
        .execute()
    ).map((row) => row.phone_number),
  );
  const numbers = [...new Set([user.phone_number, ...earlier])].filter(
    (n): n is string => n !== null && n !== ERASED && !others.has(n),
  );

  await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  await db.deleteFrom('phone_verifications').where('user_id', '=', user.id).execute();
  await db.deleteFrom('telegram_link_tokens').where('user_id', '=', user.id).execute();
  // Sign-ins through the bot that their Telegram account opened keep its id and name until swept.
  await db
    .deleteFrom('telegram_link_tokens')
    .where('telegram_id', 'in', db.selectFrom('telegram_users').select('telegram_id').where('user_id', '=', user.id))
    .execute();
  await db.deleteFrom('telegram_users').where('user_id', '=', user.id).execute();
  // Alert messages name the product and the user's chat; those of an erased user go, sent or not.
  await db
    .deleteFrom('telegram_messages')
    .where('alert_id', 'in', db.selectFrom('stock_alerts').select('id').where('user_id', '=', user.id))
    .execute();
  await db.deleteFrom('stock_alerts').where('user_id', '=', user.id).execute();
  await db.deleteFrom('otp_codes').where('user_id', '=', user.id).execute();
  // Events about the user: those already delivered or given up go; those still to be delivered keep only the
  // user id, so the shop still hears of them, without the number.
  await db.deleteFrom('events').where('user_id', '=', user.id).where('status', 'in', ['delivered', 'failed']).execute();
  await db
    .updateTable('events')
    .set({ payload: JSON.stringify({ user_id: user.id }) })
    .where('user_id', '=', user.id)
    .execute();
  // The summaries of changes made to the user (its creation, blocks) describe the user.
  await db.updateTable('admin_audit').set({ summary: '{"erased":true}' }).where('target', '=', user.id).execute();
  let messages = 0;
  let cancelled = 0;
  for (const number of numbers) {
    cancelled += await cancelQueuedTo(db, number, by, now);
    messages += await eraseNumber(db, number);
  }
  await db.deleteFrom('users').where('id', '=', user.id).execute();
  return { messages, cancelled };
}

/** Replaces one number wherever it is kept; returns how many delivery-log rows were addressed to it. */
async function eraseNumber(db: Kysely<Database>, number: string): Promise<number> {
  const { forms, needles } = writtenForms(number);
  const masked = maskPhone(number);
  const sent = await db
    .updateTable('sms_logs')
    // The request hash is a hash of the request, the number in it: few enough numbers exist to find it back.
    .set({ phone_number: ERASED, request_hash: null })
    .where('phone_number', '=', number)
    .returning('id')
    .execute();
  const ids = sent.map((row) => row.id);
  // The audit record of a message sent to it names it masked.
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('admin_audit')
      .set({ summary: sql`replace(summary, ${masked}, ${ERASED})` })
      .where('target', 'in', ids.slice(i, i + 500))
      .execute();
  }
  await db.deleteFrom('otp_codes').where('phone_number', '=', number).execute();
  await db
    .updateTable('phone_verifications')
    .set({ old_phone_number: ERASED })
    .where('old_phone_number', '=', number)
    .execute();
  await db
    .updateTable('phone_verifications')
    .set({ new_phone_number: ERASED })
    .where('new_phone_number', '=', number)
    .execute();
  // Free text anywhere: a message that mentions the number, a provider's error quoting it, an audit summary.
  const holds = (column: string) => mentions(sql.ref(column), needles);
  await db
    .updateTable('sms_logs')
    .set({
      text: replaced(sql.ref('text'), forms),
      error_message: replaced(sql.ref('error_message'), forms),
      payload: replaced(sql.ref('payload'), forms),
    })
    .where((eb) => eb.or([holds('text'), holds('error_message'), holds('payload')]))
    .execute();
  await db
    .updateTable('admin_audit')
    .set({ summary: replaced(sql.ref('summary'), forms), target: replaced(sql.ref('target'), forms) })
    .where((eb) => eb.or([holds('summary'), holds('target')]))
    .execute();
  return ids.length;
}

/** `column` with each form replaced by ERASED, longest first. */
function replaced(column: Expression<unknown>, forms: readonly string[]): RawBuilder<any> {
  return forms.reduce<RawBuilder<any>>((text, form) => sql`replace(${text}, ${form}, ${ERASED})`, sql`${column}`);
}

/** Whether `column` holds any of `needles`. */
function mentions(column: Expression<unknown>, needles: readonly string[]): RawBuilder<any> {
  return sql`(${sql.join(
    needles.map((needle) => sql`${column} like ${`%${needle}%`}`),
    sql` or `,
  )})`;
}
