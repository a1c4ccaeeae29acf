import { GraphQLError } from 'graphql';
import { ErrorCode, type FieldViolation } from './error-codes';

/** Base of every error the platform means a client to see; anything else is masked. */
export abstract class PlatformError extends GraphQLError {
  protected constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}, httpStatus?: number, httpHeaders?: ReadonlyMap<string, string>) {
    super(message, { extensions: { code, ...extra, ...(httpStatus ? { http: { status: httpStatus, ...(httpHeaders ? { headers: new Map(httpHeaders) } : {}) } } : {}) } });
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Input broke a rule. `fields` names each failing field and rule. */
export class BadUserInputError extends PlatformError {
  constructor(message: string, fields: readonly FieldViolation[] = []) {
    super(message, ErrorCode.BAD_USER_INPUT, { fields });
  }

  /** Shorthand for a single failing field. */
  static field(field: string, rule: string, message: string): BadUserInputError {
    return new BadUserInputError(`${field}: ${message}`, [{ field, rule, message }]);
  }

  /** Several failing fields reported together (every problem of an input at once), the message listing each. */
  static fields(fields: readonly FieldViolation[]): BadUserInputError {
    return new BadUserInputError(`Invalid input: ${fields.map((f) => `${f.field} (${f.rule}): ${f.message}`).join('; ')}`, fields);
  }
}

export class UnauthenticatedError extends PlatformError {
  /** `permission`: the one an anonymous caller would need (set when the permission check refused). */
  constructor(message = 'Authentication required or credentials invalid.', permission?: string) {
    super(message, ErrorCode.UNAUTHENTICATED, permission ? { permission } : {}, 401);
  }
}

export class ForbiddenError extends PlatformError {
  constructor(message = 'You do not have permission for this operation.', permission?: string) {
    super(message, ErrorCode.FORBIDDEN, permission ? { permission } : {});
  }
}

/**
 * The record is missing or outside the caller's scope (the same answer for both). `field`: the input
 * field that named it, when the id came from one (a reference, e.g. `input.organizationId`).
 */
export class NotFoundError extends PlatformError {
  constructor(entity: string, id: string, field?: string) {
    super(`${field ? `${field}: ` : ''}${entity} ${id} was not found.`, ErrorCode.NOT_FOUND, { entity, id, ...(field ? { field } : {}) });
  }
}

/** Optimistic concurrency: the record changed since the client read it, or a uniqueness clash. */
export class ConflictError extends PlatformError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, extra);
  }
}

/** Too many attempts from the caller: HTTP 429 with Retry-After. */
export class RateLimitedError extends PlatformError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, ErrorCode.RATE_LIMITED, { retryAfterSeconds }, 429, new Map([['retry-after', String(retryAfterSeconds)]]));
  }
}

/** The database cannot serve the request now (unreachable, frozen, overloaded): HTTP 503 with Retry-After; safe to retry. */
export class UnavailableError extends PlatformError {
  constructor(message = 'The service is temporarily unavailable: retry shortly.', retryAfterSeconds = 5) {
    super(message, ErrorCode.UNAVAILABLE, { retryAfterSeconds }, 503, new Map([['retry-after', String(retryAfterSeconds)]]));
  }
}
