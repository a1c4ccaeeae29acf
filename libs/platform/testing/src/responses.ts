import type { GraphQLResponse } from './test-gateway';

/** The `extensions` of a response's first error (code, fields, entity…), or undefined when it has none. */
export const errorOf = (res: GraphQLResponse): Record<string, any> | undefined => res.body.errors?.[0]?.extensions;

/** The failing input fields of a BAD_USER_INPUT response (field path, rule, message); empty otherwise. */
export const fieldsOf = (res: GraphQLResponse): Array<{ field: string; rule: string; message: string }> => (errorOf(res)?.['fields'] ?? []) as Array<{ field: string; rule: string; message: string }>;

/** Expects a response without errors and returns its `data[name]`. */
export async function ok(res: Promise<GraphQLResponse> | GraphQLResponse, name: string): Promise<any> {
  const r = await res;
  expect(r.body.errors).toBeUndefined();
  return r.body.data![name];
}
