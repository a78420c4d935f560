import type pg from 'pg';
import { pgStatement } from '../../db/pg-statement.ts';
import type { CountRow } from '../../rate-limit/limiter.ts';
import type { SmsLogRepository } from '../../sms/log-repository.ts';
import { inLocale } from '../../sms/sender.ts';
import type { User } from '../../users/repository.ts';
import type { OtpRepository } from '../repository.ts';
import type { CodeWrites } from './types.ts';
import type { EventRecorder } from '../../events/recorder.ts';

// Every parameter is cast: in `insert ... select` PostgreSQL does not take a parameter's type from the
// column it goes to.

/** The charges' counts, or (without a part) none; the writes after it happen only when none is refused. */
const counts = (part: string | null) =>
  `counts as materialized (${part ?? 'select null::text as key, 0 as points, 0::bigint as expire, false as refused where false'})`;
const countsJson = `(select coalesce(json_agg(counts), '[]') from counts) as counts`;
/**
 * The refunds, when given. Every statement here locks its rows in one order, rate-limit counters first (in
 * key order), then the code, then the rest, so that two of them never wait on each other in a circle: a
 * data-modifying CTE runs before whatever reads its output, so the others read `refunded`.
 */
const refund = (part: string | null) =>
  part
    ? `refund as (${part} returning 1), refunded as (select count(*) as n from refund),`
    : 'refunded as (select 0 as n),';
const afterRefund = 'exists (select 1 from refunded)';

/**
 * The code upsert of OtpRepository.replace with `unlessPending`, the recipient's stored locale, and the log
 * row in the text of that locale: one statement. Nothing is written when a charge is refused; no log row
 * when a kept code was left in place (no id returned).
 */
const ISSUE = (part: string | null) => `with ${counts(part)},
  code as (
    insert into otp_codes (id, challenge_key, phone_number, purpose, user_id, code_hash, attempts, max_attempts,
      expires_at, consumed_at, created_at, pending_code)
    select $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, 0, $7::integer, $8::bigint, null, $9::bigint, null
    where not exists (select 1 from counts where refused)
    on conflict (challenge_key) do update set id = excluded.id, user_id = excluded.user_id,
      code_hash = excluded.code_hash, attempts = 0, max_attempts = excluded.max_attempts,
      expires_at = excluded.expires_at, consumed_at = null, created_at = excluded.created_at, pending_code = null
    where otp_codes.pending_code is null or otp_codes.consumed_at is not null or otp_codes.expires_at <= $9::bigint
      or otp_codes.attempts >= otp_codes.max_attempts
    returning id
  ),
  stored as (
    select coalesce(array_position($14::text[], coalesce(
      (select locale from users where id = $18::text),
      (select locale from users where phone_number = $19::text))), 0) as at
  ),
  log as (
    insert into sms_logs (id, phone_number, template, locale, provider, provider_message_id, status, error_code,
      error_message, text, attempts, tries, poll_failures, created_at, updated_at, sent_at)
    select $10::text, $3::text, $11::text,
      case when stored.at > 0 then ($14::text[])[stored.at] else $16::text end,
      $12::text, null, $13::text, null, null,
      case when stored.at > 0 then ($15::text[])[stored.at] else $17::text end,
      0, 0, 0, $9::bigint, $9::bigint, $20::bigint
    from code, stored
    returning locale
  ),
  ${EVENT_INSERT}
    select $21::text, 'sms.status_changed', json_build_object('log_id', $10::text, 'status', 'sent', 'provider', $12::text,
      'template', $11::text, 'error_code', null)::text, null, ${EVENT_QUEUED}, $9::bigint, $9::bigint
    from log where $21::text is not null
  )
  select (select id from code) as code_id, (select locale from log) as locale, ${countsJson}`;

/**
 * An event (events/recorder.ts) written by the statement whose change it reports, so that it exists exactly
 * when the change does. Its id parameter is null when events are off, and then it writes nothing.
 */
const EVENT_INSERT = `event as (
    insert into events (id, type, payload, user_id, status, attempts, next_attempt_at, created_at, updated_at)`;
const EVENT_QUEUED = `'queued', 0, 0`;

/** SmsLogRepository.finish and the code's fate (see SettleDraft), with the refunds when given. */
const SETTLE = (part: string | null) => `with ${refund(part)}
  finished as (
    update sms_logs set provider = $2::text, provider_message_id = $3::text, status = $4::text,
      error_code = $5::text, error_message = $6::text, attempts = $7::integer, cost = $8::double precision,
      updated_at = $9::bigint,
      sent_at = case when $4::text = 'sent' then $9::bigint else sent_at end,
      final_at = case when $4::text = 'sent' then final_at else $9::bigint end,
      poll_at = $10::bigint
    where id = $1::text and ${afterRefund}
    returning template
  ),
  ${EVENT_INSERT}
    select $14::text, 'sms.status_changed', json_build_object('log_id', $1::text, 'status', $4::text, 'provider', $2::text,
      'template', finished.template,
      'error_code', case when $4::text = 'failed' then $5::text end)::text, null, ${EVENT_QUEUED}, $9::bigint, $9::bigint
    from finished where $14::text is not null
  ),
  kept as (
    update otp_codes set pending_code = case when $12::text = 'keep' then $13::text end
    where id = $11::text and ($12::text = 'clear' or ($12::text = 'keep' and consumed_at is null)) and ${afterRefund}
  ),
  discarded as (delete from otp_codes where id = $11::text and $12::text = 'discard' and ${afterRefund})
  select 1 as done`;

/** OtpRepository.consume's attempt, made only when no charge is refused. */
const ATTEMPT = (part: string | null) => `with ${counts(part)},
  taken as (
    update otp_codes set attempts = attempts + 1,
      consumed_at = case when code_hash = $2::text then $3::bigint else consumed_at end,
      pending_code = case when code_hash = $2::text then null else pending_code end
    where challenge_key = $1::text and consumed_at is null and expires_at > $3::bigint and attempts < max_attempts
      and not exists (select 1 from counts where refused)
    returning attempts, max_attempts, consumed_at
  )
  select (select row_to_json(taken) from taken) as taken, ${countsJson}`;

/**
 * UserRepository.signIn as one upsert (a row the insert made has xmax 0, which tells the one caller that
 * created the user) and the session's first token, with the refunds when given. A blocked user's row comes
 * back untouched with its `blocked_at`, and no session is written for it. The upsert locks the user's row,
 * so a block committing meanwhile is either seen here or sees this session (UserAdmin.block ends it).
 */
const SIGN_IN = (part: string | null) => `with ${refund(part)}
  account as (
    insert into users (id, phone_number, phone_verified, locale, created_at, updated_at, last_login_at)
    select $1::text, $2::text, 1, null, $3::bigint, $3::bigint, $3::bigint
    where ${afterRefund}
    on conflict (phone_number) do update set
      last_login_at = case when users.blocked_at is null then excluded.last_login_at else users.last_login_at end,
      phone_verified = case when users.blocked_at is null then 1 else users.phone_verified end,
      updated_at = case when users.blocked_at is null then excluded.updated_at else users.updated_at end
    returning *, (xmax = 0) as is_new
  ),
  session as (
    insert into sessions (id, user_id, family_id, token_hash, expires_at, auth_time, rotated_at, revoked_at,
      created_at, ip, user_agent)
    select $4::text, account.id, $5::text, $6::text, $7::bigint, $8::bigint, null, null, $3::bigint, $9::text, $10::text
    from account where account.blocked_at is null
  ),
  created_${EVENT_INSERT}
    select $11::text, 'user.created', json_build_object('user_id', account.id, 'phone_number', account.phone_number)::text,
      account.id, ${EVENT_QUEUED}, $3::bigint, $3::bigint
    from account where account.is_new and $11::text is not null
  ),
  signed_in_${EVENT_INSERT}
    select $12::text, 'user.signed_in', json_build_object('user_id', account.id, 'session_id', $5::text, 'method', 'sms')::text,
      account.id, ${EVENT_QUEUED}, $3::bigint, $3::bigint
    from account where $12::text is not null and account.blocked_at is null
  )
  select * from account`;

interface Taken {
  readonly attempts: number;
  readonly max_attempts: number;
  readonly consumed_at: number | null;
}

/**
 * The writes on PostgreSQL: each one statement, prepared once per connection. The rare paths (a log row
 * alone, telling a burnt code from a gone one) are the repositories' own.
 */
export function postgresWrites(
  pool: pg.Pool,
  rest: CodeWrites,
  { codes, logs }: { codes: OtpRepository; logs: SmsLogRepository },
  events: EventRecorder,
): CodeWrites {
  const issue = pgStatement<{ code_id: string | null; locale: string | null; counts: CountRow[] }>(
    pool,
    'otpgate_issue',
    21,
    ISSUE,
  );
  const settle = pgStatement(pool, 'otpgate_settle', 14, SETTLE);
  const attempt = pgStatement<{ taken: Taken | null; counts: CountRow[] }>(pool, 'otpgate_attempt', 3, ATTEMPT);
  const signIn = pgStatement<User & { is_new: boolean }>(pool, 'otpgate_sign_in', 12, SIGN_IN);

  return {
    ...rest,
    async issue({ code, now, log }, part) {
      const { message, recipient } = log;
      const locales = [...message.byLocale.keys()];
      const [row] = await issue(
        [
          code.id,
          code.challengeKey,
          code.phoneNumber,
          code.purpose,
          code.userId,
          code.codeHash,
          code.maxAttempts,
          code.expiresAt,
          now,
          log.id,
          message.template,
          message.provider,
          message.test ? 'sent' : 'sending',
          locales,
          locales.map((locale) => inLocale(message, locale).masked),
          message.fallback.rendered.locale,
          message.fallback.masked,
          // No stored locale is read for a message the request named the locales of.
          locales.length > 0 && 'userId' in recipient ? recipient.userId : null,
          locales.length > 0 && 'phoneNumber' in recipient ? recipient.phoneNumber : null,
          message.test ? now : null,
          message.test ? events.id() : null,
        ],
        part?.counts,
      );
      return {
        value: { codeId: row?.code_id ?? undefined, locale: row?.locale ?? null },
        counts: row?.counts.map(numbers),
      };
    },
    async settle({ now, log, code }, part) {
      const outcome = log?.outcome;
      await settle(
        [
          log?.id ?? null,
          outcome?.provider ?? null,
          outcome?.providerMessageId ?? null,
          outcome?.status ?? null,
          outcome?.errorCode ?? null,
          outcome?.errorMessage ?? null,
          outcome?.attempts ?? null,
          outcome?.cost ?? null,
          now,
          outcome ? logs.pollAt(outcome, now) : null,
          code?.id ?? null,
          code?.then ?? null,
          code?.then === 'keep' ? code.sealed : null,
          outcome ? events.id() : null,
        ],
        part?.refund,
      );
    },
    async attempt({ challengeKey, codeHash, now }, part) {
      const [row] = await attempt([challengeKey, codeHash, now], part?.counts);
      const counts = row?.counts.map(numbers);
      const taken = row?.taken;
      if (counts?.some((c) => c.refused)) return { value: { outcome: 'expired' }, counts };
      if (taken && taken.consumed_at !== null) return { value: { outcome: 'accepted' }, counts };
      if (taken) return { value: { outcome: 'wrong', attemptsLeft: taken.max_attempts - taken.attempts }, counts };
      return { value: await codes.notCounted(challengeKey, now), counts };
    },
    async signIn({ userId, phoneNumber, now, session }, part) {
      const [row] = await signIn(
        [
          userId,
          phoneNumber,
          now,
          session.id,
          session.familyId,
          session.tokenHash,
          session.expiresAt,
          session.authTime,
          session.ip,
          session.userAgent,
          events.id(),
          events.id(),
        ],
        part?.refund,
      );
      if (!row) throw new Error('sign-in: the upsert returned no user');
      const { is_new: isNew, ...user } = row;
      return { user, isNew };
    },
  };
}

/** json_agg hands numbers back as JSON numbers already; this keeps the row's types honest. */
const numbers = (row: CountRow): CountRow => ({ ...row, points: Number(row.points), expire: Number(row.expire) });
