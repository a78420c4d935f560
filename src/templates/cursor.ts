/** Where a page of the template listing ended: its last template. */
export interface TemplatePosition {
  readonly key: string;
  readonly locale: string;
}

/**
 * The `cursor` of the template listing: base64url of `<key>/<locale>` of the last template of a page. Opaque
 * to clients; nothing in it is secret (both are in the page itself).
 */
export function encodeTemplateCursor(position: TemplatePosition): string {
  return Buffer.from(`${position.key}/${position.locale}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one this listing issued the form of. */
export function decodeTemplateCursor(cursor: string): TemplatePosition | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const match = /^([a-z][a-z0-9_]{0,63})\/([a-z]{2,3})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? { key: match[1]!, locale: match[2]! } : null;
}
