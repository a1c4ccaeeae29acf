/** The error codes a client can rely on in `errors[].extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** Too many requests (or sign-in failures) from the caller: retry after `extensions.retryAfterSeconds` (HTTP 429, Retry-After). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The database cannot be reached or is overloaded right now: retry after `extensions.retryAfterSeconds` (HTTP 503, Retry-After). */
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** One failing input field: its path (e.g. `input.name`), the rule it broke and a readable message. */
export interface FieldViolation {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}
