import { requestedLocales } from '../../templates/preference.ts';
import type { ErrorCode } from '../codes.ts';
import type { MessageCatalogue } from './catalogue.ts';
import { en } from './en.ts';
import { fa } from './fa.ts';

export type { MessageCatalogue };

/** The locale of every message when a request asks for none we have. */
export const DEFAULT_MESSAGE_LOCALE = 'en';

/** Every locale error messages are written in; a new one is a file beside these and a line here. */
export const MESSAGES: Readonly<Record<string, MessageCatalogue>> = { en, fa };

/**
 * The locale of an error message for a request's `Accept-Language`: the best language it asks for that has
 * a catalogue, parsed as for a code message (`requestedLocales`), else English.
 */
export function messageLocale(acceptLanguage: string | undefined): string {
  return (requestedLocales(acceptLanguage) ?? []).find((language) => language in MESSAGES) ?? DEFAULT_MESSAGE_LOCALE;
}

/** The message for `code` in `locale` (English when the locale has no catalogue). */
export function messageFor(code: ErrorCode, locale: string = DEFAULT_MESSAGE_LOCALE): string {
  return (MESSAGES[locale] ?? en)[code];
}
