import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { listenOnLoopback } from './local-server.ts';

/** A webhook SMS receiver that accepts every message but answers only after `delayMs`: a slow gateway. */
export interface SlowSink {
  readonly url: string;
  /** Bodies received so far, parsed. */
  readonly received: readonly { readonly to: string; readonly params: Record<string, string> }[];
  /** Resolves when the next message arrives (before it is answered). */
  nextMessage(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlowSink(delayMs: number): Promise<SlowSink> {
  const received: { to: string; params: Record<string, string> }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      server.emit('message');
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: randomUUID() }));
      }, delayMs);
    });
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    nextMessage: async () => void (await once(server, 'message')),
    close,
  };
}
