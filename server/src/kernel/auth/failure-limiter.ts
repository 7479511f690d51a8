/**
 * Counts failed attempts per key (e.g. account + source, see SignInThrottle) in a sliding window. Past the limit the
 * key must wait until its oldest failure leaves the window: no permanent lockout. Keys exist whether or not the
 * account does. At most 100,000 keys are kept (the oldest is dropped), so memory stays bounded under a flood.
 */
export class FailureLimiter {
  private failures = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before another attempt, or 0 when allowed. */
  retryAfter(key: string): number {
    const list = this.prune(key);
    if (list.length < this.limit) return 0;
    return Math.max(1, Math.ceil((list[0] + this.windowMs - this.now()) / 1000));
  }

  /** Records one failure. */
  fail(key: string) {
    const list = this.prune(key);
    list.push(this.now());
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  /** Forgets failures after a successful sign-in. */
  reset(key: string) {
    this.failures.delete(key);
  }

  private prune(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }
}
