import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDatabaseUnavailable } from '../../src/db/errors.ts';

describe('isDatabaseUnavailable', () => {
  it('counts a driver socket error, not a request body the client stopped sending', () => {
    const driver = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const clientAbort = Object.assign(new Error('aborted'), { code: 'ECONNRESET', statusCode: 400 });
    assert.equal(isDatabaseUnavailable(driver), true);
    assert.equal(isDatabaseUnavailable(clientAbort), false);
  });
});
