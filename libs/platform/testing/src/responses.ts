import type { GraphQLClient, GraphQLResponse } from './test-gateway';

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

/** The data of a request that must succeed. */
export async function dataOf(client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await client(query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}

/** A mutation taking one `input` of `type`, selecting `fields` of its answer. */
export function mutation(client: GraphQLClient, name: string, type: string, input: Record<string, unknown>, fields: string): Promise<GraphQLResponse> {
  return client(`mutation($input: ${type}!) { ${name}(input: $input) { ${fields} } }`, { input });
}

/** The same mutation, which must succeed: its answer. */
export async function mutated<T = any>(client: GraphQLClient, name: string, type: string, input: Record<string, unknown>, fields: string): Promise<T> {
  const res = await mutation(client, name, type, input, fields);
  expect(res.body.errors).toBeUndefined();
  return res.body.data![name] as T;
}
