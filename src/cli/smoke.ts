import { parseCommand, usageError } from './args.ts';
import { printable } from './output.ts';
import { request } from 'undici';
import { ANSWER_CAP_BYTES, readCapped } from '../sms/answer-body.ts';

export const SMOKE_USAGE = `usage: otpgate smoke <base-url> [--phone NUMBER]

  Checks a running deployment from the outside: health, the SMS setup it reports, the error envelope and
  number validation; with --phone, also requests a real code for NUMBER. Reads no configuration.
`;

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> | null;
}

interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const TIMEOUT_MS = 10_000;

/**
 * Checks a running deployment from the outside: health, the SMS setup it reports, the error envelope, and
 * with --phone a real code request. Prints one line per check and returns 1 if any failed.
 */
export async function runSmoke(argv: readonly string[]): Promise<number> {
  const line = parseCommand('smoke', argv, { phone: { type: 'string' } }, SMOKE_USAGE);
  if (typeof line === 'number') return line;
  const [url, extra] = line.positionals;
  const base = url?.replace(/\/+$/, '');
  if (!base || !/^https?:\/\//.test(base))
    return usageError('smoke', 'a base URL (http:// or https://) is needed', SMOKE_USAGE);
  if (extra !== undefined) return usageError('smoke', `unexpected argument "${extra}"`, SMOKE_USAGE);
  const checks = await smokeChecks(base, line.values.phone as string | undefined);
  // Every detail is the server's text: a hostile one must not get to rewrite the operator's terminal.
  const out = (line: string) => process.stdout.write(`${printable(line).replace(/\n/g, ' ')}\n`);
  out(`otpgate smoke test of ${base}`);
  for (const check of checks) out(`  ${check.ok ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
  const failed = checks.filter((c) => !c.ok).length;
  out(failed ? `${failed} of ${checks.length} checks failed` : `all ${checks.length} checks passed`);
  return failed ? 1 : 0;
}

export async function smokeChecks(base: string, phone: string | undefined): Promise<Check[]> {
  const checks: Check[] = [];
  const health = await call(base, 'GET', '/api/v1/otp/health');
  const h = health.body as {
    status?: string;
    version?: string;
    database?: Record<string, unknown>;
    sms?: Record<string, unknown>;
    rate_limit?: { store?: string; status?: string };
  } | null;
  checks.push({
    name: 'health',
    ok: health.status === 200 && h?.status === 'ok',
    detail: h?.database
      ? // The version and the provider are shown only to the operator's credentials (see health/detail-access.ts).
        `HTTP ${health.status}, ${h.status}${h.version ? `, version ${h.version}` : ''}, database ${h.database.dialect} ${h.database.status} (schema ${h.database.schema_version}/${h.database.latest_schema_version})`
      : describe(health),
  });
  // A degraded store still enforces every limit, but Redis is configured and does not answer: the deployment
  // is not as configured, so the run fails (a warning is easy to miss where only the exit code is read).
  if (h?.rate_limit?.status === 'degraded') {
    checks.push({
      name: 'rate limits',
      ok: false,
      detail: `counted in the ${h.rate_limit.store} because Redis is configured but unreachable`,
    });
  }
  if (h?.sms) {
    const { provider, mode, configured, available } = h.sms;
    checks.push({
      name: 'sms',
      ok: available === true,
      detail: `${provider ? `provider ${provider}, ` : ''}mode ${mode}, configured ${configured}${available ? '' : ': code requests will be refused'}`,
    });
  }

  const missing = await call(base, 'GET', '/api/v1/otp/no-such-route');
  checks.push({ name: 'error envelope', ok: isEnvelope(missing, 404, 'NOT_FOUND'), detail: describe(missing) });

  const invalid = await call(base, 'POST', '/api/v1/otp/phone/login/request', { phone_number: '123' });
  checks.push({ name: 'number validation', ok: isEnvelope(invalid, 400, 'INVALID_PHONE'), detail: describe(invalid) });

  if (phone) {
    const sent = await call(base, 'POST', '/api/v1/otp/phone/login/request', { phone_number: phone });
    const clear =
      sent.status === 200 ||
      (sent.body?.success === false && typeof sent.body.code === 'string' && sent.status !== 500);
    // A refusal with a clear code (RATE_LIMITED, SMS_FAILED) is reported, but only a 200 means SMS works.
    checks.push({ name: 'code request', ok: clear && sent.status === 200, detail: describe(sent) });
  }
  return checks;
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<Answer> {
  try {
    // undici's request follows no redirect (a deployment that answers one is reported as it is, never
    // followed to another host), and the answer is read up to a cap: a hostile server cannot fill memory.
    const response = await request(`${base}${path}`, {
      method: method as 'GET' | 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const length = response.headers['content-length'];
    const text = await readCapped(response.body, ANSWER_CAP_BYTES, typeof length === 'string' ? length : undefined);
    if (text === null) return { status: 0, body: { error: `the answer was longer than ${ANSWER_CAP_BYTES} bytes` } };
    let parsed: Record<string, unknown> | null = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: response.statusCode, body: parsed };
  } catch (error) {
    return { status: 0, body: { error: (error as Error).message } };
  }
}

function isEnvelope(answer: Answer, status: number, code: string): boolean {
  return (
    answer.status === status &&
    answer.body?.success === false &&
    answer.body.code === code &&
    typeof answer.body.message === 'string'
  );
}

function describe(answer: Answer): string {
  if (answer.status === 0) return `no answer (${String(answer.body?.error)})`;
  if (!answer.body) return `HTTP ${answer.status} with a body that is not JSON`;
  const { code, message } = answer.body;
  return code ? `HTTP ${answer.status} ${String(code)}: ${String(message)}` : `HTTP ${answer.status}`;
}
