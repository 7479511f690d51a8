// The engine's single error type: stable codes let the server map them to HTTP problems without parsing text.

/** Stable reasons an input is rejected. */
export type GroupingErrorCode =
  | 'INVALID_INPUT'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_PERSON'
  | 'KEEP_TOGETHER_TOO_LARGE'
  | 'KEEP_TOGETHER_CONFLICT'
  | 'INFEASIBLE_NEVER_TOGETHER'
  | 'INFEASIBLE_PRE_ASSIGNMENT'
  | 'UNKNOWN_ATTRIBUTE'
  | 'TOO_LARGE';

/** Thrown for bad input; the message names the conflicting ids or values. */
export class GroupingError extends Error {
  /** Machine-readable reason. */
  readonly code: GroupingErrorCode;

  /** Creates an error with a stable code and a message naming the conflict. */
  constructor(code: GroupingErrorCode, message: string) {
    super(message);
    this.name = 'GroupingError';
    this.code = code;
  }
}
