import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/** A real answer as the client saw it: status, headers and the raw body. */
export interface RealAnswer {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly body: string;
}

interface Operation {
  responses: Record<string, { headers?: Record<string, Header>; content?: Record<string, { schema: object }> }>;
}
interface Header {
  required?: boolean;
  schema: { type?: string };
}

/**
 * Checks real answers against the OpenAPI document the app serves: the status must be documented for the
 * operation, the body must match that status's schema (the `code` enum included), and the response headers
 * the document names must be present where required, valid where sent, and sent only where declared.
 */
export class Contract {
  /** `get /api/v1/auth/me 401 UNAUTHORIZED`, for every answer checked. */
  readonly seen = new Set<string>();
  readonly #ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly #validators = new Map<string, ValidateFunction>();
  /** Every response header named anywhere in the document (lower case): sending one undeclared is a fault. */
  readonly #policedHeaders: Set<string>;

  constructor(readonly document: any) {
    addFormats.default(this.#ajv);
    this.#ajv.addSchema({ $id: 'openapi', components: document.components ?? {} });
    this.#policedHeaders = new Set(
      this.operations().flatMap(({ operation }) =>
        Object.values(operation.responses).flatMap((response) =>
          Object.keys(response.headers ?? {}).map((name) => name.toLowerCase()),
        ),
      ),
    );
  }

  static async of(app: FastifyInstance): Promise<Contract> {
    const answer = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    if (answer.statusCode !== 200) throw new Error(`the document answered ${answer.statusCode}`);
    return new Contract(answer.json());
  }

  /** Every documented operation as `get /path/{param}`. */
  operations(): Array<{ method: string; path: string; operation: Operation }> {
    return Object.entries(this.document.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, operations]) => Object.entries(operations).map(([method, operation]) => ({ method, path, operation })),
    );
  }

  /** The documented path a concrete URL is an instance of, static paths before those with parameters. */
  pathOf(url: string): string | undefined {
    const pathname = url.split('?')[0]!;
    const paths = Object.keys(this.document.paths).sort((a, b) => a.split('{').length - b.split('{').length);
    return paths.find((path) => new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`).test(pathname));
  }

  /** The ways `answer` to `method url` departs from the document; empty when it conforms. */
  check(method: string, url: string, answer: RealAnswer): string[] {
    const path = this.pathOf(url);
    const operation: Operation | undefined = path ? this.document.paths[path][method.toLowerCase()] : undefined;
    if (!path || !operation) return [`${method} ${url} is not in the document`];
    const key = String(answer.status);
    const response = operation.responses[key] ?? operation.responses[`${key[0]}XX`] ?? operation.responses.default;
    const where = `${method.toLowerCase()} ${path} ${answer.status}`;
    if (!response) return [`${where}: the status is not documented`];

    const problems: string[] = [];
    const mediaType = String(answer.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const media = response.content?.[mediaType];
    let body: unknown = answer.body;
    if (!media) {
      if (response.content) problems.push(`${where}: content type ${mediaType || '(none)'} is not documented`);
    } else {
      if (mediaType === 'application/json') body = JSON.parse(answer.body);
      const validate = this.#validator(`${where} ${mediaType}`, media.schema);
      if (!validate(body))
        problems.push(`${where}: body ${answer.body.slice(0, 300)}: ${this.#ajv.errorsText(validate.errors)}`);
    }
    problems.push(...this.#checkHeaders(where, response.headers ?? {}, answer.headers));
    const code = (body as { code?: unknown } | null)?.code;
    this.seen.add(typeof code === 'string' && answer.status >= 400 ? `${where} ${code}` : where);
    return problems;
  }

  #checkHeaders(where: string, declared: Record<string, Header>, sent: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const names = new Map(Object.entries(declared).map(([name, header]) => [name.toLowerCase(), header]));
    for (const [name, header] of names) {
      const value = sent[name];
      if (value === undefined) {
        if (header.required) problems.push(`${where}: the required header ${name} was not sent`);
        continue;
      }
      const numeric = header.schema.type === 'integer' || header.schema.type === 'number';
      const validate = this.#validator(`${where} header ${name}`, header.schema);
      // Set-Cookie comes once per cookie (Node gives the lines as a list): the schema describes each line.
      for (const line of name === 'set-cookie' ? [value].flat() : [value]) {
        const typed = numeric && /^-?\d+(\.\d+)?$/.test(String(line)) ? Number(line) : line;
        if (!validate(typed))
          problems.push(`${where}: header ${name}: ${String(line)}: ${this.#ajv.errorsText(validate.errors)}`);
      }
    }
    for (const name of this.#policedHeaders) {
      if (!names.has(name) && sent[name] !== undefined)
        problems.push(`${where}: sent ${name}, which it does not declare`);
    }
    return problems;
  }

  #validator(key: string, schema: object): ValidateFunction {
    let validate = this.#validators.get(key);
    if (!validate) {
      // `#/components/...` references are resolved against the document's components.
      const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
      validate = this.#ajv.compile(rewritten);
      this.#validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * Checks every answer `app` sends to a documented route against the document it serves, and collects the
 * departures in the returned list. Call before `app.ready()`.
 */
export function checkEveryAnswer(app: FastifyInstance): string[] {
  const departures: string[] = [];
  let contract: Contract | undefined;
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    // Unknown routes (the not-found handler), the /docs page and its assets, CORS preflights (answered by
    // @fastify/cors, not part of the API the document describes), and streamed bodies.
    if (
      !route ||
      request.method === 'OPTIONS' ||
      route.startsWith('/docs') ||
      request.method === 'HEAD' ||
      (typeof payload !== 'string' && !Buffer.isBuffer(payload))
    )
      return;
    contract ??= new Contract(app.swagger());
    const answer = { status: reply.statusCode, headers: reply.getHeaders(), body: String(payload) };
    departures.push(...contract.check(request.method, request.url, answer));
  });
  return departures;
}

/**
 * The routes Fastify serves, as `get /path/{param}` (HEAD, which mirrors GET, left out), read from its route
 * table so that a route added without a schema shows up too. The table is a tree: a route whose path extends
 * another's (`/keys/whoami` under `/keys`) is a child line, one level deeper.
 */
export function servedRoutes(app: FastifyInstance): string[] {
  const served: string[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (parents[depth - 1] ?? '') + match[2];
    parents.length = depth;
    parents.push(path);
    if (!match[3]) continue;
    for (const method of match[3].split(', ').filter((m) => m !== 'HEAD')) {
      // Fastify writes a parameter `:id`, OpenAPI `{id}`.
      served.push(`${method.toLowerCase()} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return served.sort();
}
