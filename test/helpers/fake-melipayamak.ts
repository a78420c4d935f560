import { randomInt } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './local-server.ts';

/**
 * How the fake answers the next call, whichever method it is. The envelopes follow reference/protocols.md
 * §1.1–1.2; the StrRetStatus words for failures are not documented and are plausible stand-ins.
 * `ok-envelope-error` is the case third-party code reports: "Ok" and RetStatus 1, with an error code (11) in
 * Value. `ok` lets the fake judge the request itself (credentials, template, variable count).
 */
export type MelipayamakScenario =
  | 'ok'
  | 'wrong-credentials'
  | 'no-credit'
  | 'blacklist'
  | 'ok-envelope-error'
  | 'shared-line-disabled'
  | 'internal-error'
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

export interface FakeMelipayamakOptions {
  readonly username: string;
  readonly password: string;
  /** Approved shared-line templates: bodyId → how many variables the template has. */
  readonly templates?: Readonly<Record<string, number>>;
}

export interface FakeMelipayamak {
  /** Base URL to pass as `baseUrl`, `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: readonly MelipayamakRequest[];
  /** The recIds handed out, in order. */
  readonly recIds: readonly string[];
  answerNext(scenario: MelipayamakScenario): void;
  answerAll(scenario: MelipayamakScenario): void;
  /**
   * What GetDeliveries2 reports for `recId`: a delivery code (§1.3), or null for the null Value of an account
   * without delivery reports. A recId the fake issued reports 0 (sent to telecom) until set; others report -1.
   */
  setDelivery(recId: string, code: number | null): void;
  /** What GetCredit reports, in SMS. */
  setCredit(amount: number): void;
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
  'shared-line-disabled': envelope('-1', 0, 'Error'),
  'internal-error': envelope('-6', 0, 'Error'),
};

/**
 * A local Melipayamak REST endpoint: `POST /api/SendSMS/{SendSMS,BaseServiceNumber,GetDeliveries2,GetCredit}`,
 * checking username and password on each.
 */
export async function startFakeMelipayamak(options: FakeMelipayamakOptions): Promise<FakeMelipayamak> {
  const templates = options.templates ?? {};
  const requests: MelipayamakRequest[] = [];
  const recIds: string[] = [];
  const deliveries = new Map<string, number | null>();
  const queued: MelipayamakScenario[] = [];
  let standing: MelipayamakScenario = 'ok';
  let credit = 1520;

  /** What an accepted `ok` request answers, by method; each judges the request as the real API would. */
  const methods: Record<string, (fields: Record<string, string>) => string> = {
    SendSMS: () => envelope(issue(), 1, 'Ok'),
    BaseServiceNumber(fields) {
      if ((fields.to ?? '').includes(',')) return envelope('-2', 0, 'Error');
      const variables = templates[fields.bodyId ?? ''];
      if (variables === undefined) return envelope('-4', 0, 'Error');
      if ((fields.text ?? '').split(';').length !== variables) return envelope('-5', 0, 'Error');
      return envelope(issue(), 1, 'Ok');
    },
    GetDeliveries2(fields) {
      const recId = fields.recId ?? '';
      const code = deliveries.has(recId) ? deliveries.get(recId)! : recIds.includes(recId) ? 0 : -1;
      return envelope(code === null ? null : String(code), 1, 'Ok');
    },
    GetCredit: () => envelope(String(credit), 1, 'Ok'),
  };
  /** Wrong credentials look different per method: a code for sends, -3 for delivery, "NULL" for credit. */
  const wrongCredentials: Record<string, string> = {
    GetDeliveries2: envelope('-3', 0, 'InvalidUserPassword'),
    GetCredit: envelope('NULL', 0, 'InvalidUserPassword'),
  };

  function issue(): string {
    const recId = nextRecId(recIds);
    recIds.push(recId);
    return recId;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const fields = Object.fromEntries(new URLSearchParams(rawBody));
      requests.push({ method: req.method ?? '', path: req.url ?? '', fields, rawBody, headers: req.headers });
      const name = /^\/api\/SendSMS\/(\w+)$/.exec(req.url ?? '')?.[1] ?? '';
      const method = methods[name];
      if (req.method !== 'POST' || !method) return reply(res, 404, 'Not Found');
      const scenario = queued.shift() ?? standing;
      if (scenario === 'hang') return;
      if (typeof scenario === 'object') return reply(res, scenario.status, scenario.body);
      if (scenario === 'http-500') return reply(res, 500, '<html><body>Runtime Error</body></html>');
      if (scenario === 'malformed') return reply(res, 200, '<html>Service Unavailable</html>');
      if (fields.username !== options.username || fields.password !== options.password) {
        return reply(res, 200, wrongCredentials[name] ?? FAILURES['wrong-credentials']!);
      }
      reply(res, 200, scenario === 'ok' ? method(fields) : FAILURES[scenario]!);
    });
  });

  const { port, close } = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    recIds,
    answerNext: (scenario) => void queued.push(scenario),
    answerAll: (scenario) => void (standing = scenario),
    setDelivery: (recId, code) => void deliveries.set(recId, code),
    setCredit: (amount) => void (credit = amount),
    close,
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
