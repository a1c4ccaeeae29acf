import type { Principal } from '@platform/core';
import { assignmentsOfPrincipal, assignmentsOfRole, governedSql } from './reach';

const actor: Principal = {
  kind: 'user',
  id: 'u1',
  displayName: '村应急专干',
  roles: ['village-officer'],
  grants: new Map([
    ['access.user:write', [{ scope: 'ORG_SUBTREE', organizationId: 'v1', organizationPath: 'town.v1' }]],
    ['access.role:read', [{ scope: 'OWN_ORG', organizationId: 'v1', organizationPath: 'town.v1' }]],
    ['risk.hazard:read', [{ scope: 'ORG_SUBTREE', organizationId: 'v1', organizationPath: 'town.v1' }]],
  ]),
};

describe('governedSql parameter names', () => {
  it('are the same on every call: no counter kept between calls', () => {
    const first = governedSql(actor, 'access.user:write', assignmentsOfPrincipal('user', 'u'), 'u.organization_id');
    const second = governedSql(actor, 'access.user:write', assignmentsOfPrincipal('user', 'u'), 'u.organization_id');
    expect(second).toEqual(first);
    expect(Object.keys(first.params).sort()).toEqual([
      'reachHeldOrganizations',
      'reachHeldPaths',
      'reachHeldPermissions',
      'reachHeldScopes',
      'scope_access_2e_user_3a_write_1',
    ]);
  });

  it('do not clash when two conditions share a query: a shared name carries the same value', () => {
    const users = governedSql(actor, 'access.user:write', assignmentsOfPrincipal('user', 'u'), 'u.organization_id');
    const roles = governedSql(actor, 'access.role:read', assignmentsOfRole('r'));
    for (const name of Object.keys(users.params).filter((n) => n in roles.params)) expect(roles.params[name]).toEqual(users.params[name]);
    // Each permission's scope has its own names.
    expect(roles.params).toMatchObject({ scope_access_2e_role_3a_read_1: ['v1'] });
    expect(users.params).toMatchObject({ scope_access_2e_user_3a_write_1: ['town.v1'] });
    expect(roles.params['reachHeldPermissions']).toEqual(['access.user:write', 'access.role:read', 'risk.hazard:read']);
  });
});
