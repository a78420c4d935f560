import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { printable } from '../../src/cli/output.ts';
import { listenOnLoopback } from '../helpers/local-server.ts';
import { BIN, cleanEnv, runCli, tempDir } from '../helpers/infra-cli.ts';

/** Anything a terminal would act on rather than show. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** What a hostile server puts in its words: clear the screen, set the title, fake a line, reverse text. */
const HOSTILE = [
  '\x1b[2J\x1b[H', // clear the screen, cursor home
  '\x1b]0;pwned\x07', // window title
  '\x1b]52;c;ZWNobyBoaQ==\x1b\\', // clipboard (OSC 52)
  '\x9b31m', // C1 CSI
  '\r  PASS  everything: fine\n', // rewrite the line, add a fake one
  '\u202etxt.exe', // right-to-left override
  '\x07\x08\x7f',
].join('visible ');

describe('the command line prints what came from elsewhere as text only', () => {
  let close: () => Promise<void>;
  let base: string;
  before(async () => {
    const server = createServer((request, response) => {
      const body =
        request.url === '/api/v1/otp/health'
          ? {
              status: HOSTILE,
              database: { dialect: HOSTILE, status: HOSTILE },
              sms: { provider: HOSTILE, mode: HOSTILE },
            }
          : { success: false, code: HOSTILE, message: HOSTILE };
      response.writeHead(request.url === '/api/v1/otp/health' ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
    ({ close, url: base } = await startOn(server));
  });
  after(() => close?.());

  it('smoke against a server that answers with escape sequences prints none of them', async () => {
    const result = await runCli(['smoke', base, '--phone', '09123456789'], {});
    assert.equal(result.code, 1);
    assert.doesNotMatch(result.stdout, CONTROL, JSON.stringify(result.stdout));
    assert.doesNotMatch(result.stderr, CONTROL);
    assert.match(result.stdout, /visible/, 'the text itself is still shown');
    // One line per check: the server cannot add a line of its own.
    const passes = result.stdout.split('\n').filter((line) => /^ {2}PASS/.test(line));
    assert.deepEqual(passes, []);
  });

  it('printable keeps text, newlines and tabs, and drops every control', () => {
    assert.equal(printable('a\tb\nc'), 'a\tb\nc');
    assert.equal(printable('سلام 123 ok'), 'سلام 123 ok');
    assert.equal(printable(HOSTILE).includes('\x1b'), false);
    assert.doesNotMatch(printable(HOSTILE).replace(/[\n\t]/g, ''), CONTROL);
    assert.equal(printable('\x1b[31mred\x1b[0m \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\'), 'red link');
  });
});

describe('smoke reads a server as an outsider', () => {
  let close: () => Promise<void>;
  let base: string;
  let written = 0;
  let redirectedTo = 0;
  before(async () => {
    const elsewhere = createServer((_request, response) => {
      redirectedTo += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
    const other = await startOn(elsewhere);
    const server = createServer((request, response) => {
      if (request.url === '/api/v1/otp/health') {
        // An answer without end: 64 KiB chunks for as long as anyone reads.
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const pump = () => {
          while (!response.destroyed && response.write(chunk)) written += chunk.length;
          if (!response.destroyed) response.once('drain', pump);
        };
        response.write('{"status":"');
        pump();
        return;
      }
      response.writeHead(302, { location: `${other.url}${request.url}` }).end();
    });
    const started = await startOn(server);
    base = started.url;
    close = async () => {
      await started.close();
      await other.close();
    };
  });
  after(() => close?.());

  it('stops reading an answer that does not end, and follows no redirect to another host', async () => {
    const result = await runCli(['smoke', base], {});
    assert.equal(result.code, 1);
    assert.ok(written < 8 * 1024 * 1024, `the server wrote ${written} bytes before smoke stopped reading`);
    assert.match(result.stdout, /longer than 65536 bytes/);
    assert.equal(redirectedTo, 0, 'a redirect was followed');
    assert.match(result.stdout, /302/);
  });
});

describe('a closed pipe is not an error', () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = tempDir();
    env = { DATABASE_URL: `sqlite:${join(dir, 'otpgate.db')}` };
    assert.equal((await runCli(['migrate'], env)).code, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const keysNamed = async (name: string) =>
    (await runCli(['keys', 'list'], env)).stdout.split('\n').filter((line) => line.includes(` ${name} `));

  it('keys create whose reader has gone (stdout closed at once) exits 0, quietly, and the key exists', async () => {
    const child = spawn(process.execPath, [BIN, 'keys', 'create', '--name', 'closed-early', '--scopes', 'sms:send'], {
      cwd: dir,
      env: cleanEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before the first line is written
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Error|at /);
    assert.equal((await keysNamed('closed-early')).length, 1);
  });

  it('keys create | head -1 exits 0 and prints the first line', async () => {
    const script = `"$0" "$1" keys create --name piped --scopes sms:send | head -1; echo "exit $\{PIPESTATUS[0]}" >&2`;
    const child = spawn('bash', ['-c', script, process.execPath, BIN], { cwd: dir, env: cleanEnv(env), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    await new Promise((resolve) => child.on('close', resolve));
    assert.match(stdout, /^created API key "piped"/);
    assert.match(stderr, /exit 0\n$/);
    assert.doesNotMatch(stderr, /EPIPE|Error/);
    assert.equal((await keysNamed('piped')).length, 1);
  });
});

async function startOn(server: ReturnType<typeof createServer>): Promise<{ url: string; close: () => Promise<void> }> {
  const { port, close } = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}`, close };
}
