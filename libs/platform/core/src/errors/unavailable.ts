import { GraphQLError } from 'graphql';
import { UnavailableError } from './errors';

/** Socket errors of a connection to the database that could not be made or was lost. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs that say "not now" rather than "wrong": the server is shutting down or starting
 * (57P01–57P03), has no connection to spare (53300), lost the connection (class 08), or gave up on
 * the statement (57014 statement_timeout, 55P03 lock_timeout). A retry later may well succeed.
 */
const RETRYABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '57014', '55P03']);

/** Messages of node-postgres and its pool for the same conditions (they carry no code). */
const DRIVER_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection error and is not queryable|Connection ended unexpectedly|Client was closed and is not queryable/i;

/** The error and the errors it wraps: GraphQL's originalError, TypeORM's driverError, a cause. */
function* chain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  let e = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    yield e;
    const x = e as { originalError?: unknown; driverError?: unknown; cause?: unknown };
    e = x.originalError ?? x.driverError ?? x.cause;
  }
}

/** True when the error means the database cannot serve requests right now (unreachable, frozen, overloaded). */
export function isUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    if (e instanceof UnavailableError) return true;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || RETRYABLE_STATES.has(code))) return true;
    if (typeof message === 'string' && !(e instanceof GraphQLError) && DRIVER_MESSAGES.test(message)) return true;
  }
  return false;
}

/**
 * A resolver error as the client should see it: UNAVAILABLE (HTTP 503, Retry-After) when the
 * database could not serve it, else the error itself. Path and locations are kept.
 */
export function withUnavailable(error: GraphQLError): GraphQLError {
  if (!isUnavailable(error) || error.originalError instanceof UnavailableError) return error;
  const unavailable = new UnavailableError('The database is unavailable right now: retry shortly.');
  // Kept for the log line (the client sees only the typed error).
  Object.defineProperty(unavailable, 'cause', { value: error.originalError ?? error, enumerable: false });
  const converted = new GraphQLError(unavailable.message, { path: error.path, originalError: unavailable, extensions: unavailable.extensions });
  (converted as { locations: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}
