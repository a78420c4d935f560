/**
 * What reverting each migration throws away, in words for the operator: `migrate down` says it before it
 * asks. A new migration adds its line here (a test checks that every migration has one).
 */
export const DROPS: Readonly<Record<string, string>> = {
  '0001_initial':
    'every table (users, sessions, otp_codes, rate_limits, sms_logs, sms_templates, phone_verifications, the telegram and stock-alert tables) with all their rows',
  '0002_otp_resend': 'the column otp_codes.pending_code (codes kept sealed for a resend)',
  '0003_api_keys': 'the table api_keys (every admin API key)',
  '0004_sms_templates': 'the column sms_templates.approved and the templates the migration seeded',
  '0005_sms_queue':
    'the queue columns of sms_logs (payload, attempts, leases, delivery state, idempotency keys) and their indexes; messages still queued or sending are ended as failed, unsent',
  '0006_session_auth_time':
    'the column sessions.auth_time (when each session signed in) and the phone_changed templates the migration seeded',
  '0007_sms_poll_failures':
    'the column sms_logs.poll_failures (failed delivery-status reads per message); the oversized provider values it emptied stay empty',
  '0008_admin_audit':
    'the table admin_audit (the record of every admin change), the columns sms_logs.cancelled_by and api_keys.revoked_by, and the index of pending messages per key',
  '0009_hashed_limit_keys': 'nothing (the rate-limit counters it deleted, kept under plain numbers, are not restored)',
  '0010_counter_function': 'the PostgreSQL function otpgate_take_counts (no data)',
  '0011_signing_keys':
    'the table signing_keys (the keys access tokens are signed with): tokens signed with them no longer verify, and every user must sign in again',
  '0012_user_accounts':
    "the columns users.external_id (the shop's ids of its users) and users.blocked_at (blocked users can sign in again)",
  '0013_events': 'the table events (every event for the shop, delivered or not)',
  '0014_telegram_accounts':
    'every Telegram identity and sign-in under way, which session signed in how (sessions.amr), the telegram_linked templates, and every user without a phone number (those who signed in with Telegram only), with their sessions',
  '0015_telegram_bot_reach':
    'the column telegram_users.bot_blocked_at (which users blocked the bot: the bot may write to them again)',
  '0016_telegram_bot':
    "the bot's conversation state (telegram_bot_sessions, back to the unused placeholder), the record of Telegram updates already handled (a redelivered update may be handled again), which users sent /stop (telegram_users.bot_stopped_at), and the telegram_bot_* templates",
  '0017_telegram_link_tokens':
    "every sign-in and link through the bot under way (links already opened stop working) and the bot's telegram_bot_* message templates the migration seeded",
  '0018_telegram_bot_polling':
    'the table telegram_bot_pollers (which instance polls Telegram, and the offset of the next update): the next poller starts from the updates Telegram still holds, so some may be handled again',
  '0019_telegram_bot_phone': 'the telegram_bot_phone_* templates (what the bot says when a number is shared with it)',
  '0020_stock_alerts':
    'every back-in-stock alert, the stock last reported per product, the record of restocks, the queue of Telegram messages (those not yet sent are never sent), and the alert templates',
  '0021_oidc':
    "the tables oidc_clients (every registered OpenID Connect client: their secrets stop working) and oidc_payloads (the provider's sessions, grants, codes and tokens: everyone signed in through it must sign in again)",
  '0022_staff':
    'the table staff (who may use the admin console, and with which role): every staff member is an ordinary user again',
  '0023_carried_counts':
    'the columns rate_limits.carried and carried_expire (how much of each count taken while Redis was away is in Redis already): counts still in the table are moved into Redis again when Redis next comes back',
};
