/**
 * `probe` shared between callers: one that arrives while a probe runs waits for that probe's answer, and an
 * answer is reused for `maxAgeMs` after it came. However many health checks arrive (the route is public),
 * they cost the database at most one probe per `maxAgeMs` and hold at most one of its connections, while a
 * change (an outage, a recovery) still shows within `maxAgeMs` plus one probe.
 *
 * `probe` must not reject: its failure is an answer to share too (health turns it into `unavailable`).
 * Time is the monotonic clock, not the service's `now`, which tests move by hand.
 */
export function sharedProbe<T>(probe: () => Promise<T>, maxAgeMs: number): () => Promise<T> {
  let running: Promise<T> | undefined;
  let last: { readonly answer: T; readonly at: number } | undefined;
  return () => {
    if (running) return running;
    if (last && performance.now() - last.at < maxAgeMs) return Promise.resolve(last.answer);
    running = probe().then((answer) => {
      last = { answer, at: performance.now() };
      running = undefined;
      return answer;
    });
    return running;
  };
}
