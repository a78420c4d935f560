import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { isDatabaseUnavailable, isUnstorableText } from '../../src/db/errors.ts';

describe('isDatabaseUnavailable', () => {
  it('counts a driver socket error, not a request body the client stopped sending', () => {
    const driver = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const clientAbort = Object.assign(new Error('aborted'), { code: 'ECONNRESET', statusCode: 400 });
    assert.equal(isDatabaseUnavailable(driver), true);
    assert.equal(isDatabaseUnavailable(clientAbort), false);
  });
});

describe('isUnstorableText', () => {
  const url = process.env.TEST_DATABASE_URL;
  it(
    "is PostgreSQL's refusal of a NUL in text, so that one a schema missed is the client's 400",
    {
      skip: url ? false : 'TEST_DATABASE_URL is not set',
    },
    async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const error = await client.query('SELECT $1::text AS value', ['a\u0000b']).then(
          () => assert.fail('PostgreSQL took a NUL'),
          (e: unknown) => e,
        );
        assert.equal(isUnstorableText(error), true, String(error));
        assert.equal(isUnstorableText(Object.assign(new Error('x'), { code: '23505' })), false);
      } finally {
        await client.end();
      }
    },
  );
});
