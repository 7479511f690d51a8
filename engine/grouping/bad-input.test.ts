import { describe, expect, it } from 'vitest';
import { formGroups, GroupingError } from './index.ts';
import { anonymousPeople } from './test-helpers.ts';
import type { GroupingInput } from './types.ts';

const base = (extra: Partial<GroupingInput> = {}): GroupingInput => ({ people: anonymousPeople(12), groupSize: 4, rounds: 3, ...extra });

function errorOf(input: GroupingInput): GroupingError {
  try {
    formGroups(input, { timeLimitMs: 50 });
  } catch (err) {
    if (err instanceof GroupingError) return err;
    throw err;
  }
  throw new Error('expected a GroupingError');
}

describe('bad input', () => {
  it('rejects duplicate ids, naming the id', () => {
    const err = errorOf(base({ people: [...anonymousPeople(5), { id: '3' }] }));
    expect(err.code).toBe('DUPLICATE_ID');
    expect(err.message).toContain('"3"');
  });

  it('rejects a keep-together set larger than any group, naming its members', () => {
    const err = errorOf(base({ keepTogether: [['1', '2', '3', '4', '5']] }));
    expect(err.code).toBe('KEEP_TOGETHER_TOO_LARGE');
    expect(err.message).toContain('1, 2, 3, 4, 5');
  });

  it('rejects overlapping keep-together sets that merge beyond a group', () => {
    expect(errorOf(base({ keepTogether: [['1', '2', '3'], ['3', '4', '5']] })).code).toBe('KEEP_TOGETHER_TOO_LARGE');
  });

  it('rejects never-together pairs that no round can satisfy (more mutual strangers than groups)', () => {
    const err = errorOf(base({ neverTogether: [['1', '2'], ['1', '3'], ['1', '4'], ['2', '3'], ['2', '4'], ['3', '4']] }));
    expect(err.code).toBe('INFEASIBLE_NEVER_TOGETHER');
    expect(err.message).toMatch(/"1".*"2"|"2".*"1"/);
  });

  it('rejects a person kept apart from almost everyone', () => {
    const others = anonymousPeople(12).slice(1, 10).map((p) => ['1', p.id] as [string, string]);
    expect(errorOf(base({ neverTogether: others })).code).toBe('INFEASIBLE_NEVER_TOGETHER');
  });

  it('rejects a pair that is both never-together and keep-together', () => {
    expect(errorOf(base({ neverTogether: [['1', '2']], keepTogether: [['1', '2']] })).code).toBe('KEEP_TOGETHER_CONFLICT');
  });

  it('rejects keep-together sets that cannot be packed into the group sizes', () => {
    const input = { people: anonymousPeople(6), groupSize: 3, rounds: 1, keepTogether: [['1', '2'], ['3', '4'], ['5', '6']] };
    expect(errorOf(input).code).toBe('KEEP_TOGETHER_CONFLICT');
  });

  it('rejects unknown mixing attributes and attributes nobody has', () => {
    const unknown = errorOf(base({ mixing: [{ attribute: 'shoeSize' as never }] }));
    expect(unknown.code).toBe('UNKNOWN_ATTRIBUTE');
    expect(unknown.message).toContain('shoeSize');
    expect(errorOf(base({ mixing: [{ attribute: 'location' }] })).code).toBe('UNKNOWN_ATTRIBUTE');
  });

  it('rejects unknown people in constraints and impossible pins', () => {
    expect(errorOf(base({ neverTogether: [['1', 'ghost']] })).message).toContain('ghost');
    expect(errorOf(base({ preAssignments: [{ id: '1', round: 0, group: 9 }] })).code).toBe('INVALID_INPUT');
    const pins = ['1', '2', '3', '4', '5'].map((id) => ({ id, round: 0, group: 0 }));
    expect(errorOf(base({ preAssignments: pins })).code).toBe('INFEASIBLE_PRE_ASSIGNMENT');
    expect(errorOf(base({ neverTogether: [['1', '2']], preAssignments: [{ id: '1', round: 1, group: 0 }, { id: '2', round: 1, group: 0 }] })).code).toBe(
      'INFEASIBLE_NEVER_TOGETHER',
    );
  });

  it('rejects nonsense sizes and empty people lists', () => {
    expect(errorOf(base({ groupSize: 1 })).code).toBe('INVALID_INPUT');
    expect(errorOf(base({ rounds: 0 })).code).toBe('INVALID_INPUT');
    expect(errorOf(base({ people: [] })).code).toBe('INVALID_INPUT');
  });

  it('never runs past the time limit, even beyond the bound', () => {
    const start = performance.now();
    const result = formGroups({ people: anonymousPeople(60), groupSize: 4, rounds: 25 }, { timeLimitMs: 300 });
    expect(result.rounds).toHaveLength(25);
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(3000); // generous: a broken deadline runs for ever, not 10% over
  });
});
