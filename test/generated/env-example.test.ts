import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseEnv } from 'node:util';
import { isSecretVariable } from '../../src/config/explain.ts';
import { loadConfig } from '../../src/config/index.ts';
import { ENV_GROUPS, EnvSchema } from '../../src/config/schema.ts';
import { renderEnvExample } from '../../scripts/generate/env-example.ts';

const EXAMPLE = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
const SCHEMA = EnvSchema.properties as Record<string, { description?: string; makeWith?: string }>;

/** The variables the file sets, in its order, as written (a name set twice appears twice). */
const assigned = () => [...EXAMPLE.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!);

/** The comment lines just above `name=`. */
function commentOf(name: string): string {
  const lines = EXAMPLE.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${name}=`));
  const above: string[] = [];
  for (let i = at - 1; i >= 0 && lines[i]!.startsWith('#'); i--) above.unshift(lines[i]!);
  return above.join('\n');
}

describe('.env.example', () => {
  it('sets every variable the configuration reads, each once, and nothing else', () => {
    const names = assigned();
    assert.deepEqual([...names].sort(), Object.keys(SCHEMA).sort());
    assert.equal(new Set(names).size, names.length, 'a variable is set twice');
  });

  it('copied as it is to .env, gives the configuration of an empty environment: every value is the default', () => {
    assert.deepEqual(loadConfig(parseEnv(EXAMPLE)), loadConfig({}));
  });

  it('says above each variable what it means, in the words of the schema', () => {
    for (const name of Object.keys(SCHEMA)) {
      assert.ok(commentOf(name).startsWith(`# ${SCHEMA[name]!.description}`), `${name}: ${commentOf(name)}`);
    }
  });

  it('leaves every secret empty, and says how to make the ones the operator makes up', () => {
    const values = parseEnv(EXAMPLE);
    const secrets = Object.keys(SCHEMA).filter(isSecretVariable);
    assert.ok(secrets.includes('AUTH_SECRET'));
    for (const name of secrets) assert.equal(values[name], '', `${name} has a value`);
    for (const name of secrets.filter((secret) => SCHEMA[secret]!.makeWith)) {
      assert.ok(commentOf(name).includes(`# Secret. Make one with: ${SCHEMA[name]!.makeWith}`), commentOf(name));
    }
    assert.match(commentOf('AUTH_SECRET'), /Make one with: openssl rand -base64 48/);
  });

  it('cannot be generated while a variable has no meaning or no section', () => {
    const { description: _left, ...withoutMeaning } = EnvSchema.properties.PORT;
    assert.throws(
      () => renderEnvExample({ ...EnvSchema.properties, PORT: withoutMeaning }),
      /PORT has no description in src\/config\/schema.ts/,
    );
    const withoutPort = ENV_GROUPS.map((group) => ({
      ...group,
      variables: group.variables.filter((v) => v !== 'PORT'),
    }));
    assert.throws(() => renderEnvExample(EnvSchema.properties, withoutPort), /PORT is in 0 sections of ENV_GROUPS/);
  });
});
