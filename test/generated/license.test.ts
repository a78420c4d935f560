import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** Words only each licence's own text holds, by its SPDX id as package.json names it. */
const LICENCE_TEXT: Record<string, readonly RegExp[]> = {
  MIT: [
    /^MIT License\n/,
    /Permission is hereby granted, free of charge, to any person obtaining a copy/,
    /The above copyright notice and this permission notice shall be included in all/,
    /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/,
  ],
};

it("the LICENSE file is the licence package.json names, with the project's copyright line", () => {
  const { license } = JSON.parse(read('package.json')) as { license: string };
  const text = read('LICENSE');
  const marks = LICENCE_TEXT[license];
  assert.ok(marks, `package.json names ${license}, a licence this test does not know`);
  for (const mark of marks) assert.match(text, mark);
  assert.match(text, /^Copyright \(c\) 2026 The otpgate authors$/m);
});
