// Errors the matching engine throws. Bad data about one person never throws (it is reported per person
// in the result); only a request that cannot be honoured as a whole does, with a stable code.

/** Stable codes of whole-request failures, named so callers can map them without parsing messages. */
export type MatchingErrorCode =
  | 'INVALID_INPUT' // malformed input shape (not per-person data problems)
  | 'INFEASIBLE_CONSTRAINT' // a hard constraint (e.g. a required pair) cannot be satisfied
  | 'SCORE_RANGE'; // scores too large to optimise exactly in float64 integer arithmetic

/** The one error type of the engine; `code` is stable, `detail` names the offending constraint or value. */
export class MatchingError extends Error {
  /** Stable machine-readable code. */
  readonly code: MatchingErrorCode;
  /** What exactly failed (constraint name, person id, value). */
  readonly detail: Record<string, unknown>;
  constructor(code: MatchingErrorCode, message: string, detail: Record<string, unknown> = {}) {
    super(message);
    this.name = 'MatchingError';
    this.code = code;
    this.detail = detail;
  }
}
