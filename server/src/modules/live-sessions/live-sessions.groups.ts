// Forming breakout groups and learning-partner pairs with the grouping engine. Pure functions of their inputs:
// the people present, pairs who already met in live groups, and each person's first learning partners.
import { type KnownPair, formGroups } from '../../../../engine/grouping/index.ts';

/** A person present, as grouping needs them. */
export interface Present {
  id: string;
  department: string | null;
}

/** Small budget: formation happens inside the advance request (500 people fit in it). */
const TIME_LIMIT_MS = 300;

function engineGroups(people: Present[], size: number, known: KnownPair[], seed: number): string[][] {
  if (people.length === 0) return [];
  if (people.length <= size + 1) return [people.map((p) => p.id)];
  const input = {
    people: people.map((p) => ({ id: p.id, ...(p.department ? { department: p.department } : {}) })),
    groupSize: size,
    rounds: 1,
    knownPairs: known,
  };
  // Groups of 3 grow to 4 and groups of 4 shrink to 3, so every group stays within "3–4" (pairs: one trio when odd).
  const uneven = size === 2 || size === 3 ? 'larger' : 'smaller';
  try {
    return formGroups({ ...input, uneven }, { seed, timeLimitMs: TIME_LIMIT_MS }).rounds[0];
  } catch {
    return formGroups({ ...input, uneven: 'auto' }, { seed, timeLimitMs: TIME_LIMIT_MS }).rounds[0];
  }
}

/** Groups of `size` (3 or 4) among the people present, avoiding people who already met, mixing departments. */
export function formBreakoutGroups(people: Present[], size: number, known: KnownPair[], seed = 1): string[][] {
  return engineGroups(people, size, known, seed);
}

/**
 * Learning-partner pairs: people whose first partners are present are paired with them again (stable across the
 * program's sessions); everyone else is paired with someone new (the engine avoids known pairs and mixes
 * departments). An odd person out joins a pair as a trio (nothing was written yet); a person alone in the room is
 * left unpaired and waits for the next arrival.
 */
export function formPairs(people: Present[], firstPartners: Map<string, string[]>, known: KnownPair[], seed = 1): string[][] {
  const here = new Set(people.map((p) => p.id));
  const placed = new Set<string>();
  const pairs: string[][] = [];
  for (const p of people) {
    if (placed.has(p.id)) continue;
    const partners = (firstPartners.get(p.id) ?? []).filter((id) => id !== p.id && here.has(id) && !placed.has(id));
    if (!partners.length) continue;
    const group = [p.id, ...partners];
    for (const id of group) placed.add(id);
    pairs.push(group);
  }
  const rest = people.filter((p) => !placed.has(p.id));
  if (rest.length === 1) {
    // The odd one out: a trio with the smallest pair (or alone when nobody else is here).
    const smallest = pairs.reduce<string[] | null>((best, g) => (!best || g.length < best.length ? g : best), null);
    if (smallest) smallest.push(rest[0].id);
    return pairs;
  }
  return [...pairs, ...engineGroups(rest, 2, known, seed)];
}

/**
 * Where a late joiner to a small-group segment goes: the smallest group with people present in it, among those the
 * fewest people they already know. Null when no group has anyone present (they start a new group). Pairs never take
 * late joiners: a pair stays two people (see placement.ts).
 */
export function chooseGroupForLateJoiner(personId: string, groups: { id: string; members: string[] }[], knows: (a: string, b: string) => boolean): string | null {
  const occupied = groups.filter((g) => g.members.length > 0);
  if (!occupied.length) return null;
  const known = (g: { members: string[] }) => g.members.filter((m) => knows(personId, m)).length;
  return [...occupied].sort((a, b) => a.members.length - b.members.length || known(a) - known(b))[0].id;
}

/** Largest sizes a facilitator may place someone into: a pair becomes a trio at most; a group of 3–4 grows to 5. */
export const PLACEMENT_MAX = { pair: 3, group: 5 } as const;

/** Why a facilitator may not place one more person into a group of this kind and size, or null when they may. */
export function placementRefusal(kind: 'group' | 'pair', size: number): string | null {
  if (size + 1 <= PLACEMENT_MAX[kind]) return null;
  return kind === 'pair' ? 'This pair is already a trio; place them with another waiting person or in another pair.' : `This group already has ${size} people; choose a smaller one.`;
}
