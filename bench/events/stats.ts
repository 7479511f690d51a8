// Small helpers for bench/events: timing, percentiles and bounded waits.
import { performance } from 'node:perf_hooks';

export const now = () => performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile of `values` (ms), rounded to 0.01. */
export function pct(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 100) / 100;
}

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export const spread = (values: number[]): Spread => ({ n: values.length, p50: pct(values, 50), p95: pct(values, 95), max: pct(values, 100) });

/** Waits until `done()` is true, checking every 5 ms; throws after `timeoutMs` so no phase can hang the bench. */
export async function waitFor(what: string, done: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

/** Rejects with a clear message when `p` takes longer than `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Latencies from commit to handler, by sequence number (only events both written and handled). */
export function latencies(committedAt: Map<number, number>, handledAt: Map<number, number>): number[] {
  const out: number[] = [];
  for (const [seq, c] of committedAt) {
    const h = handledAt.get(seq);
    if (h !== undefined) out.push(h - c);
  }
  return out;
}
