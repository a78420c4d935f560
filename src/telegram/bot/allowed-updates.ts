/**
 * The kinds of update the bot asks Telegram for, by polling and by webhook alike: what its features handle
 * (messages, button presses) and `my_chat_member`, which is how it learns that a user blocked or unblocked it.
 * Named rather than left to Telegram's default because a list given once (an earlier setWebhook, another
 * tool) stays in force until another is given, and one without `my_chat_member` would hide blocks.
 */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;
