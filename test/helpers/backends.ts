import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The databases a suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. A suite over a
 * backend that is not configured is reported as skipped (`skip` carries the reason), never as passed.
 */
export interface DatabaseBackend {
  readonly name: 'sqlite' | 'postgres';
  readonly skip: string | false;
  /** A fresh, empty database URL and a function that drops it. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;
export const redisUrl = process.env.TEST_REDIS_URL;
export const redisSkip: string | false = redisUrl ? false : 'TEST_REDIS_URL is not set';

const sqlite: DatabaseBackend = {
  name: 'sqlite',
  skip: false,
  async create() {
    return { url: 'sqlite::memory:', drop: async () => {} };
  },
};

/** Each PostgreSQL test database is a schema of its own, chosen through the connection's search_path. */
const postgres: DatabaseBackend = {
  name: 'postgres',
  skip: postgresUrl ? false : 'TEST_DATABASE_URL is not set',
  async create() {
    if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE SCHEMA ${schema}`);
    const url = new URL(postgresUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return { url: url.toString(), drop: () => adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
  },
};

export const DATABASES: readonly DatabaseBackend[] = [sqlite, postgres];

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
