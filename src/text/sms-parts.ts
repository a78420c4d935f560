/**
 * How many SMS a text goes out as, counted as operators and providers count it (3GPP TS 23.038 and 23.040).
 * A text whose every character is in the GSM 7-bit alphabet is GSM-7: 160 septets in one SMS, 153 per part
 * once it is split (each part carries a 7-octet concatenation header), a character of the extension table
 * taking two septets (an escape and the character). Any other character (Persian, emoji) makes the whole text
 * UCS-2: 70 UTF-16 units in one SMS, 67 per part. A part never ends in the middle of an escape pair or of a
 * surrogate pair, which is how carriers split and why a count by plain division can come out one short.
 */
export interface SmsParts {
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 units (UCS-2) of the whole text. */
  readonly units: number;
  /** SMS the text is sent as; 0 for an empty text. */
  readonly parts: number;
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

/** Units in one SMS of each encoding, and in each part of a longer text. */
export const SMS_LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

export function smsParts(text: string): SmsParts {
  const characters = Array.from(text);
  const gsm = characters.every((character) => BASIC.has(character) || EXTENSION.has(character));
  const encoding = gsm ? 'GSM-7' : 'UCS-2';
  // Each character's size in its encoding's units: an escape pair, or a surrogate pair, is 2 and indivisible.
  const sizes = characters.map((character) => (gsm ? (EXTENSION.has(character) ? 2 : 1) : character.length));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const { single, part } = SMS_LIMITS[encoding];
  if (units === 0) return { encoding, units, parts: 0 };
  if (units <= single) return { encoding, units, parts: 1 };
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, parts };
}
