import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { ErrorCode, type FieldViolation } from './error-codes';
import { PlatformError } from './errors';

/** Flattens class-validator errors into `{field, rule, message}` with dotted paths. */
export function violationsOf(errors: readonly ValidationError[], prefix = ''): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) out.push({ field, rule, message });
    if (e.children?.length) out.push(...violationsOf(e.children, field));
  }
  return out;
}

/** Codes graphql-js and Apollo set themselves for request-level problems; their messages are safe. */
const SAFE_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Turns any error into what a client may see. Platform errors (BAD_USER_INPUT with the failing
 * fields, NOT_FOUND, CONFLICT…) pass; graphql-js validation and coercion errors pass; everything
 * else (database errors, bugs) becomes INTERNAL_SERVER_ERROR with a fixed message and no stack, after
 * `report` has logged the original.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  report: (error: unknown) => void,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof PlatformError) {
    return { ...base, message: original.message, extensions: stripHttp(original.extensions) };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && SAFE_CODES.has(code) && !(original instanceof Error && !(original instanceof GraphQLError))) {
    return { ...base, extensions: { code } };
  }
  // graphql-js coercion errors (bad variable values, unknown enum values) carry no original error.
  if (error instanceof GraphQLError && !error.originalError && typeof code !== 'string') {
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  report(original);
  return { ...base, message: 'Internal server error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function stripHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}
