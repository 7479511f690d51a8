/**
 * Shortens `s` to at most `max` characters, ending in "…" when cut. Counts code points, not UTF-16 units, so an
 * emoji is never split into a lone surrogate (which PostgreSQL cannot store in JSON and shows as U+FFFD in text).
 */
export function shorten(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

/** The first `max` code points of `s` (never half of a surrogate pair). */
export const firstChars = (s: string, max: number) => Array.from(s).slice(0, max).join('');
