import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addressLimitKey, INVALID_ADDRESS_KEY } from '../../src/rate-limit/address-key.ts';

it('an IPv4 client is itself, in either notation', () => {
  for (const address of ['198.51.100.7', '::ffff:198.51.100.7', '::FFFF:c633:6407', '0:0:0:0:0:ffff:198.51.100.7']) {
    assert.equal(addressLimitKey(address, 64), '198.51.100.7', address);
  }
});

it('an IPv6 client is its network of the configured prefix, however the address is written', () => {
  const key = addressLimitKey('2001:db8:1:2::1', 64);
  for (const address of [
    '2001:db8:1:2:ffff:ffff:ffff:ffff',
    '2001:0DB8:0001:0002:0:0:0:9',
    'fe80::1%eth0'.replace('fe80', '2001:db8:1:2'),
  ]) {
    assert.equal(addressLimitKey(address, 64), key, address);
  }
  assert.notEqual(addressLimitKey('2001:db8:1:3::1', 64), key);
  assert.equal(addressLimitKey('2001:db8:1:3::1', 56), addressLimitKey('2001:db8:1:2::1', 56));
  assert.notEqual(addressLimitKey('2001:db8:1:2::1', 128), addressLimitKey('2001:db8:1:2::2', 128));
  // A prefix that ends inside a group keeps only that group's leading bits.
  assert.equal(addressLimitKey('2001:db8:ffff::', 33), addressLimitKey('2001:db8:8000::', 33));
  assert.notEqual(addressLimitKey('2001:db8:ffff::', 33), addressLimitKey('2001:db8:7fff::', 33));
});

it('a port a proxy appended, or brackets around an IPv6 address, are not part of the client', () => {
  for (const address of ['10.203.0.1:40001', '10.203.0.1:1', ' 10.203.0.1 ', '[::ffff:10.203.0.1]:443']) {
    assert.equal(addressLimitKey(address, 64), '10.203.0.1', address);
  }
  const key = addressLimitKey('2001:db8:77::5', 64);
  for (const address of ['[2001:db8:77::5]', '[2001:db8:77::5]:443', '[2001:db8:77::9]:40001']) {
    assert.equal(addressLimitKey(address, 64), key, address);
  }
  assert.notEqual(addressLimitKey('10.203.0.2:40001', 64), '10.203.0.1');
});

it('whatever is still not an address counts under one shared key, never one of its own', () => {
  const keys = new Set(
    [
      '010.202.0.1',
      '0x0aca0001',
      '10.202.0.1:port',
      '10.202.0.1:123456',
      '[10.202.0.1]:80',
      '[2001:db8::1',
      '2001:db8::1]:80',
      'unknown',
      '',
    ].map((address) => addressLimitKey(address, 64)),
  );
  assert.deepEqual([...keys], [INVALID_ADDRESS_KEY]);
  // No real address can be confused with it.
  assert.notEqual(addressLimitKey('10.202.0.1', 64), INVALID_ADDRESS_KEY);
});
