import Bowser from 'bowser';

/** The browser and operating system a stored user agent names, each null when it names none. */
export interface Device {
  readonly browser: string | null;
  readonly os: string | null;
}

/**
 * Names only, no versions: enough for a person to tell their phone from their laptop in a list of sessions,
 * and nothing more of the user agent (which the client chose) goes back out. Bowser throws on an empty
 * string and answers `undefined` names for what it does not know (curl, a shop's backend).
 */
export function deviceOf(userAgent: string | null): Device {
  if (!userAgent) return { browser: null, os: null };
  try {
    const parsed = Bowser.parse(userAgent);
    return { browser: parsed.browser.name || null, os: parsed.os.name || null };
  } catch {
    return { browser: null, os: null };
  }
}
