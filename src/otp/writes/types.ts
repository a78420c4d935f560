import type { CountsPart, RefundPart, WrittenWith } from '../../rate-limit/limiter.ts';
import type { NewRefreshToken } from '../../sessions/repository.ts';
import type { SmsLogOutcome } from '../../sms/log-repository.ts';
import type { ComposedCode } from '../../sms/sender.ts';
import type { User } from '../../users/repository.ts';
import type { ConsumeResult, NewCode } from '../repository.ts';

/** Whose stored locale picks the message's text when the request named none. */
export type Recipient = { readonly userId: string } | { readonly phoneNumber: string };

/** The `sms_logs` row of a code message, written with the code. */
export interface LogDraft {
  readonly id: string;
  readonly message: ComposedCode;
  /** Read when the message has a text for each locale (`byLocale`); otherwise its `fallback` is written. */
  readonly recipient: Recipient;
}

export interface IssueDraft {
  readonly code: NewCode & { readonly id: string };
  readonly now: number;
  readonly log: LogDraft;
}

/**
 * `codeId` undefined: the challenge's earlier code is live and kept for a resend (its send timed out), and
 * nothing was written. `locale`: the one the log row was written in, which the message must go out in.
 */
export interface Issued {
  readonly codeId: string | undefined;
  readonly locale: string | null;
}

/** After a send: how its log row ends, and what becomes of the code. */
export interface SettleDraft {
  readonly now: number;
  /** Absent when the row is already final (a test number) or the send never reached a provider. */
  readonly log?: { readonly id: string; readonly outcome: SmsLogOutcome; readonly template: string } | undefined;
  /**
   * `clear`: a resent code went out, its sealed copy goes. `keep`: the send may have arrived, the code stays
   * usable, sealed for the retry. `discard`: no usable code is left.
   */
  readonly code?:
    | { readonly id: string; readonly then: 'clear' | 'discard' }
    | { readonly id: string; readonly then: 'keep'; readonly sealed: string }
    | undefined;
}

export interface AttemptDraft {
  readonly challengeKey: string;
  readonly codeHash: string;
  readonly now: number;
}

/** A sign-in's writes: the number's user (created on first sign-in) and the new session's first token. */
export interface SignInDraft {
  readonly userId: string;
  readonly phoneNumber: string;
  readonly now: number;
  readonly session: Omit<NewRefreshToken, 'userId'> & { readonly id: string };
}

/**
 * The writes of a code request and a sign-in, in as few statements as the database allows. On PostgreSQL
 * each method is one statement (one round trip, one transaction) that also counts or gives back the rate
 * limits when given a part (rate-limit/limiter.ts); on SQLite each is the repositories' statements in turn,
 * which the group commit already makes one commit. Either way the rules are the repositories' own.
 */
export interface CodeWrites {
  /** The code, unless a code kept for a resend is live, and then its log row. */
  issue(draft: IssueDraft, part?: CountsPart): Promise<WrittenWith<Issued>>;
  /** The log row alone: a kept code sent again. Returns the locale written. */
  log(draft: LogDraft, now: number): Promise<string | null>;
  settle(draft: SettleDraft, part?: RefundPart): Promise<void>;
  /** One attempt at the challenge's live code (see OtpRepository.consume). */
  attempt(draft: AttemptDraft, part?: CountsPart): Promise<WrittenWith<ConsumeResult>>;
  /**
   * The number's user and, unless the user is blocked (`user.blocked_at` set), the session. A blocked user's
   * row is returned unchanged (no sign-in time recorded) and no session is written.
   */
  signIn(draft: SignInDraft, part?: RefundPart): Promise<{ user: User; isNew: boolean }>;
}

/** The stored locale a message goes out in: one its template has, else its fallback's. */
export function chosenLocale(message: ComposedCode, stored: string | null | undefined): string | null {
  return stored && message.byLocale.has(stored) ? stored : message.fallback.rendered.locale;
}
