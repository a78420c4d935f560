import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import { loadConfig } from '../../src/config/index.ts';
import { createDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createEventRecorder } from '../../src/events/recorder.ts';
import type { ServerChild } from './server.ts';

/** How long the server may take to deliver the backlog before the run counts as failed. */
const DRAIN_TIMEOUT_MS = 120_000;
const BATCH = 500;

export interface EventsResult {
  readonly name: string;
  readonly count: number;
  readonly delivered: number;
  /** Distinct events the receiver verified per second, from the server being ready to the last one. */
  readonly perSecond: number;
  /** Server CPU per delivered event (the signing, the POST, the claim and the outcome's write). */
  readonly cpuMsPerEvent: number | null;
  /** Requests whose signature did not verify, or events that arrived twice: each one is a failure. */
  readonly failures: number;
  readonly firstFailure: string | null;
}

/**
 * Events delivered per second: `count` events are written to the store's outbox (as the writes of sign-ins
 * would write them), then a server with EVENTS_WEBHOOK_URL pointing at a local receiver is started on the
 * store and delivers the backlog. The receiver verifies every request with the `standardwebhooks` library,
 * as a shop's backend would, and counts each `webhook-id` once. Its own cost is the bench's, not the server's.
 */
export async function eventsDelivered(
  databaseUrl: string,
  count: number,
  start: (env: NodeJS.ProcessEnv) => Promise<ServerChild>,
): Promise<EventsResult> {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const receiver = await startReceiver(secret);
  await writeBacklog(databaseUrl, count);
  let server: ServerChild | undefined;
  try {
    server = await start({ EVENTS_WEBHOOK_URL: receiver.url, EVENTS_WEBHOOK_SECRET: secret });
    const cpuBefore = server.cpuSeconds();
    const started = performance.now();
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (receiver.ids.size < count && Date.now() < deadline && receiver.failures.length === 0) await sleep(5);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = server.cpuSeconds();
    const delivered = receiver.ids.size;
    const failures = [...receiver.failures];
    if (delivered < count) failures.push(`${count - delivered} of ${count} events never arrived`);
    return {
      name: 'e. events delivered',
      count,
      delivered,
      perSecond: delivered / seconds,
      cpuMsPerEvent: cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / delivered,
      failures: failures.length,
      firstFailure: failures[0] ?? null,
    };
  } finally {
    await server?.stop();
    await receiver.close();
  }
}

export function eventsLine(r: EventsResult): string {
  const cpu = r.cpuMsPerEvent === null ? 'n/a' : `${r.cpuMsPerEvent.toFixed(2)} ms`;
  return `${r.name}: ${Math.round(r.perSecond)} events/s (${r.delivered} of ${r.count}), server CPU per event ${cpu}`;
}

/** The backlog, written through the recorder the service's own writes use, in transactions of BATCH. */
async function writeBacklog(databaseUrl: string, count: number): Promise<void> {
  const database = createDatabase(loadConfig({ DATABASE_URL: databaseUrl }).database);
  try {
    await migrateToLatest(database);
    const recorder = createEventRecorder(true, Date.now);
    for (let written = 0; written < count; written += BATCH) {
      await database.db.transaction().execute(async (trx) => {
        for (let i = written; i < Math.min(count, written + BATCH); i += 1) {
          await recorder.record(trx, 'user.signed_in', {
            user_id: `bench-user-${i}`,
            session_id: `bench-session-${i}`,
            method: 'sms',
          });
        }
      });
    }
  } finally {
    await database.close();
  }
}

async function startReceiver(secret: string) {
  const webhook = new Webhook(secret);
  const ids = new Set<string>();
  const failures: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      try {
        webhook.verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
      } catch (error) {
        failures.push(`event ${id} did not verify: ${(error as Error).message}`);
        res.writeHead(401).end();
        return;
      }
      if (ids.has(id)) failures.push(`event ${id} arrived twice`);
      ids.add(id);
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/events`,
    ids,
    failures,
    close: () =>
      new Promise<void>((resolve) => server.close(() => resolve())).finally(() => server.closeAllConnections()),
  };
}
