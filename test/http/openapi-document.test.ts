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
