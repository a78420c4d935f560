import type { ErrorCode } from '../codes.ts';

/**
 * One locale's message for every error code. A plain `Record` over the registry's codes, so a locale that
 * misses a code, or names one the registry does not have, fails the type check.
 */
export type MessageCatalogue = { readonly [code in ErrorCode]: string };
