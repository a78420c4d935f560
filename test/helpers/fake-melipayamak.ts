import { randomInt } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the fake answers. The envelopes follow reference/protocols.md §1.1; the StrRetStatus words for
 * failures are not documented and are plausible stand-ins. `ok-envelope-error` is the case third-party code
 * reports: "Ok" and RetStatus 1, with an error code (11) in Value.
 */
export type MelipayamakScenario =
  | 'ok'
  | 'wrong-credentials'
  | 'no-credit'
  | 'blacklist'
  | 'ok-envelope-error'
  | 'http-500'
  | 'malformed'
  | 'hang'
  | { readonly status: number; readonly body: string };

export interface MelipayamakRequest {
  readonly method: string;
  readonly path: string;
  /** The form fields, decoded. */
  readonly fields: Readonly<Record<string, string>>;
  readonly rawBody: string;
  readonly headers: IncomingHttpHeaders;
}

export interface FakeMelipayamak {
  /** Base URL to pass as `baseUrl`, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: readonly MelipayamakRequest[];
  /** The recIds handed out, in order. */
  readonly recIds: readonly string[];
  answerNext(scenario: MelipayamakScenario): void;
  answerAll(scenario: MelipayamakScenario): void;
  /** Stops the server and drops every open connection, hanging ones included. */
  close(): Promise<void>;
}

const envelope = (Value: string | null, RetStatus: number, StrRetStatus: string) =>
  JSON.stringify({ Value, RetStatus, StrRetStatus });

const FAILURES: Record<string, string> = {
  'wrong-credentials': envelope('0', 0, 'InvalidUserPassword'),
  'no-credit': envelope('2', 2, 'CreditNotEnough'),
  blacklist: envelope('35', 35, 'InvalidData'),
  'ok-envelope-error': envelope('11', 1, 'Ok'),
};

/** A local Melipayamak REST endpoint: `POST /api/SendSMS/SendSMS`, checking username and password. */
export async function startFakeMelipayamak(credentials: {
  readonly username: string;
  readonly password: string;
}): Promise<FakeMelipayamak> {
  const requests: MelipayamakRequest[] = [];
  const recIds: string[] = [];
  const queued: MelipayamakScenario[] = [];
  let standing: MelipayamakScenario = 'ok';

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const fields = Object.fromEntries(new URLSearchParams(rawBody));
      requests.push({ method: req.method ?? '', path: req.url ?? '', fields, rawBody, headers: req.headers });
      if (req.method !== 'POST' || req.url !== '/api/SendSMS/SendSMS') return reply(res, 404, 'Not Found');
      const scenario = queued.shift() ?? standing;
      if (scenario === 'hang') return;
      if (typeof scenario === 'object') return reply(res, scenario.status, scenario.body);
      if (scenario === 'http-500') return reply(res, 500, '<html><body>Runtime Error</body></html>');
      if (scenario === 'malformed') return reply(res, 200, '<html>Service Unavailable</html>');
      if (fields.username !== credentials.username || fields.password !== credentials.password) {
        return reply(res, 200, FAILURES['wrong-credentials']!);
      }
      if (scenario !== 'ok') return reply(res, 200, FAILURES[scenario]!);
      const recId = nextRecId(recIds);
      recIds.push(recId);
      reply(res, 200, envelope(recId, 1, 'Ok'));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    recIds,
    answerNext: (scenario) => void queued.push(scenario),
    answerAll: (scenario) => void (standing = scenario),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function reply(res: ServerResponse, status: number, body: string): void {
  const type = body.startsWith('{') ? 'application/json; charset=utf-8' : 'text/html';
  res.writeHead(status, { 'content-type': type }).end(body);
}

/** Unique per fake, 13 to 15 digits like the recIds seen in the wild. */
function nextRecId(issued: readonly string[]): string {
  for (;;) {
    const candidate = String(randomInt(1_000_000_000_000, 2 ** 48 - 1));
    if (!issued.includes(candidate)) return candidate;
  }
}
