import type { TestGateway } from './test-gateway';

/** A response kept as text, with what the read compiler said about it: for byte-for-byte comparisons of the two read paths. */
export interface RawResponse {
  readonly status: number;
  /** The body, request ids blanked (they differ per request). */
  readonly text: string;
  /** `x-read-compiled`: 'true' when one compiled statement answered, 'false' when the resolvers did, null when the compiler was off. */
  readonly compiled: string | null;
  /** `x-sql-statements`. */
  readonly statements: number;
}

/**
 * POSTs a query with a bearer token, through the read compiler (the default) or around it
 * (`x-read-compiler: off`, which test gateways allow), and keeps the body as text.
 */
export async function rawQuery(t: Pick<TestGateway, 'origin'>, query: string, variables: Record<string, unknown>, token: string, compiled = true): Promise<RawResponse> {
  const res = await fetch(`${t.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(compiled ? {} : { 'x-read-compiler': 'off' }) },
    body: JSON.stringify({ query, variables }),
  });
  const text = (await res.text()).replace(/"requestId":"[^"]*"/g, '"requestId":""');
  return { status: res.status, text, compiled: res.headers.get('x-read-compiled'), statements: Number(res.headers.get('x-sql-statements')) };
}
