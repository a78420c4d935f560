import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/index.ts';

const PRODUCTION = { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-40-characters-xyz' };
const TOKEN = 'a-metrics-token-of-some-length';

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  assert.fail(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('what production refuses to expose', () => {
  it('TRUST_PROXY=true stops the start in one line that says to give a hop count or the proxies', () => {
    for (const value of ['true', 'TRUE']) {
      const { message } = refusal({ ...PRODUCTION, TRUST_PROXY: value });
      assert.doesNotMatch(message, /[\r\n]/);
      assert.match(message, /^Invalid configuration: TRUST_PROXY: /);
      assert.match(message, /hop/);
      assert.match(message, /CIDR/);
    }
    assert.equal(loadConfig({ ...PRODUCTION, TRUST_PROXY: '1' }).http.trustProxy, 1);
    assert.deepEqual(loadConfig({ ...PRODUCTION, TRUST_PROXY: '10.0.0.0/8' }).http.trustProxy, ['10.0.0.0/8']);
    // Outside production a local setup may still trust every hop.
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy, true);
  });

  it('/metrics is off in production unless METRICS_TOKEN or METRICS_PORT protects it', () => {
    assert.deepEqual(loadConfig(PRODUCTION).metrics, {
      enabled: false,
      token: undefined,
      port: undefined,
      withheld: true,
    });
    assert.equal(loadConfig({ ...PRODUCTION, METRICS_TOKEN: TOKEN }).metrics.enabled, true);
    assert.deepEqual(loadConfig({ ...PRODUCTION, METRICS_PORT: '9464' }).metrics, {
      enabled: true,
      token: undefined,
      port: 9464,
      withheld: false,
    });
    assert.equal(loadConfig({ ...PRODUCTION, METRICS_ENABLED: 'false' }).metrics.withheld, false);
    // Outside production nothing changes: metrics are on, open, on the main port.
    assert.deepEqual(loadConfig({}).metrics, { enabled: true, token: undefined, port: undefined, withheld: false });
  });

  it('METRICS_ENABLED=true in production with neither a token nor a port stops the start', () => {
    const { message } = refusal({ ...PRODUCTION, METRICS_ENABLED: 'true' });
    assert.doesNotMatch(message, /[\r\n]/);
    assert.match(message, /^Invalid configuration: METRICS_ENABLED: .*METRICS_TOKEN.*METRICS_PORT/);
  });
});
