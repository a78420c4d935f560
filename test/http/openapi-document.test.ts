import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildOpenApiDocument } from '../../src/http/openapi-document.ts';
import { forEachDatabase, startTestApp } from '../helpers/app.ts';
import { runCli } from '../helpers/infra-cli.ts';

forEachDatabase('the OpenAPI document built without a service', (backend) => {
  it('is the one a running service serves (the typed client is generated from it)', async () => {
    const t = await startTestApp(backend);
    try {
      const served = await t.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      assert.deepEqual(await buildOpenApiDocument(), served.json());
    } finally {
      await t.close();
    }
  });
});

it('otpgate openapi prints it, whatever the configuration says', async () => {
  // A setting that would stop `serve`: the document does not depend on the operator's configuration.
  const result = await runCli(['openapi'], { PORT: 'abc', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  assert.deepEqual(JSON.parse(result.stdout), await buildOpenApiDocument());
});

it('every route lists the codes any request can get before its handler: a bad path, a slow request, an Expect', async () => {
  const document = (await buildOpenApiDocument()) as {
    paths: Record<string, Record<string, { responses: Record<string, any> }>>;
  };
  // The envelope, or (at the OpenID Connect provider's endpoints) either the envelope or OAuth's own error.
  const codesOf = (response: any): string[] => {
    const schema = response?.content?.['application/json']?.schema;
    const options: any[] = schema?.anyOf ?? [schema];
    return options.flatMap((option) => option?.properties?.code?.enum ?? []);
  };
  let routes = 0;
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      routes += 1;
      const where = `${method.toUpperCase()} ${path}`;
      assert.ok(codesOf(operation.responses['400']).includes('VALIDATION_ERROR'), `${where}: 400 VALIDATION_ERROR`);
      assert.ok(codesOf(operation.responses['408']).includes('REQUEST_TIMEOUT'), `${where}: 408 REQUEST_TIMEOUT`);
      assert.ok(codesOf(operation.responses['417']).includes('EXPECTATION_FAILED'), `${where}: 417`);
    }
  }
  assert.ok(routes > 30, `${routes} routes`);
});
