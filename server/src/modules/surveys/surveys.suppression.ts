// Small-group suppression, pure: no figure may cover 1–4 people, directly or by subtraction.

/** One cell of a breakdown: a group and how many responses it covers. */
export interface Cell {
  key: string;
  n: number;
}

/**
 * Which cells to hide so that no figure covers fewer than `min` people. Primary: every cell under `min` (and above 0).
 * Complementary: the total is shown, so the hidden cells together must cover 0 or at least `min` people — otherwise
 * "total minus the shown groups" would give a small group away — hence the smallest shown cells are hidden too until
 * that holds. `alreadyHidden` counts toward the hidden total (cells hidden at an outer level, e.g. a group hidden
 * for all its questions). Answers the hidden keys.
 */
export function suppress(cells: Cell[], min: number, alreadyHidden: Cell[] = []): Set<string> {
  const hidden = new Set(cells.filter((c) => c.n > 0 && c.n < min).map((c) => c.key));
  const hiddenTotal = () => alreadyHidden.reduce((a, c) => a + c.n, 0) + cells.filter((c) => hidden.has(c.key)).reduce((a, c) => a + c.n, 0);
  const shown = cells.filter((c) => !hidden.has(c.key) && c.n > 0).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  while (hiddenTotal() > 0 && hiddenTotal() < min && shown.length) hidden.add((shown.shift() as Cell).key);
  // Cells of no one are not figures; they stay out of both sets.
  return hidden;
}
