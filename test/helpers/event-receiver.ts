import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';

/** A fresh secret in the Standard Webhooks form, as a shop would generate and set as EVENTS_WEBHOOK_SECRET. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export interface ReceivedEvent {
  readonly id: string;
  readonly type: string;
  readonly timestamp: string;
  readonly data: Record<string, any>;
}

/** How the receiver answers: a status, or `hang` (read the request, never answer). */
export type ReceiverMode = number | 'hang';

/**
 * The shop's backend as the README tells it to be written: every request is verified with the
 * `standardwebhooks` library (a refused one answers 401 and is counted), and each event is processed once by
 * its `webhook-id`, however many times it arrives. `inFlight` tracks requests for one id open at once.
 */
export async function startEventReceiver(secret: string) {
  const webhook = new Webhook(secret);
  /** Every verified request, repeats included, in arrival order. */
  const arrivals: ReceivedEvent[] = [];
  /** Each event once, by webhook-id: what the shop acts on. */
  const processed = new Map<string, ReceivedEvent>();
  const open = new Map<string, number>();
  let mostAtOnce = 0;
  let refused = 0;
  let mode: ReceiverMode = 200;
  let delayMs = 0;
  const sockets = new Set<Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    let event: ReceivedEvent;
    try {
      event = webhook.verify(body, req.headers as Record<string, string>) as ReceivedEvent;
    } catch {
      refused += 1;
      res.writeHead(401).end();
      return;
    }
    const id = req.headers['webhook-id'] as string;
    const received = { ...event, id };
    arrivals.push(received);
    open.set(id, (open.get(id) ?? 0) + 1);
    mostAtOnce = Math.max(mostAtOnce, open.get(id)!);
    try {
      if (mode === 'hang') return; // the socket stays open until the sender gives up or dies
      if (delayMs > 0) await sleep(delayMs);
      if (mode >= 200 && mode < 300 && !processed.has(id)) processed.set(id, received);
      res.writeHead(mode, { 'content-type': 'application/json' }).end('{}');
    } finally {
      if (mode !== 'hang') open.set(id, open.get(id)! - 1);
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/hooks/otpgate`;

  return {
    url,
    secret,
    arrivals,
    processed,
    /** The most requests for one webhook-id that were open at the same moment. */
    mostAtOnce: () => mostAtOnce,
    refused: () => refused,
    answer(next: ReceiverMode, delay = 0): void {
      mode = next;
      delayMs = delay;
    },
    ofType: (type: string) => [...processed.values()].filter((event) => event.type === type),
    /** Waits until `check` holds, polling every 20 ms; throws after `withinMs`. */
    async until(check: () => boolean, withinMs = 10_000, what = 'the receiver to get the events'): Promise<void> {
      const deadline = Date.now() + withinMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(20);
      }
    },
    /** Stops listening (connections refused) until `up`. */
    async down(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async up(): Promise<void> {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type EventReceiver = Awaited<ReturnType<typeof startEventReceiver>>;

/** The settings that send a test app's events to `receiver`, with a short timeout so leases lapse quickly. */
export const eventsEnv = (receiver: EventReceiver, timeoutMs = 1000): Record<string, string> => ({
  EVENTS_WEBHOOK_URL: receiver.url,
  EVENTS_WEBHOOK_SECRET: receiver.secret,
  EVENTS_TIMEOUT_MS: String(timeoutMs),
});
