// The network engine's single error type: stable codes let callers map them without parsing text.

/** Stable reasons an input is rejected. */
export type NetworkErrorCode = 'INVALID_TIE' | 'INVALID_WEIGHT' | 'DIRECTION_MISMATCH';

/** Thrown for bad input; the message names the offending tie or value. */
export class NetworkError extends Error {
  /** Machine-readable reason. */
  readonly code: NetworkErrorCode;

  /** Creates an error with a stable code and a message naming the problem. */
  constructor(code: NetworkErrorCode, message: string) {
    super(message);
    this.name = 'NetworkError';
    this.code = code;
  }
}
