import { ErrorCode } from './error-codes';
import { BadUserInputError } from './errors';
import { WRONG_STATE_RULE, defineRules, kernelRules, type KernelRule, type RuleOf } from './rule-catalog';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
const typeIs = <T extends true>(_: T): void => undefined;

const moduleRules = defineRules(['noCycle', 'parentKind'] as const, kernelRules);

describe('rule catalogs', () => {
  it('lists the kernel rules every module shares, wrong state spelled as WRONG_STATE_RULE', () => {
    expect(kernelRules.names).toEqual(['exists', 'unique', 'state', 'notArchived', 'notFuture', 'range', 'required', 'checkDigit', 'notBeforeFrom', 'afterFrom', 'notEnded', 'cursor', 'exclusive', 'text', 'globalId']);
    expect(kernelRules.has(WRONG_STATE_RULE)).toBe(true);
    expect(Object.isFrozen(kernelRules)).toBe(true);
    expect(Object.isFrozen(kernelRules.names)).toBe(true);
    typeIs<Equal<KernelRule, 'exists' | 'unique' | 'state' | 'notArchived' | 'notFuture' | 'range' | 'required' | 'checkDigit' | 'notBeforeFrom' | 'afterFrom' | 'notEnded' | 'cursor' | 'exclusive' | 'text' | 'globalId'>>(true);
  });

  it('builds a module catalog on the shared rules and raises BAD_USER_INPUT with one of them', () => {
    expect(moduleRules.names).toEqual([...kernelRules.names, 'noCycle', 'parentKind']);
    typeIs<Equal<RuleOf<typeof moduleRules>, KernelRule | 'noCycle' | 'parentKind'>>(true);

    const error = moduleRules.field('input.parentId', 'exists', 'no active organization 42.');
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error.message).toBe('input.parentId: no active organization 42.');
    expect(error.extensions).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      fields: [{ field: 'input.parentId', rule: 'exists', message: 'no active organization 42.' }],
    });
    expect(moduleRules.field('input.parentId', 'noCycle', 'a loop.').extensions['fields']).toEqual([{ field: 'input.parentId', rule: 'noCycle', message: 'a loop.' }]);
    expect(moduleRules.violation('input.id', 'state', 'already ended.')).toEqual({ field: 'input.id', rule: WRONG_STATE_RULE, message: 'already ended.' });
  });

  it('refuses a misspelled rule at compile time and at run time', () => {
    // @ts-expect-error 'exist' is not a declared rule
    expect(() => moduleRules.field('input.parentId', 'exist', 'no active organization 42.')).toThrow('Rule "exist" is not declared in this catalog.');
    // @ts-expect-error the wrong state has one spelling: 'state'
    expect(() => moduleRules.violation('input.id', 'status', 'x')).toThrow('not declared');
    // @ts-expect-error the kernel catalog does not know a module's rules
    expect(() => kernelRules.field('input.parentId', 'noCycle', 'x')).toThrow('not declared');
    expect(moduleRules.has('status')).toBe(false);
  });

  it('refuses a second spelling of a shared rule and names that are not lower camel case', () => {
    expect(() => defineRules(['exists'] as const, kernelRules)).toThrow('Rule exists is declared twice (the base catalog has it: reuse it).');
    expect(() => defineRules(['a', 'a'] as const)).toThrow('Rule a is declared twice.');
    expect(() => defineRules(['Not-camel'] as const)).toThrow('is not lower camel case');
  });
});
