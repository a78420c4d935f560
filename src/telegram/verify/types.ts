/** Who Telegram says signed in, as both sign-in schemes (the login widget and a Mini App) describe them. */
export interface TelegramProfile {
  /**
   * The numeric Telegram id as a decimal string. Telegram promises at most 52 significant bits, but the id is
   * kept as the digits it arrived as, never read through a `Number`, so that nothing is rounded on the way.
   */
  readonly telegramId: string;
  readonly username: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** Kept only when it is an https URL: the value ends up in pages and answers. */
  readonly photoUrl: string | null;
  /** The Mini App's `user.language_code`; always null for the login widget, which does not send one. */
  readonly languageCode: string | null;
}

/** Login data whose signature and date were accepted. */
export interface VerifiedLogin {
  readonly profile: TelegramProfile;
  /** When Telegram signed the data, in epoch seconds. */
  readonly authDate: number;
  /**
   * What the caller remembers, until the freshness window closes, to refuse the same data a second time:
   * `w:<hash>` for the widget and `a:<hash>` for a Mini App, the hash lowercased. The protocol has no nonce,
   * so signed data stays valid for as long as its `auth_date` is accepted.
   */
  readonly replayKey: string;
}

/** How old, or how far in the future, an `auth_date` may be. */
export interface FreshnessRules {
  /** Data signed longer ago than this is refused as expired. */
  readonly maxAgeSeconds: number;
  /** How far ahead of our clock `auth_date` may be, for Telegram's clock running a little ahead of ours. */
  readonly futureSkewSeconds: number;
  /** The time now, in epoch milliseconds. */
  readonly nowMs: number;
}
