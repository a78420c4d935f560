import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { smsParts } from '../../src/text/sms-parts.ts';

const count = (text: string) => {
  const { encoding, units, parts } = smsParts(text);
  return [encoding, units, parts];
};

describe('smsParts counts SMS as providers do', () => {
  it('GSM-7: 160 characters are one SMS, 161 are two, 306 two, 307 three (153 per part)', () => {
    assert.deepEqual(count('a'.repeat(160)), ['GSM-7', 160, 1]);
    assert.deepEqual(count('a'.repeat(161)), ['GSM-7', 161, 2]);
    assert.deepEqual(count('a'.repeat(306)), ['GSM-7', 306, 2]);
    assert.deepEqual(count('a'.repeat(307)), ['GSM-7', 307, 3]);
    assert.deepEqual(count('ï'), ['UCS-2', 1, 1], 'ï is not in the GSM alphabet');
    assert.deepEqual(count('Ç é ß Δ £ @ ¿ à\r\n'), ['GSM-7', 17, 1]);
    assert.deepEqual(count(''), ['GSM-7', 0, 0]);
  });

  it('GSM-7 extension characters take two septets, and an escape pair is never split between parts', () => {
    assert.deepEqual(count('€'.repeat(80)), ['GSM-7', 160, 1]);
    assert.deepEqual(count(`${'a'.repeat(159)}€`), ['GSM-7', 161, 2]);
    assert.deepEqual(count('{}[]~^|\\\f'), ['GSM-7', 18, 1]);
    // 152 septets, then a 2-septet character: 154 would not fit in the first part, so it opens the second.
    assert.deepEqual(count(`${'a'.repeat(152)}€${'a'.repeat(152)}`), ['GSM-7', 306, 3]);
    assert.deepEqual(count(`${'a'.repeat(151)}€${'a'.repeat(153)}`), ['GSM-7', 306, 2]);
  });

  it('UCS-2 (Persian): 70 characters are one SMS, 71 two, 134 two, 135 three (67 per part)', () => {
    const fa = (n: number) => 'س'.repeat(n);
    assert.deepEqual(count(fa(70)), ['UCS-2', 70, 1]);
    assert.deepEqual(count(fa(71)), ['UCS-2', 71, 2]);
    assert.deepEqual(count(fa(134)), ['UCS-2', 134, 2]);
    assert.deepEqual(count(fa(135)), ['UCS-2', 135, 3]);
    // One Persian character makes the whole text UCS-2, Latin letters included.
    assert.deepEqual(count(`${'a'.repeat(69)}س`), ['UCS-2', 70, 1]);
    assert.deepEqual(count(`${'a'.repeat(70)}س`), ['UCS-2', 71, 2]);
    // ZWNJ is not GSM-7 either.
    assert.deepEqual(count('می\u200cخواهم'), ['UCS-2', 8, 1]);
  });

  it('an emoji is two UTF-16 units and is not split between parts', () => {
    assert.deepEqual(count('😀'.repeat(35)), ['UCS-2', 70, 1]);
    assert.deepEqual(count(`${'س'.repeat(66)}😀${'س'.repeat(66)}`), ['UCS-2', 134, 3]);
    assert.deepEqual(count(`${'س'.repeat(65)}😀${'س'.repeat(67)}`), ['UCS-2', 134, 2]);
  });
});
