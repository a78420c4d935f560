import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './local-server.ts';

/**
 * How the fake answers the next call. `{code}` answers that `return.status` (reference/protocols.md §2) in
 * one of Kavenegar's two error styles: `http` puts the code in the HTTP status too, as the Go and PHP SDKs
 * expect; `body` answers HTTP 200 with the code only in the envelope. `entries-object` answers success
 * with `entries` as one object, as the README's lookup sample shows, instead of the Go SDK's array.
 * `ok` lets the fake judge the request itself (key, template, tokens, localid).
 */
export type KavenegarScenario =
  | 'ok'
  | 'entries-object'
  | { readonly code: number; readonly style?: 'http' | 'body' }
  | 'http-502'
  | 'malformed'
  | 'hang'
  | 'accept-then-hang'
  | { readonly status: number; readonly body: string };

export interface KavenegarRequest {
  readonly method: string;
  readonly path: string;
  /** `sms/send`, `verify/lookup`, ...: the path after the key, without `.json`. */
  readonly call: string;
  /** The key as it arrived in the path. */
  readonly apiKey: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
}

export interface FakeKavenegarOptions {
  readonly apiKey: string;
  /** Approved lookup templates by name. */
  readonly templates?: readonly string[];
  /** The style of errors the fake judges itself (a wrong key, a bad token); queued codes say their own. */
  readonly errorStyle?: 'http' | 'body';
}

export interface FakeKavenegar {
  /** Base URL to pass as `baseUrl`. */
  readonly url: string;
  readonly requests: readonly KavenegarRequest[];
  /** The message ids handed out, in order, with what each cost. */
  readonly issued: ReadonlyArray<{ readonly messageid: number; readonly cost: number }>;
  answerNext(scenario: KavenegarScenario): void;
  /**
   * What `sms/status` reports for `messageid` (§2 status codes); a message the fake sent reports 1 until set.
   * A string stands for a broken answer: it is sent as the entry's `status` as it is.
   */
  setDelivery(messageid: string, status: number | string): void;
  /** `account/info`'s `remaincredit`, in rials. */
  setCredit(rials: number): void;
  /** `sms/status` answers about `messageid` whatever message it was asked about (null: the one asked). */
  answerStatusAbout(messageid: number | null): void;
  close(): Promise<void>;
}

const MESSAGES: Record<number, string> = {
  200: 'تایید شد',
  403: 'کد شناسائی API-Key معتبر نمی‌باشد',
  411: 'دریافت کننده نامعتبر است',
  418: 'اعتبار حساب شما کافی نیست',
  424: 'الگوی مورد نظر پیدا نشد',
  431: 'ساختار کد صحیح نمی‌باشد',
};
/** Kavenegar refuses these in a lookup token (431). */
const BAD_TOKEN = /[\s_]/;

/** A local Kavenegar: `POST /v1/{key}/{verify/lookup,sms/send,sms/status,account/info}.json`. */
export async function startFakeKavenegar(options: FakeKavenegarOptions): Promise<FakeKavenegar> {
  const requests: KavenegarRequest[] = [];
  const issued: Array<{ messageid: number; cost: number }> = [];
  const byLocalId = new Map<string, Record<string, unknown>>();
  const deliveries = new Map<string, number | string>();
  const queued: KavenegarScenario[] = [];
  let nextId = 700_000_000 + Math.floor(Math.random() * 100_000_000);
  let credit = 4_250_000;
  let statusAbout: number | null = null;

  function send(fields: Record<string, string>, message: string, cost: number): Record<string, unknown> {
    const messageid = nextId++;
    issued.push({ messageid, cost });
    deliveries.set(String(messageid), 1);
    const date = Math.floor(Date.now() / 1000);
    return {
      messageid,
      message,
      status: 1,
      statustext: 'در صف ارسال',
      sender: fields.sender ?? '10004346',
      receptor: fields.receptor,
      date,
      cost,
    };
  }

  /** The entries an accepted call answers, or the `return.status` it is refused with. */
  const calls: Record<string, (fields: Record<string, string>) => Array<Record<string, unknown>> | number> = {
    'verify/lookup'(fields) {
      if (!fields.receptor || !fields.token || !fields.template) return 400;
      if (!options.templates?.includes(fields.template)) return 424;
      const tokens = ['token', 'token2', 'token3', 'token10', 'token20'].map((name) => fields[name]);
      if (tokens.some((token) => token !== undefined && BAD_TOKEN.test(token))) return 431;
      return [send(fields, tokens.filter(Boolean).join(' '), 1_200)];
    },
    'sms/send'(fields) {
      if (!fields.receptor) return 400;
      if (!/^0?9\d{9}$|^\d{10,15}$/.test(fields.receptor)) return 411;
      if (!fields.message) return 413;
      // A localid seen before gets the first message back, not a second message.
      const previous = fields.localid ? byLocalId.get(fields.localid) : undefined;
      if (previous) return [previous];
      const entry = send(fields, fields.message, 1_450);
      if (fields.localid) byLocalId.set(fields.localid, entry);
      return [entry];
    },
    'sms/status'(fields) {
      const status = deliveries.get(fields.messageid ?? '') ?? 100;
      return [{ messageid: statusAbout ?? Number(fields.messageid), status, statustext: String(status) }];
    },
    'account/info': () => [{ remaincredit: credit, expiredate: 1_893_456_000, type: 'master' }],
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const fields = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const [, apiKey = '', call = ''] = /^\/v1\/([^/]+)\/(\w+\/\w+)\.json$/.exec(req.url ?? '') ?? [];
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        call,
        apiKey: decodeURIComponent(apiKey),
        fields,
        headers: req.headers,
      });
      const scenario = queued.shift() ?? 'ok';
      if (scenario === 'hang') return;
      // The message is taken (and its localid remembered) but the answer never comes: a provider that sent
      // it while the caller timed out or died.
      if (scenario === 'accept-then-hang') return void calls[call]?.(fields);
      if (scenario === 'http-502') return reply(res, 502, '<html><body>502 Bad Gateway</body></html>');
      if (scenario === 'malformed') return reply(res, 200, '<html>Service Unavailable</html>');
      if (typeof scenario === 'object' && 'status' in scenario) return reply(res, scenario.status, scenario.body);
      if (typeof scenario === 'object') return refuse(res, scenario.code, scenario.style ?? 'http');
      const style = options.errorStyle ?? 'http';
      const handler = calls[call];
      if (!handler) return refuse(res, 404, style);
      if (req.method !== 'POST') return refuse(res, 405, style);
      if (decodeURIComponent(apiKey) !== options.apiKey) return refuse(res, 403, style);
      const answer = handler(fields);
      if (typeof answer === 'number') return refuse(res, answer, style);
      // account/info answers one object; the others answer arrays unless asked for the README's shape.
      const entries = call === 'account/info' || scenario === 'entries-object' ? answer[0] : answer;
      reply(res, 200, JSON.stringify({ return: { status: 200, message: MESSAGES[200] }, entries }));
    });
  });

  const { port, close } = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    issued,
    answerNext: (scenario) => void queued.push(scenario),
    setDelivery: (messageid, status) => void deliveries.set(messageid, status),
    answerStatusAbout: (messageid) => void (statusAbout = messageid),
    setCredit: (rials) => void (credit = rials),
    close,
  };
}

function refuse(res: ServerResponse, code: number, style: 'http' | 'body'): void {
  const body = JSON.stringify({ return: { status: code, message: MESSAGES[code] ?? 'خطا' }, entries: null });
  reply(res, style === 'http' ? code : 200, body);
}

function reply(res: ServerResponse, status: number, body: string): void {
  const type = body.startsWith('{') ? 'application/json; charset=utf-8' : 'text/html';
  res.writeHead(status, { 'content-type': type }).end(body);
}
