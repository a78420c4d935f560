/**
 * The kinds of update the bot asks Telegram for, by polling and by webhook alike. Named explicitly because
 * Telegram's default leaves out `chat_member` and, once set, keeps the last list given: `my_chat_member` is
 * how the bot learns that a user blocked or unblocked it in a private chat.
 */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

