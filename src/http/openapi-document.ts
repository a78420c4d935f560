import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config/index.ts';
import { createDatabase } from '../db/index.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * Settings under which every route the service can serve is registered. A route that only some settings
 * turn on must be turned on here, or the document (and the client generated from it) leaves it out.
 */
const EVERY_ROUTE: Record<string, string> = { METRICS_ENABLED: 'true' };

/**
 * The OpenAPI document the service serves at /api/v1/openapi.json, built without a network or a database
 * of the operator's: a throwaway development configuration on an in-memory SQLite database that is migrated,
 * used for nothing and closed. It depends on the code alone, never on where it was built.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: 'sqlite::memory:',
    SMS_PROVIDER: 'console',
    ...EVERY_ROUTE,
  });
  const database = createDatabase(config.database);
  try {
    await migrateToLatest(database);
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const app = await buildApp(config, { database, logStream: silent });
    try {
      await app.ready();
      // A plain copy: the swagger plugin hands out its own object.
      return JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
