import { validate, type ValidationError } from 'class-validator';
import { LRUCache } from 'lru-cache';
import type { ResolverData } from 'type-graphql';
import { BadUserInputError } from '../errors/errors';
import type { FieldViolation } from '../errors/error-codes';

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

/**
 * Small argument values already found valid, by class and JSON (e.g. `PageArgs {"first":20}`): a
 * nested connection asks for the same page once per parent row, and class-validator's rules are
 * pure, so a repeat is answered from here. Only values up to 256 characters are kept.
 */
const KNOWN_VALID = new LRUCache<string, true>({ max: 2000 });

/** True when this small argument value (same class and JSON) already passed validation. */
export function isKnownValid(value: object): boolean {
  const key = validMemoKey(value);
  return key !== null && KNOWN_VALID.has(key);
}

function validMemoKey(value: object): string | null {
  const json = JSON.stringify(value);
  return json.length <= 256 ? `${value.constructor.name}:${json}` : null;
}

/**
 * type-graphql `validateFn`: class-validator on every argument object, failing with
 * BAD_USER_INPUT whose `fields` carry full argument paths (`input.contacts.0.phone`), so a client
 * can point at the exact form field. `@ArgsType` classes hold the top-level arguments themselves
 * and get no prefix; an `@Arg('input')` object gets its argument name.
 */
export async function validateArgument(argValue: unknown, _argType: unknown, { args }: ResolverData<object>): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const memoKey = validMemoKey(argValue);
  if (memoKey !== null && KNOWN_VALID.has(memoKey)) return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const errors = (await Promise.all(values.filter((v) => v && typeof v === 'object').map((v) => validate(v as object, { forbidUnknownValues: false })))).flat();
  if (!errors.length) {
    if (memoKey !== null) KNOWN_VALID.set(memoKey, true);
    return;
  }
  const rawArgs = args as Record<string, unknown>;
  const isArgsType = Object.keys(rawArgs).every((k) => k in (argValue as object));
  const prefix = isArgsType ? '' : (Object.keys(rawArgs).find((k) => rawArgs[k] !== null && typeof rawArgs[k] === 'object') ?? '');
  const fields = violationsOf(errors, prefix);
  throw new BadUserInputError(`Invalid input: ${fields.map((f) => `${f.field} (${f.rule}): ${f.message}`).join('; ')}`, fields);
}
