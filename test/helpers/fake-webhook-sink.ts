import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './local-server.ts';

/** What the sink answers: a status and body, or `hang` (accept the request, never answer). */
export type SinkAnswer = 'hang' | { readonly status: number; readonly body?: string };

export interface SinkRequest {
  /** The parsed JSON body, or null when it was not a JSON object. */
  readonly message: {
    readonly to: string;
    readonly text: string;
    readonly template: string;
    readonly params: Readonly<Record<string, string>>;
    /** Our id for the message, the same on every try (queued messages and codes). */
    readonly reference?: string;
  } | null;
  readonly rawBody: Buffer;
  readonly headers: IncomingHttpHeaders;
  /** The id the sink answered with, when it answered with its default. */
  readonly id: string | null;
}

export interface FakeWebhookSink {
  readonly url: string;
  readonly requests: readonly SinkRequest[];
  answerNext(answer: SinkAnswer): void;
  /** `null` goes back to the default answer. */
  answerAll(answer: SinkAnswer | null): void;
  /** Every answer from now on waits `delayMs()` first (a provider that takes its time); null: none. */
  answerAfter(delayMs: (() => number) | null): void;
  messagesTo(to: string): readonly SinkRequest[];
  /** `params.code` of the last message to `to` (E.164), for tests that sign in with it. */
  lastCode(to: string): string | undefined;
  /** Stops the server and drops every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** A local receiver for the webhook provider. By default it answers 200 `{"id": "<uuid>"}`. */
export async function startFakeWebhookSink(): Promise<FakeWebhookSink> {
  const requests: SinkRequest[] = [];
  const queued: SinkAnswer[] = [];
  let standing: SinkAnswer | null = null;
  let delay: (() => number) | null = null;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const answer = queued.shift() ?? standing;
      const id = answer ? null : randomUUID();
      requests.push({ message: parseMessage(rawBody), rawBody, headers: req.headers, id });
      if (answer === 'hang') return;
      const send = () =>
        answer ? reply(res, answer.status, answer.body ?? '') : reply(res, 200, JSON.stringify({ id }));
      if (delay) setTimeout(send, delay());
      else send();
    });
  });

  const { port, close } = await listenOnLoopback(server);
  const messagesTo = (to: string) => requests.filter((request) => request.message?.to === to);
  return {
    url: `http://127.0.0.1:${port}/sms`,
    requests,
    answerNext: (answer) => void queued.push(answer),
    answerAll: (answer) => void (standing = answer),
    answerAfter: (delayMs) => void (delay = delayMs),
    messagesTo,
    lastCode: (to) => messagesTo(to).at(-1)?.message?.params.code,
    close,
  };
}

function parseMessage(raw: Buffer): SinkRequest['message'] {
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as SinkRequest['message']) : null;
  } catch {
    return null;
  }
}

function reply(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json' : 'text/plain' }).end(body);
}
