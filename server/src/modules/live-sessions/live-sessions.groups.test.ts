import { describe, expect, it } from 'vitest';
import { formBreakoutGroups, formPairs, placeLateJoiner } from './live-sessions.groups.ts';

const people = (n: number, departments = ['A', 'B', 'C', 'D']) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, department: departments[i % departments.length] }));
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe('forming live groups', () => {
  it('keeps every group within 3–4 and mixes departments', () => {
    for (const n of [6, 7, 9, 10, 13, 40]) {
      for (const size of [3, 4]) {
        const groups = formBreakoutGroups(people(n), size, []);
        expect(groups.flat().sort()).toEqual(people(n).map((p) => p.id).sort());
        expect(groups.every((g) => g.length >= 3 && g.length <= 4), `${n}/${size}: ${groups.map((g) => g.length)}`).toBe(true);
      }
    }
    const mixed = formBreakoutGroups(people(16), 4, []);
    expect(mixed.every((g) => new Set(g.map((id) => Number(id.slice(1)) % 4)).size === 4)).toBe(true);
  });

  it('avoids people who already met when a fresh grouping exists', () => {
    const ps = people(16);
    const first = formBreakoutGroups(ps, 4, []);
    const known = first.flatMap((g) => g.flatMap((a) => g.filter((b) => a < b).map((b) => ({ a, b }))));
    const second = formBreakoutGroups(ps, 4, known);
    const met = new Set(known.map((k) => key(k.a, k.b)));
    expect(second.flatMap((g) => g.flatMap((a) => g.filter((b) => a < b && met.has(key(a, b)))))).toEqual([]);
  });

  it('re-pairs first partners who are present and pairs the rest anew, with one trio for an odd count', () => {
    const ps = people(7);
    const first = new Map([
      ['p0', ['p0', 'p1']],
      ['p1', ['p0', 'p1']],
      ['p2', ['p2', 'p9']],
    ]);
    const pairs = formPairs(ps, first, []);
    expect(pairs).toContainEqual(['p0', 'p1']);
    expect(pairs.flat().sort()).toEqual(ps.map((p) => p.id).sort());
    expect(pairs.map((p) => p.length).sort()).toEqual([2, 2, 3]);
  });

  it('places a late joiner with a lone person, else their partner, else the smallest group of strangers', () => {
    const never = () => false;
    expect(placeLateJoiner('x', 'pair', [{ id: 'g1', members: ['a', 'b'] }, { id: 'g2', members: ['c'] }], never)).toBe('g2');
    expect(placeLateJoiner('x', 'pair', [{ id: 'g1', members: ['a', 'b'] }, { id: 'g2', members: ['c', 'd'] }], never, ['x', 'd'])).toBe('g2');
    const knowsA = (p: string, q: string) => key(p, q) === key('x', 'a');
    expect(placeLateJoiner('x', 'group', [{ id: 'g1', members: ['a', 'b', 'c'] }, { id: 'g2', members: ['d', 'e', 'f'] }, { id: 'g3', members: ['g', 'h', 'i', 'j'] }], knowsA)).toBe('g2');
    expect(placeLateJoiner('x', 'group', [{ id: 'g1', members: [] }, { id: 'g2', members: ['d', 'e', 'f'] }], never)).toBe('g2');
    expect(placeLateJoiner('x', 'group', [], never)).toBeNull();
  });
});
