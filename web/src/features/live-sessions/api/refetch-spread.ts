/**
 * How long a participant's screen waits, at random, before refetching the session state after a change everyone
 * receives at once (a segment change, a broadcast). 500 screens asking in the same millisecond would queue behind
 * each other on the server; spread over up to a second they are each served at once. Small sessions barely wait
 * (2 ms per person present, at most 1.5 s). The benchmark's refetch pass uses the same rule.
 */
export function refetchDelayMs(presentCount: number, random: () => number = Math.random): number {
  const spread = Math.min(1500, Math.max(0, presentCount) * 2);
  return Math.floor(random() * spread);
}
