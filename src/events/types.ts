/** Every event the service sends, by type. A new type is one line here and its `data` in EventData. */
export const EVENT_TYPES = [
  'user.created',
  'user.signed_in',
  'user.phone_changed',
  'user.telegram_linked',
  'user.telegram_unlinked',
  'user.blocked',
  'user.deleted',
  'sms.status_changed',
  'alert.notified',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The statuses of a message that make an `sms.status_changed` event. */
export const SMS_EVENT_STATUSES = ['sent', 'delivered', 'undelivered', 'failed'] as const;
export type SmsEventStatus = (typeof SMS_EVENT_STATUSES)[number];

export const isSmsEventStatus = (status: string): status is SmsEventStatus =>
  (SMS_EVENT_STATUSES as readonly string[]).includes(status);

/**
 * The `data` of each type. Only what the shop needs to act: a user event names the user (and the number
 * where the number is the news), and an SMS event names the log row, never the recipient's number, which the
 * shop can read from the delivery log (`sms:read`) when it needs it.
 */
export interface EventData {
  /** `phone_number` is null for a user who signed up with Telegram and shared no number. */
  'user.created': { readonly user_id: string; readonly phone_number: string | null };
  'user.signed_in': { readonly user_id: string; readonly session_id: string; readonly method: 'sms' | 'telegram' };
  'user.phone_changed': { readonly user_id: string; readonly phone_number: string };
  'user.telegram_linked': { readonly user_id: string; readonly telegram_id: string };
  'user.telegram_unlinked': { readonly user_id: string; readonly telegram_id: string };
  'user.blocked': { readonly user_id: string };
  'user.deleted': { readonly user_id: string };
  'sms.status_changed': {
    readonly log_id: string;
    readonly status: SmsEventStatus;
    readonly provider: string;
    readonly template: string | null;
    /** Why a message failed, as the log keeps it; null otherwise. */
    readonly error_code: string | null;
  };
  /**
   * A back-in-stock alert was queued by a restock's fan-out: `message_id` is the `sms_logs` id (channel sms,
   * readable with sms:read) or the Telegram message's id (channel telegram).
   */
  'alert.notified': {
    readonly alert_id: string;
    readonly user_id: string;
    readonly product_id: string;
    readonly variant_id: string | null;
    readonly channel: 'sms' | 'telegram';
    readonly restock_id: string;
    readonly message_id: string;
  };
}

/** The delivery states of an event row. */
export const DELIVERY_STATUSES = ['queued', 'sending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
