/** Every unordered pair of distinct ids in `ids`, each once, as [smaller, larger]. */
export function pairsOf(ids: readonly string[]): [string, string][] {
  const unique = [...new Set(ids)].sort();
  const out: [string, string][] = [];
  for (let i = 0; i < unique.length; i++) for (let j = i + 1; j < unique.length; j++) out.push([unique[i], unique[j]]);
  return out;
}

/** The pairs between one person and each of others (not themselves), as [smaller, larger], each once. */
export function pairsWith(one: string, others: readonly string[]): [string, string][] {
  return [...new Set(others)].filter((o) => o !== one).map((o) => (one < o ? [one, o] : [o, one]) as [string, string]);
}

/** The UTC day of an ISO timestamp. */
export const dayOf = (iso: string) => iso.slice(0, 10);
