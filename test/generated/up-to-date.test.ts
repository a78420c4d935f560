import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { generatedFiles } from '../../scripts/generate/files.ts';

const committed = (path: string) => {
  try {
    return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
};

it('every generated file in the repository is what npm run generate writes from the code now', async () => {
  const files = await generatedFiles();
  assert.deepEqual(
    files.map((file) => file.path),
    ['.env.example', 'client/schema.d.ts'],
  );
  for (const file of files) {
    // Compared as booleans first: a 170 kB diff in the message would hide the advice.
    const same = committed(file.path) === file.content;
    assert.ok(same, `${file.path} is out of date with ${file.source}: run npm run generate and commit it`);
  }
});
