import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;
const inDigits = (ascii: string, zero: number) => ascii.replace(/\d/g, (d) => String.fromCharCode(zero + Number(d)));

/**
 * The ways a stored number (`+989123456789`) is written in free text: international with `+`, `00` or
 * nothing, national with its trunk `0` or without, and those in Persian and Arabic-Indic digits. Longest
 * first, so that replacing them in turn replaces a whole number rather than the tail of one. `needles` are
 * the national number (`9123456789`) in each script: every form holds one of them. The masked form
 * (`+98912***6789`) is not among them: some ten numbers share it in every operator's range, so it names no
 * one, and erasing it would rewrite what is said about the others.
 */
export function writtenForms(e164: string): { readonly forms: string[]; readonly needles: string[] } {
  const parsed = parsePhoneNumberFromString(e164);
  const national = parsed ? String(parsed.nationalNumber) : e164.replace(/^\+/, '');
  const international = e164.replace(/^\+/, '');
  const ascii = [e164, `00${international}`, international, `0${national}`, national];
  const others = [international, `0${national}`, national].flatMap((form) => [
    inDigits(form, PERSIAN_ZERO),
    inDigits(form, ARABIC_ZERO),
  ]);
  const forms = [...new Set([...ascii, ...others])].sort((a, b) => b.length - a.length);
  // Every form holds one of these: what a text is searched for.
  const needles = [national, inDigits(national, PERSIAN_ZERO), inDigits(national, ARABIC_ZERO)];
  return { forms, needles };
}
