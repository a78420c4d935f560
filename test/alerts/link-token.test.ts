import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { alertLinks, linkToken, newLinkKey, readLinkToken } from '../../src/alerts/link-token.ts';

describe('alert link tokens', () => {
  const secret = randomBytes(32);

  it('read back the key they were made from, 20 URL-safe characters', () => {
    const key = newLinkKey();
    assert.match(key, /^[A-Za-z0-9_-]{12}$/);
    const token = linkToken(secret, 'stop', key);
    assert.match(token, /^[A-Za-z0-9_-]{20}$/);
    assert.equal(readLinkToken(secret, 'stop', token), key);
  });

  it('refuse a token for the other purpose, under another secret, altered, or of another shape', () => {
    const key = newLinkKey();
    const stop = linkToken(secret, 'stop', key);
    assert.equal(readLinkToken(secret, 'click', stop), null, 'a cancel token does not open the click link');
    assert.equal(readLinkToken(randomBytes(32), 'stop', stop), null);
    const flipped = stop.slice(0, 19) + (stop[19] === 'A' ? 'B' : 'A');
    assert.equal(readLinkToken(secret, 'stop', flipped), null);
    const otherKey = (key[0] === 'A' ? 'B' : 'A') + stop.slice(1);
    assert.equal(readLinkToken(secret, 'stop', otherKey), null, 'the MAC covers the key');
    assert.equal(readLinkToken(secret, 'stop', stop + 'x'), null);
    assert.equal(readLinkToken(secret, 'stop', stop.slice(0, 19)), null);
    assert.equal(readLinkToken(secret, 'stop', `${stop.slice(0, 19)}=`), null);
  });

  it('make the two links under the public URL', () => {
    const key = newLinkKey();
    const links = alertLinks('https://shop.example', secret, key);
    assert.equal(links.stop, `https://shop.example/s/${linkToken(secret, 'stop', key)}`);
    assert.equal(links.click, `https://shop.example/c/${linkToken(secret, 'click', key)}`);
  });
});
