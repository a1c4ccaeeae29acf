import { GraphQLError } from 'graphql';
import { formatError, isClientError } from './format-error';
import { BadUserInputError, ConflictError, UnauthenticatedError } from './errors';

const formatted = (e: GraphQLError) => ({ message: e.message, path: ['x'], extensions: e.extensions });
const wrap = (original: Error) => new GraphQLError(original.message, { path: ['x'], originalError: original });

describe('formatError', () => {
  it('masks unknown errors (SQL text, stacks)', () => {
    const sqlError = Object.assign(new Error('duplicate key value violates unique constraint "organization_code_uq"'), { query: 'INSERT INTO organization …' });
    const out = formatError({ message: sqlError.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at …'] } }, wrap(sqlError));
    expect(out).toEqual({ message: 'Internal server error.', path: ['x'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(isClientError(wrap(sqlError))).toBe(false);
  });

  it('passes platform errors with their extensions but not the HTTP status', () => {
    const e = BadUserInputError.field('input.name', 'isLength', 'too long');
    expect(formatError(formatted(e), wrap(e)).extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.name', rule: 'isLength', message: 'too long' }] });
    const c = new ConflictError('changed', { currentVersion: 3 });
    expect(formatError(formatted(c), wrap(c))).toMatchObject({ message: 'changed', extensions: { code: 'CONFLICT', currentVersion: 3 } });
    const u = new UnauthenticatedError();
    expect(formatError(formatted(u), wrap(u)).extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it("gives Apollo's code-less 400s (persisted queries) a request code; other code-less GraphQL errors stay internal", () => {
    const enriched = (e: GraphQLError) => ({ message: e.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const mismatch = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(formatError(enriched(mismatch), mismatch)).toMatchObject({ message: mismatch.message, extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } });
    const version = new GraphQLError('Unsupported persisted query version', { extensions: { http: { status: 400 } } });
    expect(formatError(enriched(version), version).extensions).toEqual({ code: 'BAD_REQUEST' });
    const nonNull = new GraphQLError('Cannot return null for non-nullable field Query.x.');
    expect(formatError(enriched(nonNull), nonNull).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it('passes graphql-js validation errors with their code', () => {
    const e = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatError({ message: e.message, extensions: e.extensions }, e)).toMatchObject({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});
