import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The SMS gateway the benchmarked server posts to: the webhook provider's protocol, nothing more. */
export interface SmsSink {
  readonly url: string;
  /** `params.code` of the latest message to `to`, forgotten once read: each code is used once. */
  takeCode(to: string): string | undefined;
  /** Drops remembered codes between scenarios, so the map stays as small as one scenario needs. */
  forget(): void;
  readonly received: () => number;
  /** Distinct `reference`s of messages without a code (queued sends), one per message the server sent. */
  readonly distinct: () => number;
  /** Messages without a code whose `reference` had been received before: one message sent twice. */
  readonly repeated: () => number;
  /**
   * Takes at most `perSecond` messages in any one second, as a provider's rate limit does, and answers the
   * rest 429 with `Retry-After: 1`; `null` lifts the limit.
   */
  limitRate(perSecond: number | null): void;
  /** Messages answered 429 so far. */
  readonly limited: () => number;
  /**
   * From now on, counts the messages it takes (200) per recipient whose number starts with `prefix`: the
   * restock scenario's subscribers, so that each one is seen to get exactly one message.
   */
  countRecipients(prefix: string): RecipientCounts;
  close(): Promise<void>;
}

/** What `countRecipients` saw. */
export interface RecipientCounts {
  /** Recipients that got at least one message. */
  distinct(): number;
  /** Messages to a recipient that had already got one: each one is a failure. */
  repeated(): number;
  /** When the last counted message was taken (performance.now()), or null before the first. */
  lastAt(): number | null;
  /** Stops counting and lets the recipients go. */
  stop(): void;
}

interface Tracked {
  readonly prefix: string;
  readonly seen: Set<string>;
  repeated: number;
  lastAt: number | null;
}

interface WebhookMessage {
  readonly to?: unknown;
  readonly reference?: unknown;
  readonly params?: { readonly code?: unknown };
}

/**
 * Answers every message 200 `{"id": ...}` (or 429 beyond its rate limit, when one is set) and keeps only the latest code per number. It records the code
 * before it answers, and the server answers its client only after the gateway did, so a code request's
 * response always finds its code here.
 */
export async function startSmsSink(): Promise<SmsSink> {
  const codes = new Map<string, string>();
  let received = 0;
  const references = new Set<string>();
  let repeated = 0;
  let limit: number | null = null;
  let limited = 0;
  let tracked: Tracked | null = null;
  /** When each message of the last second was taken, oldest first. */
  const taken: number[] = [];
  const overLimit = (): boolean => {
    if (limit === null) return false;
    const now = performance.now();
    while (taken.length > 0 && now - taken[0]! >= 1000) taken.shift();
    if (taken.length >= limit) return true;
    taken.push(now);
    return false;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (overLimit()) {
        limited += 1;
        res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '1' }).end('slow down');
        return;
      }
      received += 1;
      try {
        const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as WebhookMessage;
        if (tracked && typeof message.to === 'string' && message.to.startsWith(tracked.prefix)) {
          if (tracked.seen.has(message.to)) tracked.repeated += 1;
          else tracked.seen.add(message.to);
          tracked.lastAt = performance.now();
        }
        if (typeof message.to === 'string' && typeof message.params?.code === 'string') {
          codes.set(message.to, message.params.code);
        }
        // Code messages are left out: the tail of the sign-in scenario must not count as queued deliveries.
        if (typeof message.reference === 'string' && message.params?.code === undefined) {
          if (references.has(message.reference)) repeated += 1;
          else references.add(message.reference);
        }
      } catch {
        // A body that is not JSON still gets its 200: the bench measures the server, not this sink.
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"bench-${received}"}`);
    });
  });
  // Longer than the server's keep-alive pool timeout, so the sink never closes a socket the pool reuses.
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    takeCode(to) {
      const code = codes.get(to);
      codes.delete(to);
      return code;
    },
    forget: () => codes.clear(),
    received: () => received,
    distinct: () => references.size,
    repeated: () => repeated,
    limitRate: (perSecond) => {
      limit = perSecond;
      taken.length = 0;
    },
    limited: () => limited,
    countRecipients(prefix) {
      const counting: Tracked = { prefix, seen: new Set(), repeated: 0, lastAt: null };
      tracked = counting;
      return {
        distinct: () => counting.seen.size,
        repeated: () => counting.repeated,
        lastAt: () => counting.lastAt,
        stop: () => {
          if (tracked === counting) tracked = null;
          counting.seen.clear();
        },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
