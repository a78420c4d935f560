import { acceptedLanguages } from './locale.ts';

/**
 * The locales a code message is tried in, best first. A request's `Accept-Language` header decides when it
 * is present, and then the stored preference is not read at all: a code request is the hot path, and a
 * header is what the client says now. Without one, the user's stored locale (`stored`, read only then);
 * without that, none, which the renderer takes as the default locale.
 */
export async function preferredLocales(
  acceptLanguage: string | undefined,
  stored: () => Promise<string | null>,
): Promise<readonly string[]> {
  if (acceptLanguage !== undefined && acceptLanguage.trim() !== '') return acceptedLanguages(acceptLanguage);
  const locale = await stored();
  return locale ? [locale] : [];
}
