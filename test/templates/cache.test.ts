import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTemplateCache } from '../../src/templates/cache.ts';
import type { TemplateRecord } from '../../src/templates/record.ts';

const record = (body: string): TemplateRecord => ({
  key: 'otp_login',
  locale: 'fa',
  body,
  placeholders: [],
  approved: {},
  createdAt: 0,
  updatedAt: 0,
});

/** A table whose reads the test answers by hand, in the order it chooses. */
function table() {
  const reads: Array<(rows: TemplateRecord[]) => void> = [];
  return {
    reads,
    load: () => new Promise<readonly TemplateRecord[]>((resolve) => reads.push(resolve)),
  };
}

const bodyOf = async (cache: ReturnType<typeof createTemplateCache>) =>
  (await cache.index()).get('otp_login')?.get('fa')?.body;

describe('the template cache', () => {
  it('serves concurrent callers from one read, and reads again only after the TTL', async () => {
    let now = 0;
    const { reads, load } = table();
    const cache = createTemplateCache({ load, now: () => now, ttlMs: 1000 });
    const first = Promise.all([bodyOf(cache), bodyOf(cache), bodyOf(cache)]);
    assert.equal(reads.length, 1);
    reads[0]!([record('one')]);
    assert.deepEqual(await first, ['one', 'one', 'one']);
    now = 999;
    assert.equal(await bodyOf(cache), 'one');
    assert.equal(reads.length, 1);
    now = 1000;
    const second = bodyOf(cache);
    reads[1]!([record('two')]);
    assert.equal(await second, 'two');
  });

  it('does not keep a read that was under way when this instance wrote', async () => {
    const { reads, load } = table();
    const cache = createTemplateCache({ load, now: () => 0 });
    const early = bodyOf(cache);
    cache.invalidate();
    const late = bodyOf(cache);
    assert.equal(reads.length, 2, 'the read after the write does not wait for the one before it');
    reads[1]!([record('after the write')]);
    reads[0]!([record('before the write')]);
    assert.equal(await late, 'after the write');
    await early;
    assert.equal(await bodyOf(cache), 'after the write');
    assert.equal(reads.length, 2);
  });
});
