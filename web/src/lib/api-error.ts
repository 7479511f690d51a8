import type { ProblemResponse } from '../../../contracts/index.ts';

/** An API failure carrying the server's problem+json answer, ready to show to people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  /** Field path (e.g. "email", "skills.0.name") to message. */
  readonly fieldErrors: Record<string, string>;
  readonly requestId?: string;

  constructor(problem: ProblemResponse) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.fieldErrors = {};
    for (const e of problem.errors ?? []) {
      // "a, b" lists unknown keys; attach the message to each.
      for (const f of e.field.split(',').map((s) => s.trim())) this.fieldErrors[f] ??= e.message;
    }
  }

  /** Builds an ApiError for failures that never reached the server or came back unreadable. */
  static network(detail = 'Could not reach Hearth. Check your connection and try again.'): ApiError {
    return new ApiError({ status: 0, code: 'NETWORK', title: 'Network error', detail });
  }
}
