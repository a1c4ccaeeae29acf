import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';
import { PlatformError } from './errors';

/** The innermost error: graphql-js locates resolver errors and Apollo wraps request errors. */
function originalOf(error: unknown): unknown {
  let e = error;
  while (e instanceof GraphQLError && e.originalError) e = e.originalError;
  return e;
}

/**
 * True when an error is meant for the client: the platform's typed errors and the request errors
 * graphql-js and Apollo raise themselves (parse, validation, limits, bad variables) are GraphQLErrors
 * all the way down. Anything else (a database error, a bug) is internal.
 */
export function isClientError(error: unknown): boolean {
  return originalOf(error) instanceof GraphQLError;
}

/**
 * Turns any error into what a client may see. Client errors keep their message and code (platform
 * errors also their extensions, e.g. `fields`); internal errors become INTERNAL_SERVER_ERROR with a
 * fixed message: no SQL text, no stack. Internal errors are logged where they are caught.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  const original = originalOf(error);
  if (original instanceof PlatformError) return { ...base, message: original.message, extensions: stripHttp(original.extensions) };
  if (isClientError(error)) {
    const code = formatted.extensions?.['code'];
    if (code === ErrorCode.INTERNAL_SERVER_ERROR) return { ...base, extensions: { code: requestErrorCode(error as GraphQLError) } };
    return { ...base, extensions: { code: typeof code === 'string' ? code : ErrorCode.BAD_USER_INPUT } };
  }
  return { ...base, message: 'Internal server error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * The code of a GraphQL error raised without one (formatting called it INTERNAL_SERVER_ERROR). Apollo
 * raises its persisted-query refusals (hash mismatch, unsupported version) that way with an HTTP 400:
 * a client needs to tell them from a fault of the server. Others (e.g. a non-null field that resolved
 * to null) stay internal.
 */
function requestErrorCode(error: GraphQLError): string {
  const status = (error.extensions?.['http'] as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return ErrorCode.INTERNAL_SERVER_ERROR;
  return error.message === 'provided sha does not match query' ? 'PERSISTED_QUERY_HASH_MISMATCH' : 'BAD_REQUEST';
}

function stripHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}
