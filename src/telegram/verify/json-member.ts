/**
 * The source text of the value of `name` in the JSON object `json` (top level only), or undefined when the
 * member is absent or appears more than once. Text that is not an object has no member at depth 1.
 *
 * This exists for `user.id` of Mini App data: JSON.parse reads numbers as doubles, and an id is kept as the
 * exact digits Telegram signed. Node 20 has no source access in JSON.parse's reviver, so this walks the text
 * itself. It expects text that JSON.parse has already accepted.
 */
export function rawJsonMember(json: string, name: string): string | undefined {
  let depth = 0;
  let found: string | undefined;
  let count = 0;
  for (let i = 0; i < json.length; i++) {
    const char = json[i];
    if (char === '"') {
      const end = stringEnd(json, i);
      const after = skipSpace(json, end);
      if (depth === 1 && json[after] === ':' && JSON.parse(json.slice(i, end)) === name) {
        const start = skipSpace(json, after + 1);
        found = json.slice(start, valueEnd(json, start)).trimEnd();
        count++;
      }
      i = end - 1;
    } else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return count === 1 ? found : undefined;
}

/** The index just past the closing quote of the string that opens at `start`. */
function stringEnd(json: string, start: number): number {
  let i = start + 1;
  while (i < json.length && json[i] !== '"') i += json[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipSpace(json: string, from: number): number {
  let i = from;
  while (i < json.length && /\s/.test(json[i]!)) i++;
  return i;
}

/** The end of a member value that starts at `start`: the next `,` or `}` at the same depth. */
function valueEnd(json: string, start: number): number {
  let depth = 0;
  for (let i = start; i < json.length; i++) {
    const char = json[i];
    if (char === '"') i = stringEnd(json, i) - 1;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      if (depth === 0) return i;
      depth--;
    } else if (char === ',' && depth === 0) return i;
  }
  return json.length;
}
