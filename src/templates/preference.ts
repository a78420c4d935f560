import { acceptedLanguages } from './locale.ts';

/**
 * The locales a request's `Accept-Language` header asks a code message in, best first; undefined without
 * one, and then the recipient's stored locale decides (read with the code's writes, otp/writes/). A header
 * is what the client says now, and it spares the read.
 */
export function requestedLocales(acceptLanguage: string | undefined): readonly string[] | undefined {
  return acceptLanguage !== undefined && acceptLanguage.trim() !== '' ? acceptedLanguages(acceptLanguage) : undefined;
}
