import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rawJsonMember } from '../../../src/telegram/verify/json-member.ts';

describe('the source text of a top-level JSON member', () => {
  it('is the digits as written, past nested objects, arrays and strings that look like members', () => {
    const json = '{"chat":{"id":5},"ids":[1,{"id":6}],"note":"\\"id\\":7,","id" : 9007199254740993 ,"x":1}';
    assert.equal(rawJsonMember(json, 'id'), '9007199254740993');
  });

  it('finds a name written with escapes, as JSON.parse would', () => {
    assert.equal(rawJsonMember('{"\\u0069d":42}', 'id'), '42');
  });

  it('is undefined when the member is absent, nested only, repeated, or the text is not an object', () => {
    for (const json of ['{}', '{"user":{"id":1}}', '{"id":1,"id":2}', '[{"id":1}]', '"id"']) {
      assert.equal(rawJsonMember(json, 'id'), undefined, json);
    }
  });
});
