// What each child process of the network bench prints: one JSON line per finished step, so a step cut short by the
// runner's deadline loses only itself. Memory is this process's (current RSS and peak maxRSS so far).
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StepLine {
  step: string;
  ms?: number;
  rssMb: number;
  maxRssMb: number;
  load1: number;
  [key: string]: unknown;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** Prints one step's line. */
export function emit(step: string, ms: number | undefined, extra: Record<string, unknown> = {}): void {
  const line: StepLine = {
    step,
    ...(ms === undefined ? {} : { ms: Math.round(ms) }),
    rssMb: mb(process.memoryUsage().rss),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    load1: Math.round(loadavg()[0] * 10) / 10,
    ...extra,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Runs `fn`, prints its step line with the time taken (and `extra` of its result), returns the result. */
export async function timed<T>(step: string, fn: () => T | Promise<T>, extra: (result: T) => Record<string, unknown> = () => ({})): Promise<T> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await fn();
  const ms = performance.now() - t0;
  emit(step, ms, { cpuMs: cpuMs(c0), ...extra(result) });
  return result;
}

/** CPU time of this process (all its threads, user + system) since `start`, in ms: less sensitive to other load. */
export function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return Math.round((d.user + d.system) / 1000);
}

/** Where a child leaves a partition (community per node, node order) for the runner to score. */
export function partitionFile(lib: string, size: string): string {
  return join(tmpdir(), `hearth-bench-network-${lib}-${size}.json`);
}

export function writePartition(lib: string, size: string, membership: ArrayLike<number>): void {
  writeFileSync(partitionFile(lib, size), JSON.stringify(Array.from(membership)));
}

/** The bench's sizes: people and ties. */
export const SIZES = {
  '10k': { people: 10_000, ties: 100_000 },
  '100k': { people: 100_000, ties: 1_000_000 },
} as const;
export type SizeName = keyof typeof SIZES;
export const TOP = 100;
