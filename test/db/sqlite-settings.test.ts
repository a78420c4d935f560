import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'otpgate-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('opens SQLite in WAL mode with NORMAL syncs, foreign keys on and an 8 MiB page cache', async () => {
  const database = createDatabase(loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'settings.db')}` }).database);
  try {
    const pragma = (name: string) => database.sqlite!.pragma(name, { simple: true });
    assert.equal(pragma('journal_mode'), 'wal');
    assert.equal(pragma('synchronous'), 1, 'NORMAL');
    assert.equal(pragma('foreign_keys'), 1);
    // better-sqlite3's own default is 16 MiB (-16000); the server's peak memory is measured with 8.
    assert.equal(pragma('cache_size'), -8000);
  } finally {
    await database.close();
  }
});
