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
 * departments). An odd person out joins a pair as a trio.
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
    else pairs.push([rest[0].id]);
    return pairs;
  }
  return [...pairs, ...engineGroups(rest, 2, known, seed)];
}

/**
 * Where a late joiner goes: the smallest group (pairs: a lone person first, then their first partner's pair), among
 * those the fewest people they already know. `members` are the people present in each group. Null when there is no
 * group yet.
 */
export function placeLateJoiner(
  personId: string,
  kind: 'group' | 'pair',
  all: { id: string; members: string[] }[],
  knows: (a: string, b: string) => boolean,
  firstPartners: string[] = [],
): string | null {
  // Groups whose members all left are no place to land in while others have people in them.
  let groups = all;
  const occupied = groups.filter((g) => g.members.length > 0);
  if (occupied.length) groups = occupied;
  if (!groups.length) return null;
  if (kind === 'pair') {
    const lone = groups.find((g) => g.members.length === 1);
    if (lone) return lone.id;
    const partnerPair = groups.find((g) => g.members.length === 2 && g.members.some((m) => firstPartners.includes(m)));
    if (partnerPair) return partnerPair.id;
  }
  const known = (g: { members: string[] }) => g.members.filter((m) => knows(personId, m)).length;
  const sorted = [...groups].sort((a, b) => a.members.length - b.members.length || known(a) - known(b));
  return sorted[0].id;
}
