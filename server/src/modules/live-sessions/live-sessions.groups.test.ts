import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseGroupForLateJoiner, formBreakoutGroups, formPairs, PLACEMENT_MAX, placementRefusal } from './live-sessions.groups.ts';

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

  it('leaves a person alone in the room unpaired (they wait) rather than making a pair of one', () => {
    expect(formPairs(people(1), new Map(), [])).toEqual([]);
    expect(formPairs(people(3), new Map(), []).map((p) => p.length)).toEqual([3]);
  });

  it('places a late joiner in the smallest occupied group where they know fewest, never in an empty one', () => {
    const never = () => false;
    const knowsA = (p: string, q: string) => key(p, q) === key('x', 'a');
    expect(chooseGroupForLateJoiner('x', [{ id: 'g1', members: ['a', 'b', 'c'] }, { id: 'g2', members: ['d', 'e', 'f'] }, { id: 'g3', members: ['g', 'h', 'i', 'j'] }], knowsA)).toBe('g2');
    expect(chooseGroupForLateJoiner('x', [{ id: 'g1', members: [] }, { id: 'g2', members: ['d', 'e', 'f'] }], never)).toBe('g2');
    expect(chooseGroupForLateJoiner('x', [{ id: 'g1', members: [] }], never)).toBeNull();
    expect(chooseGroupForLateJoiner('x', [], never)).toBeNull();
  });

  it('lets a facilitator grow a pair to a trio at most and a group to five at most', () => {
    fc.assert(
      fc.property(fc.constantFrom('pair' as const, 'group' as const), fc.integer({ min: 0, max: 10 }), (kind, size) => {
        expect(placementRefusal(kind, size) === null).toBe(size + 1 <= PLACEMENT_MAX[kind]);
      }),
    );
    expect(placementRefusal('pair', 2)).toBeNull();
    expect(placementRefusal('pair', 3)).toMatch(/already a trio/);
  });
});
