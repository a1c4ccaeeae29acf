import { ANONYMOUS, SYSTEM, type Grant, type Principal } from '../context/principal';
import { scopeOf, withinSubtree } from './authorization';

const client = (grants: Record<string, Grant[]>): Principal => ({ ...ANONYMOUS, kind: 'api-client', id: 'c', displayName: 'district', grants: new Map(Object.entries(grants)) });
const all: Grant = { scope: 'ALL', organizationId: null, organizationPath: null };
const subtree = (id: string, path: string): Grant => ({ scope: 'ORG_SUBTREE', organizationId: id, organizationPath: path });
const own = (id: string, path: string): Grant => ({ scope: 'OWN_ORG', organizationId: id, organizationPath: path });

/** 文凤村 (town.wenfeng) with its grid (town.wenfeng.g1); 双河村 (town.shuanghe) beside it. */
const WENFENG = { id: 'wenfeng', path: 'town.wenfeng' };

describe('withinSubtree', () => {
  it('narrows each grant to the subtree: ALL and a wider subtree become it, narrower ones and own organizations inside it stay, the rest go', () => {
    const narrowed = withinSubtree(
      client({
        'risk.hazard:read': [all],
        'rescue.plan:read': [subtree('town', 'town')],
        'rescue.duty:read': [subtree('g1', 'town.wenfeng.g1'), subtree('shuanghe', 'town.shuanghe')],
        'rescue.team:write': [own('wenfeng', 'town.wenfeng'), own('shuanghe', 'town.shuanghe')],
        'directory.person:read': [own('shuanghe', 'town.shuanghe')],
      }),
      WENFENG,
    );
    expect(Object.fromEntries(narrowed.grants)).toEqual({
      'risk.hazard:read': [subtree('wenfeng', 'town.wenfeng')],
      'rescue.plan:read': [subtree('wenfeng', 'town.wenfeng')],
      'rescue.duty:read': [subtree('g1', 'town.wenfeng.g1')],
      'rescue.team:write': [own('wenfeng', 'town.wenfeng')],
    });
    expect(scopeOf(narrowed, 'directory.person:read')).toBeNull();
    expect(narrowed).toMatchObject({ kind: 'api-client', id: 'c', displayName: 'district' });
  });

  it('does not take a sibling whose path starts with the same letters for a descendant', () => {
    const narrowed = withinSubtree(client({ 'risk.hazard:read': [subtree('wenfeng2', 'town.wenfeng2'), own('wenfeng2', 'town.wenfeng2')] }), WENFENG);
    expect(narrowed.grants.size).toBe(0);
  });

  it('refuses the system principal, which holds everything without grants', () => {
    expect(() => withinSubtree(SYSTEM, WENFENG)).toThrow('system principal');
  });
});
