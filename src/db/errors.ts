/** Node socket errors and PostgreSQL/SQLite codes that mean "the database cannot answer now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  // PostgreSQL: connection exceptions (08*), shutdown (57P01-03), too many connections (53300).
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // SQLite: locked past busy_timeout, or the file cannot be read or written.
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_READONLY',
]);

// pg reports its own pool and socket timeouts with messages and no code.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'connect ECONNREFUSED',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, statusCode } = error as { code?: unknown; message?: unknown; statusCode?: unknown };
  // An HTTP status marks an error of the HTTP layer: Fastify sets one on a request body whose client went
  // away (ECONNRESET, "aborted"). Driver errors never carry one; counting it would let any client fake an outage.
  if (statusCode !== undefined) return false;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  const inner = (error as { errors?: unknown[]; cause?: unknown }).errors?.[0] ?? (error as { cause?: unknown }).cause;
  return inner !== undefined && inner !== error && isDatabaseUnavailable(inner);
}

/** PostgreSQL broke a deadlock by failing this transaction (40P01): it was undone whole and may run again. */
export function isDeadlock(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '40P01';
}

const DEADLOCK_TRIES = 3;

/**
 * Runs `transaction` again when PostgreSQL breaks a deadlock by failing it. Transactions lock in one order
 * (sessions, then users) and should never meet in one; this is insurance, so that a deadlock nobody foresaw
 * costs a retry rather than a 500.
 */
export async function retryOnDeadlock<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= DEADLOCK_TRIES) throw error;
    }
  }
}

/** A unique index refused the write: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * PostgreSQL refused a character of a text value (22021): NUL, which its text type cannot hold. Request
 * schemas refuse NUL in every field they know; this catches one they missed, as the client's error it is
 * rather than a 500. SQLite stores NUL, so there it never arises.
 */
export function isUnstorableText(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '22021';
}
