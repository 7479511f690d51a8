// Group sizes per round and the round bound. Every round uses the same size mix (the SGA variant of Miller et al.).
import type { UnevenPolicy } from './types.ts';

/**
 * Group sizes for one round, largest first. "auto" compares the k/k+1 and k−1/k mixes: first whichever leaves more margin
 * between bound and rounds, up to 3 (near the bound a search may miss), then most groups of exactly k, then
 * the higher bound. The wrong mix can make a rotation impossible: 24 people in 4 groups of 6 allow only 4
 * repeat-free rounds, 5+5+5+5+4 allow 6.
 */
export function planGroupSizes(n: number, k: number, policy: UnevenPolicy = 'auto', rounds = 1): number[] {
  if (policy !== 'auto') return planFixed(n, k, policy);
  const a = planFixed(n, k, 'larger');
  const b = planFixed(n, k, 'smaller');
  const score = (plan: number[]) => {
    const bound = roundBound(n, plan);
    return [Math.min(bound - rounds, 3), plan.filter((s) => s === k).length, bound];
  };
  const sa = score(a);
  const sb = score(b);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] > sb[i] ? a : b;
  return a;
}

function planFixed(n: number, k: number, policy: 'larger' | 'smaller'): number[] {
  if (n <= k) return [n];
  if (n % k === 0) return new Array(n / k).fill(k);
  const larger = (): number[] | null => {
    const g = Math.floor(n / k);
    const extra = n - g * k;
    return extra <= g ? [...new Array(extra).fill(k + 1), ...new Array(g - extra).fill(k)] : null;
  };
  const smaller = (): number[] | null => {
    const g = Math.ceil(n / k);
    const short = g * k - n;
    return short <= g && k > 2 ? [...new Array(g - short).fill(k), ...new Array(short).fill(k - 1)] : null;
  };
  const plan = policy === 'larger' ? (larger() ?? smaller()) : (smaller() ?? larger());
  if (plan) return plan;
  // Neither k±1 mix fits (tiny N): spread people as evenly as possible.
  const g = Math.max(1, Math.round(n / k));
  const base = Math.floor(n / g);
  const extra = n - base * g;
  return [...new Array(extra).fill(base + 1), ...new Array(g - extra).fill(base)];
}

/** Most rounds with no pair meeting twice: min of the per-person bound and the pair-count bound. */
export function roundBound(n: number, sizes: number[]): number {
  const smallest = Math.min(...sizes);
  const perPerson = smallest >= 2 ? Math.floor((n - 1) / (smallest - 1)) : Number.POSITIVE_INFINITY;
  const pairsPerRound = sizes.reduce((sum, s) => sum + (s * (s - 1)) / 2, 0);
  const pairBound = pairsPerRound > 0 ? Math.floor((n * (n - 1)) / 2 / pairsPerRound) : Number.POSITIVE_INFINITY;
  const bound = Math.min(perPerson, pairBound);
  // A round of singletons can repeat forever; report a large finite number so JSON stays valid.
  return Number.isFinite(bound) ? bound : Number.MAX_SAFE_INTEGER;
}
