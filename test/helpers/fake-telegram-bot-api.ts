import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './local-server.ts';

/**
 * A local Telegram Bot API (`<apiRoot>/bot<token>/METHOD`), answering as the Bot API documents: the
 * `{ok:true, result}` / `{ok:false, error_code, description, parameters?}` envelope, method names in any case,
 * parameters from JSON, a form or the query string.
 *
 * Methods: getMe, setWebhook, deleteWebhook, getWebhookInfo, getUpdates (offsets confirm, `timeout` holds a
 * long poll until an update arrives), sendMessage, editMessageText, editMessageReplyMarkup,
 * answerCallbackQuery, setMyCommands, getMyCommands. A chat the user blocked answers 403 "Forbidden: bot was
 * blocked by the user" on every send. `failNext` makes the next call of a method answer 429 with
 * `parameters.retry_after`, a 5xx, a 400, or hang (never answer until the fake closes).
 */
export interface FakeBotApi {
  /** What to give grammY as `client.apiRoot` (no trailing slash). */
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: BotUser;
  /** Every call received, in order, with its parameters. */
  readonly calls: readonly BotApiCall[];
  /** Messages the bot sent (sendMessage) or edited (editMessageText), in order. */
  readonly sent: readonly SentMessage[];
  /** Queues an update for getUpdates (or delivers it to the webhook, see `deliver`); returns its update_id. */
  push(update: UpdateBody): number;
  /**
   * POSTs an update to the registered webhook with the registered secret (as Telegram does), and answers the
   * HTTP status our service gave. `secret` overrides the header (`null` leaves it out).
   */
  deliver(update: UpdateBody, options?: { secret?: string | null; updateId?: number }): Promise<number>;
  /** The user blocked the bot in this chat: sends to it answer 403 until `unblock`. */
  block(chatId: number | string): void;
  unblock(chatId: number | string): void;
  failNext(method: string, failure: BotApiFailure): void;
  /** Resolves with the first call of `method` (from now on, or already made if `past`) that `match` accepts. */
  waitFor(method: string, match?: (call: BotApiCall) => boolean, timeoutMs?: number): Promise<BotApiCall>;
  /** The webhook as set; a test may set `lastError` as Telegram records a failed delivery. */
  readonly webhook: {
    url: string;
    secret: string | null;
    allowedUpdates?: string[];
    lastError?: { date: number; message: string };
  };
  close(): Promise<void>;
}

export interface BotUser {
  readonly id: number;
  readonly is_bot: boolean;
  readonly first_name: string;
  readonly username?: string;
  readonly last_name?: string;
  readonly language_code?: string;
}

export type BotApiFailure =
  | { readonly kind: 'rate'; readonly retryAfter: number }
  | { readonly kind: 'server'; readonly status?: number }
  | { readonly kind: 'bad-request'; readonly description: string }
  | { readonly kind: 'hang' };

export interface BotApiCall {
  readonly method: string;
  readonly params: Record<string, any>;
  readonly at: number;
}

export interface SentMessage {
  readonly chatId: string;
  readonly messageId: number;
  readonly text: string;
  readonly replyMarkup?: any;
  readonly edited: boolean;
}

/** An Update without its update_id (the fake numbers them one by one, as Telegram does). */
export type UpdateBody = Record<string, any> & { update_id?: never };

export async function startFakeBotApi(
  options: { token?: string; botInfo?: Partial<BotUser>; firstUpdateId?: number } = {},
): Promise<FakeBotApi> {
  const token = options.token ?? '123456:TEST-bot-token_for-the-fake';
  const botInfo: BotUser = {
    id: Number(token.split(':')[0]),
    is_bot: true,
    first_name: 'Shop bot',
    username: 'shop_test_bot',
    ...options.botInfo,
  };
  const calls: BotApiCall[] = [];
  const sent: SentMessage[] = [];
  const pending: Array<Record<string, any>> = [];
  const blocked = new Set<string>();
  const failures = new Map<string, BotApiFailure[]>();
  const pollers = new Set<() => void>();
  const watchers = new Set<(call: BotApiCall) => void>();
  const webhook: FakeBotApi['webhook'] = { url: '', secret: null };
  let nextUpdateId = options.firstUpdateId ?? 100_000;
  let nextMessageId = 1;
  let commands: unknown[] = [];

  const wake = () => {
    for (const poller of [...pollers]) poller();
  };

  function push(update: UpdateBody): number {
    const id = nextUpdateId++;
    pending.push({ update_id: id, ...update });
    wake();
    return id;
  }

  async function call(method: string, params: Record<string, any>): Promise<[number, object] | 'hang'> {
    const failure = failures.get(method)?.shift();
    if (failure?.kind === 'hang') return 'hang';
    if (failure?.kind === 'rate')
      return [
        429,
        refusal(429, `Too Many Requests: retry after ${failure.retryAfter}`, { retry_after: failure.retryAfter }),
      ];
    if (failure?.kind === 'server') return [failure.status ?? 502, refusal(failure.status ?? 502, 'Bad Gateway')];
    if (failure?.kind === 'bad-request') return [400, refusal(400, `Bad Request: ${failure.description}`)];

    switch (method) {
      case 'getme':
        return ok(botInfo);
      case 'setwebhook':
        if (typeof params.url !== 'string') return [400, refusal(400, 'Bad Request: bad webhook: url is empty')];
        if (params.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(params.secret_token)))
          return [400, refusal(400, 'Bad Request: secret token contains unallowed characters')];
        webhook.url = params.url;
        webhook.secret = params.secret_token ?? null;
        webhook.allowedUpdates = parseMaybe(params.allowed_updates);
        if (params.drop_pending_updates) pending.length = 0;
        return ok(true);
      case 'deletewebhook':
        webhook.url = '';
        webhook.secret = null;
        delete webhook.allowedUpdates;
        if (params.drop_pending_updates) pending.length = 0;
        return ok(true);
      case 'getwebhookinfo':
        return ok({
          url: webhook.url,
          has_custom_certificate: false,
          pending_update_count: pending.length,
          max_connections: 40,
          ...(webhook.allowedUpdates ? { allowed_updates: webhook.allowedUpdates } : {}),
          ...(webhook.lastError
            ? { last_error_date: webhook.lastError.date, last_error_message: webhook.lastError.message }
            : {}),
        });
      case 'getupdates':
        return getUpdates(params);
      case 'sendmessage':
      case 'editmessagetext':
      case 'editmessagereplymarkup': {
        const chatId = String(params.chat_id ?? '');
        if (chatId === '') return [400, refusal(400, 'Bad Request: chat not found')];
        if (blocked.has(chatId)) return [403, refusal(403, 'Forbidden: bot was blocked by the user')];
        const edited = method !== 'sendmessage';
        const text = String(params.text ?? '');
        if (method !== 'editmessagereplymarkup' && (text.length === 0 || text.length > 4096))
          return [400, refusal(400, 'Bad Request: message text is empty or too long')];
        const messageId = edited ? Number(params.message_id) : nextMessageId++;
        sent.push({ chatId, messageId, text, replyMarkup: parseMaybe(params.reply_markup), edited });
        return ok({
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(chatId), type: 'private' },
          from: botInfo,
          text,
        });
      }
      case 'answercallbackquery':
        if (typeof params.callback_query_id !== 'string' || params.callback_query_id === '')
          return [
            400,
            refusal(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid'),
          ];
        return ok(true);
      case 'setmycommands':
        commands = parseMaybe(params.commands) ?? [];
        return ok(true);
      case 'getmycommands':
        return ok(commands);
      default:
        return [404, refusal(404, 'Not Found: method not found')];
    }
  }

  async function getUpdates(params: Record<string, any>): Promise<[number, object]> {
    if (webhook.url !== '')
      return [
        409,
        refusal(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        ),
      ];
    const offset = Number(params.offset ?? 0);
    // An offset confirms every update below it: Telegram forgets them.
    if (offset > 0) while (pending.length > 0 && pending[0]!.update_id < offset) pending.shift();
    const limit = Math.min(Math.max(Number(params.limit ?? 100), 1), 100);
    const timeout = Number(params.timeout ?? 0);
    if (pending.length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeout * 1000);
        function done() {
          clearTimeout(timer);
          pollers.delete(done);
          resolve();
        }
        pollers.add(done);
      });
    }
    return ok(pending.slice(0, limit));
  }

  const server = createServer(async (req, res) => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match) return send(res, 404, refusal(404, 'Not Found'));
    const [, givenToken, method] = match as unknown as [string, string, string];
    if (givenToken !== token) return send(res, 401, refusal(401, 'Unauthorized'));
    const params = await readParams(req);
    const entry: BotApiCall = { method, params, at: Date.now() };
    calls.push(entry);
    for (const watcher of [...watchers]) watcher(entry);
    const answer = await call(method.toLowerCase(), params);
    if (answer === 'hang') return; // answers nothing; close() drops the connection
    send(res, answer[0], answer[1]);
  });
  const listening = await listenOnLoopback(server);

  return {
    apiRoot: `http://127.0.0.1:${listening.port}`,
    token,
    botInfo,
    calls,
    sent,
    push,
    async deliver(update, opts = {}) {
      if (webhook.url === '') throw new Error('no webhook is set');
      const id = opts.updateId ?? nextUpdateId++;
      const secret = opts.secret === undefined ? webhook.secret : opts.secret;
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }),
        },
        body: JSON.stringify({ update_id: id, ...update }),
      });
      await response.arrayBuffer();
      return response.status;
    },
    block: (chatId) => void blocked.add(String(chatId)),
    unblock: (chatId) => void blocked.delete(String(chatId)),
    failNext(method, failure) {
      const key = method.toLowerCase();
      failures.set(key, [...(failures.get(key) ?? []), failure]);
    },
    waitFor(method, matchCall = () => true, timeoutMs = 5000) {
      const wanted = (c: BotApiCall) => c.method.toLowerCase() === method.toLowerCase() && matchCall(c);
      const seen = calls.find(wanted);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          watchers.delete(watch);
          reject(new Error(`no ${method} call within ${timeoutMs} ms`));
        }, timeoutMs);
        function watch(c: BotApiCall) {
          if (!wanted(c)) return;
          clearTimeout(timer);
          watchers.delete(watch);
          resolve(c);
        }
        watchers.add(watch);
      });
    },
    webhook,
    async close() {
      wake();
      await listening.close();
    },
  };
}

/** Builders for the updates a person's actions produce, as Telegram sends them in a private chat. */
export const person = (id: number, extra: Partial<BotUser> = {}): BotUser => ({
  id,
  is_bot: false,
  first_name: `Person ${id}`,
  language_code: 'en',
  ...extra,
});

let messageIds = 1_000_000;

export function textUpdate(from: BotUser, text: string): UpdateBody {
  const entities = text.startsWith('/')
    ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
    : undefined;
  return {
    message: {
      message_id: messageIds++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from,
      text,
      ...(entities ? { entities } : {}),
    },
  };
}

export function contactUpdate(
  from: BotUser,
  contact: { phone_number: string; user_id?: number; first_name?: string },
  chatType = 'private',
): UpdateBody {
  return {
    message: {
      message_id: messageIds++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatType === 'private' ? from.id : -1_000_000 - from.id, type: chatType },
      from,
      contact: { first_name: contact.first_name ?? from.first_name, ...contact },
    },
  };
}

export function callbackUpdate(
  from: BotUser,
  data: string,
  message?: { message_id: number; text?: string },
): UpdateBody {
  return {
    callback_query: {
      id: String(messageIds++),
      from,
      chat_instance: String(from.id * 7),
      data,
      message: {
        message_id: message?.message_id ?? messageIds++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: from.id, type: 'private' },
        text: message?.text ?? '',
      },
    },
  };
}

/** What Telegram sends when the user blocks (`kicked`) or unblocks (`member`) the bot in a private chat. */
export function chatMemberUpdate(from: BotUser, status: 'kicked' | 'member', botInfo: BotUser): UpdateBody {
  const old = status === 'kicked' ? 'member' : 'kicked';
  return {
    my_chat_member: {
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from,
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { user: botInfo, status: old, ...(old === 'kicked' ? { until_date: 0 } : {}) },
      new_chat_member: { user: botInfo, status, ...(status === 'kicked' ? { until_date: 0 } : {}) },
    },
  };
}

const ok = (result: unknown): [number, object] => [200, { ok: true, result }];

function refusal(code: number, description: string, parameters?: object): object {
  return { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) };
}

function send(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function parseMaybe(value: unknown): any {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readParams(req: IncomingMessage): Promise<Record<string, any>> {
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw === '') return query;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return { ...query, ...JSON.parse(raw) };
  if (type.includes('application/x-www-form-urlencoded'))
    return { ...query, ...Object.fromEntries(new URLSearchParams(raw)) };
  return query;
}
