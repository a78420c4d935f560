import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_LEASE_MS } from '../../src/telegram/bot/polling.ts';
import { DATABASES } from '../helpers/backends.ts';
import { person, textUpdate } from '../helpers/fake-telegram-bot-api.ts';
import { botProcesses } from '../helpers/infra-bot.ts';
import type { CliProcess } from '../helpers/infra-cli.ts';

/** How soon after the holder's death the other instance must be polling: the lease, and a try to take it. */
const TAKEOVER_MS = DEFAULT_LEASE_MS + 3000;

for (const backend of DATABASES) {
  describe(`two service processes polling one bot, on ${backend.name}`, { skip: backend.skip }, () => {
    const bot = botProcesses(backend, 'polling');
    const { servers, serve } = bot;

    /** The process whose id the live lease names (`host/pid/random`), or undefined while none holds it. */
    async function holder(): Promise<CliProcess | undefined> {
      const row = await bot.handle.db
        .selectFrom('telegram_bot_pollers')
        .select(['holder', 'lease_until'])
        .executeTakeFirst();
      if (!row?.holder || Number(row.lease_until) <= Date.now()) return undefined;
      const pid = Number(row.holder.split('/')[1]);
      return servers.find((server) => server.child.pid === pid);
    }

    async function nextOffset(): Promise<number | undefined> {
      const row = await bot.handle.db.selectFrom('telegram_bot_pollers').select('next_offset').executeTakeFirst();
      return row ? Number(row.next_offset) : undefined;
    }

    async function until<T>(find: () => Promise<T | undefined> | T | undefined, withinMs: number, what: string) {
      const started = Date.now();
      for (;;) {
        const found = await find();
        if (found !== undefined) return { found, afterMs: Date.now() - started };
        if (Date.now() - started > withinMs) {
          const output = servers
            .map((s) => (s.stdout() + s.stderr()).split('\n').filter((l) => !l.includes('request completed')))
            .map((lines) => lines.slice(-30).join('\n'))
            .join('\n---\n');
          assert.fail(`${what}: not within ${withinMs} ms\n${output}`);
        }
        await sleep(50);
      }
    }

    /** Each person sends /help once: each must get exactly one answer, whichever instance polled it. */
    const people = Array.from({ length: 30 }, (_, i) => person(70_000 + i));
    const answers = (who: (typeof people)[number]) => bot.fake.sent.filter((m) => m.chatId === String(who.id)).length;
    const allAnswered = (group: typeof people) => (group.every((who) => answers(who) >= 1) ? true : undefined);

    it('only one polls; kill -9 it and the other takes over within seconds; no update is lost or answered twice', async () => {
      await Promise.all([serve(bot.env), serve(bot.env)]);
      const { found: first } = await until(holder, 10_000, 'one instance holds the lease');
      const other = servers.find((server) => server !== first)!;
      const polling = (server: CliProcess) => server.stdout().includes('this instance polls for the bot');
      assert.deepEqual(
        servers.map(polling),
        servers.map((server) => server === first),
        'only the holder polls',
      );

      const before = people.slice(0, 10);
      const ids = before.map((who) => bot.fake.push(textUpdate(who, '/help')));
      await until(() => allAnswered(before), 10_000, 'the first ten answered');
      // Killed between updates. Killed while handling one, the bot's record of it (telegram/bot/updates.ts)
      // keeps it from the next holder until its claim lapses, and its answer may then go out twice.
      await until(async () => ((await nextOffset()) === ids.at(-1)! + 1 ? true : undefined), 5000, 'all ten done');

      first.child.kill('SIGKILL');
      await first.exited;
      const killedAt = Date.now();
      // Sent while nobody polls: Telegram keeps them for whoever asks next.
      const during = people.slice(10, 20);
      for (const who of during) bot.fake.push(textUpdate(who, '/help'));
      const { found: next, afterMs } = await until(
        async () => ((await holder()) === other ? other : undefined),
        TAKEOVER_MS,
        'the other instance holds the lease',
      );
      assert.equal(next.child.pid, other.child.pid);
      assert.ok(afterMs < TAKEOVER_MS, `took over ${afterMs} ms after the kill`);
      assert.ok(polling(other));
      await until(() => allAnswered(during), TAKEOVER_MS - (Date.now() - killedAt), 'the ten sent meanwhile answered');

      const afterwards = people.slice(20);
      for (const who of afterwards) bot.fake.push(textUpdate(who, '/help'));
      await until(() => allAnswered(afterwards), 10_000, 'the last ten answered');
      await sleep(1000);
      assert.deepEqual(
        people.filter((who) => answers(who) !== 1).map((who) => [who.id, answers(who)]),
        [],
        'each /help answered exactly once',
      );
      assert.equal(bot.fake.sent.length, people.length);
      assert.ok(other.child.exitCode === null, 'the survivor still runs');
    });

    it('SIGTERM gives the lease up on the way out: a third instance takes over well within the lease', async () => {
      const holding = (await holder())!;
      const third = await serve(bot.env);
      holding.child.kill('SIGTERM');
      assert.equal((await holding.exited).code, 0);
      const { afterMs } = await until(
        async () => ((await holder()) === third ? third : undefined),
        DEFAULT_LEASE_MS,
        'the third instance holds the lease',
      );
      assert.ok(afterMs < DEFAULT_LEASE_MS / 2, `took over ${afterMs} ms after the exit`);
      const last = [person(79_001), person(79_002)];
      for (const who of last) bot.fake.push(textUpdate(who, '/help'));
      await until(() => allAnswered(last), 10_000, 'answered by the third');
      assert.deepEqual(last.map(answers), [1, 1]);
    });
  });
}
