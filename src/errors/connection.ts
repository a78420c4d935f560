import { maskCredentials } from '../log/credentials.ts';
import { StartupError } from '../server-errors.ts';

/** Network failures by their Node code, in words. */
const NETWORK: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS did not answer)',
  ETIMEDOUT: 'no answer (timed out)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
};

/**
 * Refusals from the server, whose own message says what is wrong and carries no password: PostgreSQL's
 * SQLSTATE class 28 (authentication), 3D000 (no such database) and 57P01/57P03 (shutting down, starting up),
 * Redis's AUTH replies, and the file errors of opening SQLite.
 */
const REFUSAL =
  /^(28|3D000$|57P0[13]$)|^SQLITE_(CANTOPEN|PERM|READONLY|NOTADB|AUTH)|^(EACCES|EROFS|ENOENT|ENOTDIR|EEXIST)$/;
const REDIS_REFUSAL = /^(WRONGPASS|NOAUTH|NOPERM)\b/;
const TIMEOUT = /timeout exceeded when trying to connect|Connection terminated due to connection timeout/i;

const DEFAULT_PORTS: Readonly<Record<string, string>> = {
  'postgres:': '5432',
  'postgresql:': '5432',
  'redis:': '6379',
  'rediss:': '6379',
};

/**
 * One line for a database or Redis that cannot be reached or refuses us, naming the variable that points at
 * it and where it points (host:port, or the SQLite file; never the password):
 * `DATABASE_URL: cannot connect to PostgreSQL at db.internal:5432: connection refused (ECONNREFUSED)`.
 * Null for any other error, which is not about the connection and keeps its own message.
 */
export function describeConnectionFailure(variable: string, url: string, error: unknown): string | null {
  const problem = problemOf(error);
  const verb = url.startsWith('sqlite:') ? 'open' : 'connect to';
  return problem ? `${variable}: cannot ${verb} ${where(url)}: ${maskCredentials(problem)}` : null;
}

/** As `describeConnectionFailure`, for an error from a connection whatever it is: its message, masked. */
export function describeConnectionError(variable: string, url: string, error: unknown): string {
  const problem = problemOf(error) ?? codeOf(error).message;
  return `${variable}: ${where(url)} failed: ${maskCredentials(problem)}`;
}

function problemOf(error: unknown): string | null {
  const { code, message } = codeOf(error);
  if (code && NETWORK[code]) return `${NETWORK[code]} (${code})`;
  if (code && REFUSAL.test(code)) return `${message} (${code})`;
  if (REDIS_REFUSAL.test(message)) return message.replace(/\.$/, '');
  if (TIMEOUT.test(message)) return 'no answer (timed out)';
  return null;
}

/** Node wraps the attempts at each address of a name (`localhost`) in an AggregateError. */
function codeOf(error: unknown): { code: string | undefined; message: string } {
  const first = error instanceof AggregateError ? error.errors[0] : undefined;
  const found = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof found.code === 'string' ? found.code : (first as { code?: string } | undefined)?.code;
  return { code, message: typeof found.message === 'string' ? found.message : String(error) };
}

function where(url: string): string {
  if (url.startsWith('sqlite:')) return `the SQLite database ${url.slice('sqlite:'.length)}`;
  const system = url.startsWith('redis') ? 'Redis' : 'PostgreSQL';
  try {
    const parsed = new URL(url);
    return `${system} at ${parsed.hostname || 'localhost'}:${parsed.port || DEFAULT_PORTS[parsed.protocol] || '?'}`;
  } catch {
    return `${system} at ${maskCredentials(url)}`;
  }
}

/** `error` as a StartupError of one line when it is a connection failure (see above); otherwise `error`. */
export function asStartupError(error: unknown, variable: string, url: string): unknown {
  const line = describeConnectionFailure(variable, url, error);
  return line ? new StartupError(line) : error;
}
