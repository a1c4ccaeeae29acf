import { ANONYMOUS, type Principal } from '@platform/core';
import { organizationScope, permissionParameterName } from './organization-scope.sql';

describe('the organization scope as SQL text (for modules not yet on the data layer)', () => {
  it('turns grants into SQL: nothing, everything, or subtrees and own organizations', () => {
    const grants = (list: Principal['grants'] extends ReadonlyMap<string, infer G> ? G : never): Principal => ({ ...ANONYMOUS, kind: 'user', grants: new Map([['p', list]]) });
    expect(organizationScope(ANONYMOUS, 'p', 'o.path', 'o.id')).toEqual({ sql: 'FALSE', params: {} });
    expect(organizationScope(grants([{ scope: 'ALL', organizationId: null, organizationPath: null }]), 'p', 'o.path', 'o.id')).toEqual({ sql: 'TRUE', params: {} });
    const mixed = organizationScope(
      grants([
        { scope: 'ORG_SUBTREE', organizationId: 'a', organizationPath: 'x.y' },
        { scope: 'OWN_ORG', organizationId: 'b', organizationPath: 'x.z' },
      ]),
      'p',
      'o.path',
      'o.id',
    );
    expect(mixed.sql).toBe('((o.path <@ ANY(CAST(:scope_p_1 AS ltree[]))) OR (o.id = ANY(CAST(:scope_p_2 AS uuid[]))))');
    expect(mixed.params).toEqual({ scope_p_1: ['x.y'], scope_p_2: ['b'] });
  });

  it('names scope parameters by permission: no counter, no clash between permissions in one query, the same SQL on every call', () => {
    const principal: Principal = {
      ...ANONYMOUS,
      kind: 'user',
      grants: new Map([
        ['risk.hazard:read', [{ scope: 'ORG_SUBTREE', organizationId: 'a', organizationPath: 'town.v1' }]],
        ['risk.hazard:manage', [{ scope: 'OWN_ORG', organizationId: 'b', organizationPath: 'town.v2' }]],
      ]),
    };
    const read = organizationScope(principal, 'risk.hazard:read', 'h_o.path', 'h_o.id');
    const manage = organizationScope(principal, 'risk.hazard:manage', 'o.path', 'o.id');
    expect(read.params).toEqual({ scope_risk_2e_hazard_3a_read_1: ['town.v1'] });
    expect(manage.params).toEqual({ scope_risk_2e_hazard_3a_manage_1: ['b'] });
    // The same call again gives the same SQL and parameters; merged with another permission's, nothing is overwritten.
    expect(organizationScope(principal, 'risk.hazard:read', 'h_o.path', 'h_o.id')).toEqual(read);
    expect(Object.keys({ ...read.params, ...manage.params })).toHaveLength(2);
    // One to one: permissions that differ only in punctuation get different names.
    expect(permissionParameterName('a.b:c')).toBe('a_2e_b_3a_c');
    expect(permissionParameterName('a_b_c')).toBe('a_5f_b_5f_c');
    expect(permissionParameterName('risk.hazard:read')).toMatch(/^[A-Za-z0-9_]+$/);
  });
});
