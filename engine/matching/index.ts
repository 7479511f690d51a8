// engine/matching — exact mentor–mentee matching (the only public surface of this folder).
// Owns: compatibility scoring with explanations, exact capacitated assignment (optimal total, fair =
// bottleneck then total, participation = cardinality then total), hard constraints, stability reports
// and incremental re-matching. Pure: no I/O except cli.ts (`npx hearth match`).
// Emits/consumes no events; the server's mentoring module calls matchMentors/rematchMentors.

export { DEFAULT_WEIGHTS, overlapHours } from './compatibility.ts';
export { parseMentees, parseMentors, parseScoreTable } from './csv-profiles.ts';
export { MatchingError, type MatchingErrorCode } from './errors.ts';
export { type MatchInput, matchMentors, rematchMentors, scoreMatrixFromProfiles } from './match.ts';
export { type MatrixSolution, matchScoreMatrix, matrixBlockingPairs, rematchScoreMatrix, type ScoreMatrix } from './score-matrix.ts';
export { matchScoreTable } from './score-table.ts';
export type { RematchOptions } from './rematch.ts';
export { FORBIDDEN as FORBIDDEN_SCORE } from './score-graph.ts';
export type * from './types.ts';
