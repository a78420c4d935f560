import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './local-server.ts';

/**
 * How the fake answers the next call. `{code}` is a logic error: HTTP 400 with that `status` in the body
 * (reference/protocols.md §3), or another HTTP status when given. `unauthorized` is HTTP 401 with status 10,
 * `throttled` a bare HTTP 429. `ok` lets the fake judge the request itself (key, template, parameters, line).
 */
export type SmsirScenario =
  | 'ok'
  | { readonly code: number; readonly http?: number }
  | 'unauthorized'
  | 'throttled'
  | 'http-500'
  | 'malformed'
  | 'hang'
  | { readonly status: number; readonly body: string };

export interface SmsirRequest {
  readonly method: string;
  readonly path: string;
  /** The parsed JSON body, or null for a GET or a body that is not JSON. */
  readonly json: Record<string, unknown> | null;
  readonly headers: IncomingHttpHeaders;
}

export interface FakeSmsirOptions {
  readonly apiKey: string;
  /** Approved verify templates: id → the parameter names it needs. */
  readonly templates?: Readonly<Record<string, readonly string[]>>;
  /** The account's lines, for bulk sends. */
  readonly lineNumbers?: readonly string[];
}

export interface FakeSmsir {
  readonly url: string;
  readonly requests: readonly SmsirRequest[];
  /** The message ids handed out, in order, with what each cost. */
  readonly issued: ReadonlyArray<{ readonly messageId: number; readonly cost: number }>;
  answerNext(scenario: SmsirScenario): void;
  /** What `GET /v1/send/{id}` reports as `deliveryState`; a message the fake sent reports 3 until set. */
  setDelivery(messageId: string, deliveryState: number): void;
  setCredit(amount: number): void;
  close(): Promise<void>;
}

const MOBILE = /^(?:\+98|0098|98|0)?9\d{9}$/;

/** A local SMS.ir v1: `POST /v1/send/verify`, `POST /v1/send/bulk`, `GET /v1/send/{id}`, `GET /v1/credit`. */
export async function startFakeSmsir(options: FakeSmsirOptions): Promise<FakeSmsir> {
  const requests: SmsirRequest[] = [];
  const issued: Array<{ messageId: number; cost: number }> = [];
  const deliveries = new Map<string, number>();
  const queued: SmsirScenario[] = [];
  let nextId = 890_000_000 + Math.floor(Math.random() * 10_000_000);
  let credit = 312.5;

  function issue(cost: number): number {
    const messageId = nextId++;
    issued.push({ messageId, cost });
    deliveries.set(String(messageId), 3);
    return messageId;
  }

  /** The `data` of an accepted call, or the `status` it is refused with. */
  function judge(method: string, path: string, json: Record<string, unknown> | null): { data: unknown } | number {
    if (method === 'POST' && path === '/v1/send/verify') {
      const { mobile, templateId, parameters } = json ?? {};
      if (typeof mobile !== 'string' || !MOBILE.test(mobile)) return 104;
      const names = options.templates?.[String(templateId)];
      if (typeof templateId !== 'number' || !names) return 113;
      const given = Array.isArray(parameters) ? (parameters as Array<{ name?: unknown; value?: unknown }>) : [];
      if (given.some(({ value }) => typeof value === 'string' && value.length > 25)) return 114;
      if (names.some((name) => !given.some((p) => p.name === name && typeof p.value === 'string'))) return 116;
      return { data: { messageId: issue(1.0), cost: 1.0 } };
    }
    if (method === 'POST' && path === '/v1/send/bulk') {
      const { lineNumber, messageText, mobiles } = json ?? {};
      if (!options.lineNumbers?.includes(String(lineNumber)) || typeof lineNumber !== 'number') return 101;
      if (typeof messageText !== 'string' || messageText === '') return 103;
      if (!Array.isArray(mobiles) || mobiles.length === 0) return 107;
      if (!mobiles.every((m) => typeof m === 'string' && MOBILE.test(m))) return 104;
      const messageIds = mobiles.map(() => issue(1.5));
      return { data: { packId: `pack-${messageIds[0]}`, messageIds, cost: 1.5 * mobiles.length } };
    }
    if (method === 'GET' && path === '/v1/credit') return { data: credit };
    const sent = /^\/v1\/send\/(\d+)$/.exec(path)?.[1];
    if (method === 'GET' && sent !== undefined) {
      const state = deliveries.get(sent);
      // What SMS.ir answers for an id it never issued is undocumented; `data: null` is a stand-in.
      return { data: state === undefined ? null : { messageId: Number(sent), deliveryState: state, cost: 1.0 } };
    }
    return 0;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const json = parseJson(Buffer.concat(chunks).toString('utf8'));
      const method = req.method ?? '';
      const path = req.url ?? '';
      requests.push({ method, path, json, headers: req.headers });
      const scenario = queued.shift() ?? 'ok';
      if (scenario === 'hang') return;
      if (scenario === 'http-500') return reply(res, 500, '<html><body>Internal Server Error</body></html>');
      if (scenario === 'malformed') return reply(res, 200, '<html>Service Unavailable</html>');
      if (scenario === 'throttled') return reply(res, 429, '');
      if (typeof scenario === 'object' && 'body' in scenario) return reply(res, scenario.status, scenario.body);
      if (scenario === 'unauthorized' || req.headers['x-api-key'] !== options.apiKey) return refuse(res, 10, 401);
      if (typeof scenario === 'object') return refuse(res, scenario.code, scenario.http ?? 400);
      const answer = judge(method, path, json);
      if (typeof answer === 'number') return refuse(res, answer, answer === 0 ? 404 : 400);
      reply(res, 200, JSON.stringify({ status: 1, message: 'موفق', data: answer.data }));
    });
  });

  const { port, close } = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    issued,
    answerNext: (scenario) => void queued.push(scenario),
    setDelivery: (messageId, deliveryState) => void deliveries.set(messageId, deliveryState),
    setCredit: (amount) => void (credit = amount),
    close,
  };
}

function refuse(res: ServerResponse, status: number, http: number): void {
  reply(res, http, JSON.stringify({ status, message: 'خطا', data: null }));
}

function parseJson(raw: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function reply(res: ServerResponse, status: number, body: string): void {
  const type = body.startsWith('{') ? 'application/json; charset=utf-8' : 'text/plain';
  res.writeHead(status, { 'content-type': type }).end(body);
}
