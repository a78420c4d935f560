/**
 * Characters no stored text may hold: the C0 controls but line feed and carriage return (a message has
 * lines; a form's textarea sends CRLF), DEL and the C1 controls, and the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which reorder what follows them on screen so that a key name or a
 * log line reads as something else. NUL is among them: PostgreSQL cannot store it in text at all. Tab is
 * refused too: it is not in the GSM alphabet, so one tab would turn a message to UCS-2 and halve its room.
 * Kept, because Persian and mixed-direction text needs them: ZWNJ (U+200C), ZWJ (U+200D) and the plain
 * direction marks LRM, RLM and ALM (U+200E, U+200F, U+061C), which only mark one spot and reorder nothing.
 */
const UNSAFE_CLASS = '\\u0000-\\u0009\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';

export const UNSAFE_CHARACTER = new RegExp(`[${UNSAFE_CLASS}]`, 'u');

/** The same rule as a JSON-schema pattern, for request schemas (see http/schemas.ts, MessageText). */
export const SAFE_TEXT_PATTERN = `^[^${UNSAFE_CLASS}]*$`;

/**
 * An admin API key's name, as `keys list` shows it: letters of any script and digits first, then those,
 * combining marks, spaces and a few separators. No format characters at all (a ZWNJ in a name is not worth
 * a look-alike), so two names that print alike are alike.
 */
export const KEY_NAME = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} _.:@/()'#-]*$/u;

/**
 * A name or identifier the shop gives (a product's id, variant id or name) as a JSON-schema pattern:
 * SAFE_TEXT_PATTERN on one line (no line break, U+2028 or U+2029 either), since it is shown inside messages,
 * buttons and pages, and neither starting nor ending with white space, so that it is never blank and `tea`
 * and ` tea ` are not two products.
 */
export const SAFE_LINE_PATTERN = `^[^${UNSAFE_CLASS}\\s](?:[^${UNSAFE_CLASS}\\n\\r\\u2028\\u2029]*[^${UNSAFE_CLASS}\\s])?$`;
