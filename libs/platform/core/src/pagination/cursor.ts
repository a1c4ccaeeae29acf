import { BadUserInputError } from '../errors/errors';

/** A cursor is the sort-key values of a row, base64url-encoded JSON: opaque to clients, stable across pages. */
export type CursorValues = ReadonlyArray<string | number | boolean | null>;

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedLength: number, argName = 'after'): CursorValues {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === expectedLength) return values as CursorValues;
  } catch {
    // fall through to the typed error below
  }
  throw BadUserInputError.field(argName, 'cursor', 'is not a cursor returned by this list with the same orderBy.');
}
