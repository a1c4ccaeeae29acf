import { ALL_ROWS, NO_ROWS, SYSTEM, compile, type Principal } from '@platform/core';
import { grantsBeyond, holdsAt } from './reach';
import { assignmentsOfPrincipal, assignmentsOfRole, reachSql } from './reach.sql';

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

describe('reachSql', () => {
  it('is the same statement on every call: no state kept between calls', () => {
    const first = compile(reachSql(actor, 'access.user:write', assignmentsOfPrincipal('user', 't'), 't.organization_id'));
    const second = compile(reachSql(actor, 'access.user:write', assignmentsOfPrincipal('user', 't'), 't.organization_id'));
    expect(second).toEqual(first);
  });

  it('passes the actor\'s grants and scope as parameters, never as SQL text', () => {
    const { text, params } = compile(reachSql(actor, 'access.user:write', assignmentsOfPrincipal('user', 't'), 't.organization_id'));
    expect(text).not.toContain('town.v1');
    expect(text).not.toContain('risk.hazard:read');
    expect(Object.values(params)).toEqual(expect.arrayContaining([['access.user:write', 'access.role:read', 'risk.hazard:read'], ['town.v1']]));
    // The home organization and every assignment of the account are checked.
    expect(text).toContain("ra.principal_kind = 'user' AND ra.principal_id = t.id");
    expect(text).toContain('t.organization_id IN (SELECT so.id FROM organization so WHERE');
  });

  it('covers a role\'s assignments without a home organization', () => {
    const { text } = compile(reachSql(actor, 'access.role:read', assignmentsOfRole('t')));
    expect(text).toContain('ra.role_id = t.id');
    expect(text).not.toContain('so.id');
  });

  it('is everything for the system and nothing without the permission', () => {
    expect(reachSql(SYSTEM, 'access.user:write', assignmentsOfRole('t'))).toBe(ALL_ROWS);
    expect(reachSql(actor, 'access.api-client:write', assignmentsOfRole('t'))).toBe(NO_ROWS);
  });
});

describe('grantsBeyond', () => {
  const inVillage = { id: 'v1', path: 'town.v1' };
  const town = { id: 'town', path: 'town' };
  it('names the permissions the actor does not hold that far at the anchor', () => {
    expect(grantsBeyond(actor, inVillage, [{ permission: 'risk.hazard:read', scope: 'ORG_SUBTREE' }])).toEqual([]);
    expect(grantsBeyond(actor, town, [{ permission: 'risk.hazard:read', scope: 'OWN_ORG' }])).toEqual(['risk.hazard:read']);
    expect(grantsBeyond(actor, inVillage, [{ permission: 'risk.hazard:read', scope: 'ALL' }, { permission: 'access.role:read', scope: 'OWN_ORG' }])).toEqual(['risk.hazard:read']);
    expect(holdsAt(actor, 'access.role:read', 'ORG_SUBTREE', inVillage)).toBe(false);
  });
});
