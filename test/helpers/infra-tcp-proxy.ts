import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy to put between the service and a backing server (PostgreSQL, Redis), so that a test can take
 * that server away and bring it back without touching the real one.
 */
export interface TcpProxy {
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  /** The server is down: every connection is dropped and new ones are refused (ECONNREFUSED). */
  pause(): Promise<void>;
  /**
   * The server stops answering but connections stay open, as when it is frozen or a network link drops
   * packets: nothing is forwarded either way, and new connections are accepted and then left waiting.
   */
  hang(): void;
  /** Back to normal. After `hang`, the held bytes flow again, as they would when a frozen server wakes. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  readonly client: Socket;
  upstream: Socket | undefined;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let mode: 'open' | 'hang' = 'open';

  const link = (pair: Pair) => {
    const upstream = connect(target.port, target.host);
    pair.upstream = upstream;
    pair.client.pipe(upstream);
    upstream.pipe(pair.client);
    const end = () => drop(pair);
    upstream.on('error', end).on('close', end);
  };

  const drop = (pair: Pair) => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.upstream?.destroy();
  };

  const onConnection = (client: Socket) => {
    const pair: Pair = { client, upstream: undefined };
    pairs.add(pair);
    client.on('error', () => drop(pair)).on('close', () => drop(pair));
    if (mode === 'open') link(pair);
    else client.pause();
  };

  let server: Server = createServer(onConnection);
  await listen(server, 0);
  const { port } = server.address() as AddressInfo;

  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  return {
    port,
    rewrite(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    async pause() {
      mode = 'open';
      const closed = stopListening();
      for (const pair of [...pairs]) {
        // A reset, not a FIN: what a client sees when the server's host goes away mid-conversation.
        pair.client.resetAndDestroy();
        drop(pair);
      }
      await closed;
    },
    hang() {
      mode = 'hang';
      for (const { client, upstream } of pairs) {
        client.unpipe();
        upstream?.unpipe();
        client.pause();
        upstream?.pause();
      }
    },
    async resume() {
      if (mode === 'hang') {
        mode = 'open';
        for (const pair of pairs) {
          if (!pair.upstream) link(pair);
          else {
            pair.client.pipe(pair.upstream);
            pair.upstream.pipe(pair.client);
          }
          pair.client.resume();
          pair.upstream?.resume();
        }
      }
      if (!server.listening) {
        server = createServer(onConnection);
        await listen(server, port);
      }
    },
    async close() {
      const closed = stopListening();
      for (const pair of [...pairs]) drop(pair);
      await closed;
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
