import { createServer, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './local-server.ts';

/**
 * How the hostile provider answers: always HTTP 200 `application/json`, as a real API server would, but
 * - `huge`: a JSON array of `hugeBytes` (50 MB unless told), its `content-length` announced;
 * - `huge-chunked`: the same array without a length, so only reading it tells how long it is;
 * - `endless`: a JSON array that never ends, streamed as fast as the reader takes it;
 * - `nested`: arrays nested `depth` deep (ten thousand unless told), a complete JSON text of a few KiB;
 * - `slow`: the start of a JSON object, then one space (JSON whitespace) every `slowIntervalMs`, forever.
 */
export type HostileMode = 'huge' | 'huge-chunked' | 'endless' | 'nested' | 'slow';

export interface HostileAnswer {
  readonly mode: HostileMode;
  /** Body bytes the fake handed to the socket before it closed or the body ended. */
  bytesWritten: number;
  /** True when the whole body went out; false when the reader closed the connection first. */
  completed: boolean;
  /** Resolves once the answer is over, by its end or by the connection closing. */
  readonly over: Promise<void>;
}

export interface FakeHostileProvider {
  /** Answers every path, so it serves as any provider's base URL or as the webhook URL. */
  readonly url: string;
  readonly answers: readonly HostileAnswer[];
  setMode(mode: HostileMode): void;
  close(): Promise<void>;
}

export interface HostileOptions {
  readonly mode: HostileMode;
  readonly hugeBytes?: number;
  readonly depth?: number;
  readonly slowIntervalMs?: number;
}

const CHUNK = Buffer.from('0,'.repeat(32 * 1024));

export async function startFakeHostileProvider(options: HostileOptions): Promise<FakeHostileProvider> {
  const answers: HostileAnswer[] = [];
  const hugeBytes = options.hugeBytes ?? 50 * 1024 * 1024;
  const depth = options.depth ?? 10_000;
  const slowIntervalMs = options.slowIntervalMs ?? 100;
  let mode = options.mode;

  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      let finish!: () => void;
      const answer: HostileAnswer = {
        mode,
        bytesWritten: 0,
        completed: false,
        over: new Promise<void>((resolve) => (finish = resolve)),
      };
      answers.push(answer);
      res.on('close', finish);
      void answerIn(mode, res, answer).then(() => {
        answer.completed = !res.destroyed || res.writableFinished;
      });
    });
  });

  async function answerIn(current: HostileMode, res: ServerResponse, answer: HostileAnswer): Promise<void> {
    const json = 'application/json; charset=utf-8';
    if (current === 'nested') {
      const body = '['.repeat(depth) + ']'.repeat(depth);
      answer.bytesWritten = body.length;
      res.writeHead(200, { 'content-type': json, 'content-length': String(body.length) }).end(body);
      return;
    }
    if (current === 'slow') {
      res.writeHead(200, { 'content-type': json });
      res.write('{"status":');
      while (!res.destroyed) {
        await new Promise((resolve) => setTimeout(resolve, slowIntervalMs));
        if (!res.destroyed) (res.write(' '), (answer.bytesWritten += 1));
      }
      return;
    }
    const endless = current === 'endless';
    // '[' + '0,' * n + '0]': exactly `length` bytes of valid JSON.
    const pairs = Math.floor((hugeBytes - 3) / 2);
    const length = 3 + 2 * pairs;
    res.writeHead(200, { 'content-type': json, ...(current === 'huge' ? { 'content-length': String(length) } : {}) });
    if (!(await write(res, Buffer.from('['), answer))) return;
    let left = endless ? Infinity : 2 * pairs;
    while (left > 0) {
      const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
      if (!(await write(res, chunk, answer))) return;
      left -= chunk.length;
    }
    res.end('0]');
  }

  const { port, close } = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    answers,
    setMode: (next) => void (mode = next),
    close,
  };
}

/** Writes `chunk` and waits while the socket is full; false once the reader has gone. */
async function write(res: ServerResponse, chunk: Buffer, answer: HostileAnswer): Promise<boolean> {
  if (res.destroyed) return false;
  answer.bytesWritten += chunk.length;
  if (res.write(chunk)) return true;
  await new Promise<void>((resolve) => {
    const done = () => (res.off('drain', done), res.off('close', done), resolve());
    res.on('drain', done).on('close', done);
  });
  return !res.destroyed;
}
