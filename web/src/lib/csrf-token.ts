// The session's CSRF token, learned from sign-in or /api/me and sent on every state-changing request.
let token: string | null = null;

/** Holds the CSRF token of the current session (null when signed out). */
export const csrfToken = {
  get: (): string | null => token,
  set: (value: string | null) => {
    token = value;
  },
};
