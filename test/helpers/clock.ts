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
