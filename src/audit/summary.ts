/** A summary is what changed, not a copy of it: long strings are cut, and so is the whole. */
const MAX_STRING = 200;
const MAX_LIST = 20;
const MAX_JSON = 4000;

export type SummaryValue = string | number | boolean | null | readonly SummaryValue[] | { [key: string]: SummaryValue };

/**
 * The JSON stored in `admin_audit.summary`: strings over 200 characters are cut (marked with `…` and their
 * length), lists keep their first 20 items, and the whole stays under 4000 characters, so one audit row
 * never costs more than a few kilobytes whatever the change was.
 */
export function boundedSummary(summary: Record<string, SummaryValue>): string {
  const json = JSON.stringify(bound(summary));
  if (json.length <= MAX_JSON) return json;
  return JSON.stringify({ truncated: true, keys: Object.keys(summary).slice(0, MAX_LIST) });
}

function bound(value: SummaryValue): SummaryValue {
  if (typeof value === 'string') {
    return value.length <= MAX_STRING ? value : `${value.slice(0, MAX_STRING)}… (${value.length} characters)`;
  }
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_LIST).map(bound);
    return value.length > MAX_LIST ? [...kept, `… ${value.length - MAX_LIST} more`] : kept;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bound(v as SummaryValue)]));
  }
  return value;
}
