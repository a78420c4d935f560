import { AppError } from '../errors/app-error.ts';
import { smsParts } from './sms-parts.ts';

/**
 * Refuses a text that would go out as more than `maxParts` SMS (SMS_MAX_PARTS) with MESSAGE_TOO_LONG. Every
 * part is billed, and a template whose placeholder is repeated can turn a short request into hundreds of SMS.
 */
export function assertFits(text: string, maxParts: number): void {
  const { parts, encoding } = smsParts(text);
  if (parts > maxParts) {
    throw new AppError(
      'MESSAGE_TOO_LONG',
      `The message is ${text.length} characters, ${parts} SMS in ${encoding}; at most ${maxParts} are allowed`,
    );
  }
}
