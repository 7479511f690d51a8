/** A bar's CSS width for `n` of `max`: none for zero, at least a visible sliver otherwise. */
export const barWidth = (n: number, max: number) => (n <= 0 ? '0' : `max(4px, ${(n / Math.max(1, max)) * 100}%)`);
