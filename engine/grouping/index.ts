// engine/grouping — public surface of the grouping engine (pure: no I/O, imports nothing outside this folder).
// Owns: breakout rotations (formGroups, replanRemaining), schedule metrics, group-size planning and round bounds,
// design constructions, cohort splitting, learning-partner pairing, placing a newcomer into existing groups, and
// the preference for departments with few ties (ties.ts) that all of them apply after their own goals.
// Errors: GroupingError with a stable `code`. Deterministic for a seed; never runs past its time budget.
// The CLI (cli.ts) is the only file here that does I/O and is not re-exported.
export { type CohortInput, type CohortMetrics, type CohortResult, cohortMetrics, formCohorts } from './cohorts.ts';
export { GroupingError, type GroupingErrorCode } from './errors.ts';
export { computeMetrics } from './metrics.ts';
export { type PartnerCandidate, type PartnerInput, type PartnerMetrics, type PartnerResult, pairPartners, partnerMetrics } from './partners.ts';
export { choosePartner, comparePlacement, DEFAULT_PLACEMENT_MIX, type PlacementInput, type PlacementResult, type PlacementScore, partnerScore, placeNewcomer } from './placement.ts';
export { planGroupSizes, roundBound } from './sizes.ts';
export { type DepartmentPairFigures, departmentPairFigures } from './ties.ts';
export { DEFAULT_TIME_LIMIT_MS, formGroups, replanRemaining } from './solve.ts';
export { commonHours, parseUtcOffset, sharedHours } from './time-zones.ts';
export type * from './types.ts';
