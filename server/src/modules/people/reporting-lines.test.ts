import { describe, expect, it } from 'vitest';
import { findCycles, wouldCreateCycle } from './reporting-lines.ts';

describe('reporting lines', () => {
  it('finds every person on a loop and only them', () => {
    const m = new Map<string, string | null>([['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'a'], ['e', null]]);
    expect([...findCycles(m)].sort()).toEqual(['a', 'b', 'c']);
    expect(wouldCreateCycle(new Map([['a', null], ['b', 'a']]), 'a', 'b')).toBe(true);
    expect(wouldCreateCycle(new Map([['a', null], ['b', 'a']]), 'b', 'a')).toBe(false);
  });
});
