import { ANONYMOUS, type Principal } from '../context/principal';
import { organizationWithinScope } from './organization-scope';
import { compile } from '../sql/sql';

describe('the organization scope as a condition', () => {
  it('turns grants into SQL: nothing, everything, or subtrees and own organizations', () => {
    const grants = (list: Principal['grants'] extends ReadonlyMap<string, infer G> ? G : never): Principal => ({ ...ANONYMOUS, kind: 'user', grants: new Map([['p', list]]) });
    expect(compile(organizationWithinScope(ANONYMOUS, 'p', 'o.path', 'o.id'))).toEqual({ text: 'FALSE', params: {} });
    expect(compile(organizationWithinScope(grants([{ scope: 'ALL', organizationId: null, organizationPath: null }]), 'p', 'o.path', 'o.id'))).toEqual({ text: 'TRUE', params: {} });
    const mixed = compile(
      organizationWithinScope(
        grants([
          { scope: 'ORG_SUBTREE', organizationId: 'a', organizationPath: 'x.y' },
          { scope: 'OWN_ORG', organizationId: 'b', organizationPath: 'x.z' },
        ]),
        'p',
        'o.path',
        'o.id',
      ),
    );
    expect(mixed.text).toBe('((o.path <@ ANY(CAST(:p1 AS ltree[]))) OR (o.id = ANY(CAST(:p2 AS uuid[]))))');
    expect(mixed.params).toEqual({ p1: ['x.y'], p2: ['b'] });
  });
});
