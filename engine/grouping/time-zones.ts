// Working-hour overlap from UTC offsets. Offsets, not IANA names: resolving a name needs a date (DST) and a
// time-zone database, which a pure engine should not depend on; callers convert names to offsets first.
import { GroupingError } from './errors.ts';

/** Length of a local working day in hours (9:00–17:00). */
export const WORKDAY_HOURS = 8;

/** Parses "+5.5", "-8", "UTC+2", "GMT-03:30", "5" into hours east of UTC; throws naming the bad value. */
export function parseUtcOffset(value: string | number, who: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const m = /^\s*(?:utc|gmt)?\s*([+-]?)\s*(\d{1,2})(?:(?::(\d{2}))|(?:\.(\d+)))?\s*$/i.exec(String(value));
  if (!m) throw new GroupingError('INVALID_INPUT', `time zone "${String(value)}" of "${who}" is not a UTC offset like +5:30 or UTC-8`);
  const hours = Number(m[2]) + (m[3] ? Number(m[3]) / 60 : m[4] ? Number(`0.${m[4]}`) : 0);
  if (hours > 14) throw new GroupingError('INVALID_INPUT', `time zone "${String(value)}" of "${who}" is outside UTC-14..+14`);
  return m[1] === '-' ? -hours : hours;
}

/** Hours two people's 9–17 local days overlap, going around the clock the shorter way. */
export function sharedHours(a: number, b: number): number {
  const d = Math.abs(a - b) % 24;
  return Math.max(0, WORKDAY_HOURS - Math.min(d, 24 - d));
}

/** Hours a whole set of people shares (their common window), from the spread of their offsets. */
export function commonHours(offsets: number[]): number {
  if (offsets.length <= 1) return WORKDAY_HOURS;
  // Smallest arc of the 24-hour circle containing all offsets: 24 minus the largest gap between neighbours.
  const sorted = [...offsets].map((o) => ((o % 24) + 24) % 24).sort((x, y) => x - y);
  let gap = sorted[0] + 24 - sorted[sorted.length - 1];
  for (let i = 1; i < sorted.length; i++) gap = Math.max(gap, sorted[i] - sorted[i - 1]);
  return Math.max(0, WORKDAY_HOURS - (24 - gap));
}
