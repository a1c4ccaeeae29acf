/**
 * The fields of an update input that the client sent, for a `Patch`: each of `keys` whose value is
 * not `undefined` (left out of the request). `null` is sent, and copied: it clears a nullable field.
 * Only the input's own properties count, never one it inherits. Fields that need a check or a
 * transformation (a reference to verify, a list to deduplicate, a location split into columns) stay
 * explicit at the call site; spread or assign the result into the patch beside them:
 * `const patch: Patch<Shelter> = sentFields(input, ['name', 'capacity', 'status']);`.
 */
export function sentFields<I extends object, K extends keyof I>(input: I, keys: readonly K[]): Partial<Pick<I, K>> {
  const sent: Partial<Pick<I, K>> = {};
  for (const key of keys) {
    if (Object.hasOwn(input, key) && input[key] !== undefined) sent[key] = input[key];
  }
  return sent;
}
