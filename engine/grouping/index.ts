// engine/grouping — public surface of the grouping engine (pure: no I/O, imports nothing outside this folder).
// Owns: breakout rotations (formGroups, replanRemaining), schedule metrics, group-size planning and round bounds,
// design constructions, cohort splitting and learning-partner pairing.
// Errors: GroupingError with a stable `code`. Deterministic for a seed; never runs past its time budget.
// The CLI (cli.ts) is the only file here that does I/O and is not re-exported.
export { GroupingError, type GroupingErrorCode } from './errors.ts';
export { computeMetrics } from './metrics.ts';
export { planGroupSizes, roundBound } from './sizes.ts';
export { DEFAULT_TIME_LIMIT_MS, formGroups, replanRemaining } from './solve.ts';
export type * from './types.ts';
