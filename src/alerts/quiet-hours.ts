/** Quiet hours as config.alerts has them: minutes after midnight; `start` after `end` spans midnight. */
export interface QuietHours {
  readonly start: number;
  readonly end: number;
}

const DAY_MINUTES = 24 * 60;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The hour and minute on the wall clock of `timeZone` at `atMs`. */
function wallMinutes(atMs: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(atMs)) {
    if (part.type === 'hour') hour = Number(part.value);
    if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

/**
 * When an SMS alert written at `nowMs` may go out: null when `nowMs` is outside the quiet hours (at once),
 * else the instant the quiet hours end on `timeZone`'s wall clock. `start` is inside, `end` is not. Time
 * zones are offset from UTC by whole minutes, so the seconds into the current minute are those of UTC. The
 * end is counted in minutes from now, so a daylight-saving change inside the quiet hours moves it by that
 * hour; Asia/Tehran, the default, has kept no daylight-saving time since 2022.
 */
export function quietUntil(nowMs: number, quiet: QuietHours | null, timeZone: string): number | null {
  if (!quiet) return null;
  const minute = wallMinutes(nowMs, timeZone);
  const inside =
    quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
  if (!inside) return null;
  const minutesLeft = (quiet.end - minute + DAY_MINUTES) % DAY_MINUTES;
  const intoMinute = ((nowMs % 60_000) + 60_000) % 60_000;
  return nowMs - intoMinute + minutesLeft * 60_000;
}
