/** A clock a test can move forward; starts at the real time so that it agrees with Redis and the SQL stores. */
export function testClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      offset += ms;
    },
  };
}

export type TestClock = ReturnType<typeof testClock>;

/**
 * A clock that moves only when the test moves it, for units that talk to nothing else: a boundary one
 * millisecond away stays one millisecond away however slow the machine is.
 */
export function frozenClock(start = Date.now()) {
  let at = start;
  return {
    now: () => at,
    advance(ms: number) {
      at += ms;
    },
  };
}
