import { unavailable } from './problem.ts';

export interface JsonAnswer {
  readonly status: number;
  /** The body as a JSON object, or null when it is anything else (an HTML error page, an array, nothing). */
  readonly json: Record<string, unknown> | null;
}

/**
 * One call to the issuer, bounded by `timeoutMs` from connect to the last byte of the body: an issuer that
 * hangs must not hold a sign-in (and the caller's connection) open. A network failure or running out of time
 * is `unavailable`; an HTTP status is returned, because each endpoint reads its own errors. Redirects are not
 * followed: none of these endpoints redirects, and following one would send the client's credentials on.
 */
export async function callIssuer(
  what: string,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<JsonAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal });
    return { status: response.status, json: jsonObject(await response.text()) };
  } catch (error) {
    if (signal.aborted) throw unavailable(`${what}: no answer within ${timeoutMs} ms`);
    // Only the error's code: the message of a fetch failure can quote the URL, and the cause its details.
    const cause = (error as { cause?: { code?: unknown } }).cause;
    throw unavailable(`${what}: request failed (${String(cause?.code ?? (error as Error).name)})`);
  }
}

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
