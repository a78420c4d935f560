import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { forEachDatabase } from '../helpers/app.ts';
import { freePort, runCli, startCli, tempDir, waitUntilServing, type CliProcess } from '../helpers/infra-cli.ts';
import { mobile } from '../helpers/otp-flow.ts';
import { startProviderFakes } from '../helpers/sms-fakes.ts';

/** Polls `check` until it returns a value, or throws after `timeoutMs`. */
async function eventually<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

forEachDatabase('a queued message whose worker is killed mid-delivery', (backend) => {
  it('is delivered after a restart, and the provider accepts it exactly once', { timeout: 60_000 }, async () => {
    const fakes = await startProviderFakes();
    const dir = tempDir();
    const created = backend.name === 'postgres' ? await backend.create() : undefined;
    const databaseUrl = created?.url ?? `sqlite:${join(dir, 'otpgate.db')}`;
    const env = {
      ...fakes.env(['kavenegar']),
      DATABASE_URL: databaseUrl,
      DATA_DIR: join(dir, 'data'),
      SMS_TIMEOUT_MS: '1500',
      LOG_LEVEL: 'warn',
    };
    const children: CliProcess[] = [];
    const serve = async () => {
      const port = await freePort();
      const child = startCli(['serve'], { ...env, PORT: String(port) }, dir);
      children.push(child);
      await waitUntilServing(`http://127.0.0.1:${port}/livez`, child);
      return { running: child, port };
    };
    const database = createDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database);
    const row = (id: string) =>
      database.db.selectFrom('sms_logs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    try {
      assert.equal((await runCli(['migrate'], env, { cwd: dir })).code, 0);
      const created = await runCli(['keys', 'create', '--name', 'crash', '--scopes', 'sms:send'], env, { cwd: dir });
      const key = created.stdout.trim().split('\n').at(-1)!;

      const first = await serve();
      fakes.kavenegar.answerNext('accept-then-hang');
      const answer = await fetch(`http://127.0.0.1:${first.port}/api/v1/admin/sms/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ to: mobile(1), text: 'Your order has shipped' }),
      });
      assert.equal(answer.status, 202);
      const { id } = (await answer.json()) as { id: string };
      const sends = () => fakes.kavenegar.requests.filter((r) => r.call === 'sms/send');
      await eventually('the first send', 5000, async () => (sends().length > 0 ? true : undefined));

      first.running.child.kill('SIGKILL');
      await first.running.exited;
      const orphan = await row(id);
      assert.deepEqual([orphan.status, orphan.tries], ['sending', 1], 'the killed worker held the row');
      assert.equal(fakes.kavenegar.issued.length, 1, 'the provider took the message before the kill');

      // Two workers compete for it on PostgreSQL; SQLite has one.
      await Promise.all(backend.name === 'postgres' ? [serve(), serve()] : [serve()]);
      const done = await eventually('redelivery', 30_000, async () => {
        const current = await row(id);
        return current.status === 'sent' ? current : undefined;
      });

      assert.equal(done.tries, 2);
      assert.equal(done.payload, null);
      assert.equal(sends().length, 2, 'exactly one of the new workers sent it again');
      assert.deepEqual(
        sends().map((r) => r.fields.localid),
        [id, id],
      );
      assert.equal(fakes.kavenegar.issued.length, 1, 'the provider accepted it once: the resend had its localid');
      assert.equal(done.provider_message_id, String(fakes.kavenegar.issued[0]!.messageid));
    } finally {
      for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.all(children.map((child) => child.exited));
      await database.close();
      await fakes.close();
      await created?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
