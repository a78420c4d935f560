import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './local-server.ts';

/**
 * How the fake answers the next call. `ok` judges the request as the Gateway would (token, number, code,
 * ttl, balance, request_id). `{error}` is `{ok:false, error}` on HTTP 400 (or `http`); `throttled` a bare 429
 * with Retry-After; `http-500`, `malformed` (an HTML page on 200) and `hang` are a Gateway in trouble.
 */
export type GatewayScenario =
  | 'ok'
  | { readonly error: string; readonly http?: number }
  | 'throttled'
  | 'http-500'
  | 'malformed'
  | 'hang'
  | { readonly status: number; readonly body: string };

export interface GatewayRequest {
  readonly method: string;
  /** The API method, from the path (`sendVerificationMessage`). */
  readonly call: string;
  /** The parameters, from a JSON body, a form body or the query string, as the Gateway takes any of them. */
  readonly params: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
}

/** A request the fake accepted: what it would deliver, and to whom. */
export interface GatewayRequestStatus {
  readonly request_id: string;
  readonly phone_number: string;
  readonly request_cost: number;
  readonly remaining_balance: number;
  readonly payload?: string;
  readonly code?: string;
  readonly ttl?: number;
  readonly callback_url?: string;
}

export interface FakeTelegramGateway {
  readonly url: string;
  readonly requests: readonly GatewayRequest[];
  /** Every verification message sent, in order. */
  readonly sent: readonly GatewayRequestStatus[];
  answerNext(scenario: GatewayScenario): void;
  /** Numbers with no Telegram account: sends and checks to them are refused (PHONE_NUMBER_NOT_FOUND). */
  unreachable(phone: string): void;
  setBalance(amount: number): void;
  /** The body Telegram would POST to the callback URL once `requestId`'s delivery status is `status`. */
  report(requestId: string, status: string, updatedAt?: number): string;
  close(): Promise<void>;
}

/** What one message costs ($0.01 per code, reference/telegram.md §5). */
const FEE = 0.01;
const E164 = /^\+?[1-9]\d{6,14}$/;

/**
 * A local Telegram Gateway (`https://gatewayapi.telegram.org/METHOD`): `sendVerificationMessage` and
 * `checkSendAbility` as reference/telegram.md §5 documents them, `{ok, result|error}` envelopes, Bearer or
 * `access_token` auth, a prepaid balance, and a `request_id` from checkSendAbility that makes one send free.
 */
export async function startFakeTelegramGateway(options: { token: string }): Promise<FakeTelegramGateway> {
  const requests: GatewayRequest[] = [];
  const sent: GatewayRequestStatus[] = [];
  const checked = new Map<string, { phone: string; used: boolean }>();
  const unreachable = new Set<string>();
  const queued: GatewayScenario[] = [];
  let balance = 100;

  const newRequestId = () => randomBytes(9).toString('base64url');
  const status = (requestId: string, phone: string, cost: number, extra: object = {}): GatewayRequestStatus => ({
    request_id: requestId,
    phone_number: phone.replace(/^\+/, ''),
    request_cost: cost,
    remaining_balance: Number(balance.toFixed(2)),
    ...extra,
  });

  /** The RequestStatus of an accepted call, or the error it is refused with. */
  function judge(call: string, p: Record<string, unknown>): GatewayRequestStatus | string {
    const phone = typeof p.phone_number === 'string' ? p.phone_number : '';
    if (call !== 'sendVerificationMessage' && call !== 'checkSendAbility') return 'UNKNOWN_METHOD';
    if (!E164.test(phone)) return 'PHONE_NUMBER_INVALID';
    if (unreachable.has(phone)) return 'PHONE_NUMBER_NOT_FOUND';
    if (call === 'checkSendAbility') {
      if (balance < FEE) return 'BALANCE_NOT_ENOUGH';
      balance -= FEE;
      const requestId = newRequestId();
      checked.set(requestId, { phone, used: false });
      return status(requestId, phone, FEE);
    }
    const { code, ttl, payload, callback_url: callback, request_id: given } = p;
    if (code !== undefined && !/^\d{4,8}$/.test(String(code))) return 'CODE_INVALID';
    if (ttl !== undefined && !(Number.isInteger(Number(ttl)) && Number(ttl) >= 60 && Number(ttl) <= 86_400)) {
      return 'TTL_INVALID';
    }
    if (payload !== undefined && Buffer.byteLength(String(payload)) > 128) return 'PAYLOAD_INVALID';
    if (callback !== undefined && (!String(callback).startsWith('https://') || String(callback).length > 256)) {
      return 'CALLBACK_URL_INVALID';
    }
    let cost = FEE;
    if (given !== undefined) {
      // Paid for by checkSendAbility: free once, for the number it was checked for.
      const check = checked.get(String(given));
      if (!check || check.used || check.phone !== phone) return 'REQUEST_ID_INVALID';
      check.used = true;
      cost = 0;
    } else if (balance < FEE) {
      return 'BALANCE_NOT_ENOUGH';
    }
    balance -= cost;
    const extra = {
      ...(payload === undefined ? {} : { payload: String(payload) }),
      ...(code === undefined ? {} : { code: String(code) }),
      ...(ttl === undefined ? {} : { ttl: Number(ttl) }),
      ...(callback === undefined ? {} : { callback_url: String(callback) }),
    };
    const accepted = status(given === undefined ? newRequestId() : String(given), phone, cost, extra);
    sent.push(accepted);
    return accepted;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://gateway.test');
      const raw = Buffer.concat(chunks).toString('utf8');
      const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
      const type = req.headers['content-type'] ?? '';
      if (type.startsWith('application/json')) Object.assign(params, parseJson(raw));
      else if (type.startsWith('application/x-www-form-urlencoded')) {
        Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
      }
      const call = url.pathname.replace(/^\//, '');
      requests.push({ method: req.method ?? '', call, params, headers: req.headers });

      const scenario = queued.shift() ?? 'ok';
      if (scenario === 'hang') return;
      if (scenario === 'http-500') return reply(res, 500, '<html><body>Internal Server Error</body></html>');
      if (scenario === 'malformed') return reply(res, 200, '<html>Bad Gateway</html>');
      if (scenario === 'throttled') return reply(res, 429, '', { 'retry-after': '3' });
      if (typeof scenario === 'object' && 'body' in scenario) return reply(res, scenario.status, scenario.body);
      if (typeof scenario === 'object') return refuse(res, scenario.error, scenario.http);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? params.access_token;
      if (bearer === undefined) return refuse(res, 'ACCESS_TOKEN_REQUIRED', 401);
      if (bearer !== options.token) return refuse(res, 'ACCESS_TOKEN_INVALID', 401);
      const answer = judge(call, params);
      if (typeof answer === 'string') return refuse(res, answer, answer === 'UNKNOWN_METHOD' ? 404 : 400);
      const { code: _code, ttl: _ttl, callback_url: _callback, ...result } = answer;
      reply(res, 200, JSON.stringify({ ok: true, result: { ...result, delivery_status: deliveryNow('sent') } }));
    });
  });

  const { port, close } = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sent,
    answerNext: (scenario) => void queued.push(scenario),
    unreachable: (phone) => void unreachable.add(phone),
    setBalance: (amount) => void (balance = amount),
    report(requestId, deliveryStatus, updatedAt = Math.floor(Date.now() / 1000)) {
      const request = sent.find((s) => s.request_id === requestId);
      return JSON.stringify({
        request_id: requestId,
        phone_number: request?.phone_number ?? '989120000000',
        request_cost: request?.request_cost ?? FEE,
        delivery_status: { status: deliveryStatus, updated_at: updatedAt },
        ...(request?.payload === undefined ? {} : { payload: request.payload }),
      });
    },
    close,
  };
}

/**
 * The headers Telegram signs a delivery report with: `X-Request-Timestamp` (unix seconds) and
 * `X-Request-Signature`, hex HMAC-SHA256 of `timestamp + "\n" + body` keyed with SHA-256 of the API token.
 */
export function signGatewayReport(token: string, body: string, timestampSeconds: number): Record<string, string> {
  const key = createHash('sha256').update(token).digest();
  const signature = createHmac('sha256', key).update(`${timestampSeconds}\n${body}`).digest('hex');
  return { 'x-request-timestamp': String(timestampSeconds), 'x-request-signature': signature };
}

const deliveryNow = (status: string) => ({ status, updated_at: Math.floor(Date.now() / 1000) });

function refuse(res: ServerResponse, error: string, http = 400): void {
  reply(res, http, JSON.stringify({ ok: false, error }));
}

function parseJson(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  const type = body.startsWith('{') ? 'application/json' : 'text/html';
  res.writeHead(status, { 'content-type': type, ...headers }).end(body);
}
