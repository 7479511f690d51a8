/** True if making `managerId` the manager of `personId` would close a loop in the reporting lines. */
export function wouldCreateCycle(managerOf: Map<string, string | null>, personId: string, managerId: string): boolean {
  let cur: string | null | undefined = managerId;
  const seen = new Set<string>();
  while (cur) {
    if (cur === personId) return true;
    if (seen.has(cur)) return false; // an existing loop elsewhere is not this change's doing
    seen.add(cur);
    cur = managerOf.get(cur) ?? null;
  }
  return false;
}

/** Returns the ids that sit on a reporting-line cycle (every id in each loop). */
export function findCycles(managerOf: Map<string, string | null>): Set<string> {
  const onCycle = new Set<string>();
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = finished
  for (const start of managerOf.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let cur: string | null | undefined = start;
    while (cur && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = managerOf.get(cur) ?? null;
    }
    if (cur && state.get(cur) === 1) {
      for (let i = path.indexOf(cur); i < path.length; i++) onCycle.add(path[i]);
    }
    for (const p of path) state.set(p, 2);
  }
  return onCycle;
}
