import { BadUserInputError } from '../errors/errors';
import { kernelRules } from '../errors/rule-catalog';

/** A cursor is the sort-key values of a row, base64url-encoded JSON: opaque to clients, stable across pages. */
export type CursorValues = ReadonlyArray<string | number | boolean | null>;

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

const CURSOR_MESSAGE = 'is not a cursor returned by this list with the same orderBy.';

/** The error for a cursor this list did not hand out (malformed, or values that do not fit its keys), naming each argument that may hold it. */
export function cursorError(...argNames: string[]): BadUserInputError {
  const fields = (argNames.length ? argNames : ['after']).map((field) => kernelRules.violation(field, 'cursor', CURSOR_MESSAGE));
  return new BadUserInputError(fields.map((f) => `${f.field}: ${f.message}`).join(' '), fields);
}

/** A value a sort key can hold: what `encodeCursor` writes (text PostgreSQL can store, finite numbers). */
function isKeyValue(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && !/[\0\p{Cs}]/u.test(value);
}

export function decodeCursor(cursor: string, expectedLength: number, argName = 'after'): CursorValues {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorError(argName);
  }
  if (Array.isArray(values) && values.length === expectedLength && values.every(isKeyValue)) return values as CursorValues;
  throw cursorError(argName);
}

/** SQLSTATE class 22 (data exception): a value PostgreSQL cannot read as the column's type. */
function isDataException(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' && code.startsWith('22');
}

/**
 * Runs a page query; when it used a client's cursor and PostgreSQL could not read a value as its
 * column's type (a text where a uuid or a timestamp is sorted: SQLSTATE class 22), the cursor was
 * not one this list handed out: BAD_USER_INPUT instead of an internal error, naming the cursor
 * arguments given (`after`, `before`, or both: which one PostgreSQL choked on is not known). The
 * keys' SQL types are not known here, so the database is the judge.
 */
export async function withCursor<T>(page: { readonly after?: string | null; readonly before?: string | null }, run: () => Promise<T>): Promise<T> {
  const given = [...(page.after ? ['after'] : []), ...(page.before ? ['before'] : [])];
  if (!given.length) return run();
  try {
    return await run();
  } catch (error) {
    throw isDataException(error) ? cursorError(...given) : error;
  }
}
