import { kernelRules, WRONG_STATE_RULE } from '@platform/core';
import { directoryRules } from './directory.rules';

describe('directory rules', () => {
  it('builds on the kernel shared rules and adds its own', () => {
    expect(directoryRules.names).toEqual([...kernelRules.names, 'forbidden', 'noCycle', 'parentKind', 'singleRoot', 'noActiveChildren', 'afterStart']);
    expect(directoryRules.has(WRONG_STATE_RULE)).toBe(true);
    expect(directoryRules.field('input.parentId', 'parentKind', 'not under a VILLAGE.').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.parentId', rule: 'parentKind', message: 'not under a VILLAGE.' }],
    });
    // @ts-expect-error a misspelled rule does not compile
    expect(() => directoryRules.field('input.parentId', 'parentkind', 'x')).toThrow('not declared');
  });
});
