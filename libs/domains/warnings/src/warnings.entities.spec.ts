import { ANONYMOUS, SYSTEM, compile, rowScopeSql, type Principal } from '@platform/core';
import { WarningDeliveries, WarningResponseTemplates, Warnings } from './warnings.entities';

const READ = 'rescue.warning:read';
const ISSUE = 'rescue.warning:issue';

const holding = (permission: string, scope: 'ALL' | 'ORG_SUBTREE'): Principal => ({
  ...ANONYMOUS,
  kind: 'user',
  grants: new Map([[permission, [scope === 'ALL' ? { scope, organizationId: null, organizationPath: null } : { scope, organizationId: 'v', organizationPath: 'town.v' }]]]),
});

describe('warning row scope', () => {
  it('reads a record aimed at a target in scope, or issued by an organization in scope', () => {
    expect(compile(rowScopeSql(holding(READ, 'ORG_SUBTREE'), READ, Warnings, 't')).text).toBe(
      '(EXISTS (SELECT 1 FROM warning_target t_wt WHERE t_wt.warning_id = t.id AND t_wt.organization_id IN (SELECT so.id FROM organization so WHERE (so.path <@ ANY(CAST(:p1 AS ltree[]))))) OR t.issuer_organization_id IN (SELECT so.id FROM organization so WHERE (so.path <@ ANY(CAST(:p2 AS ltree[])))))',
    );
  });

  it('changes a record (update, cancel) where its issuer is in scope', () => {
    expect(compile(rowScopeSql(holding(ISSUE, 'ORG_SUBTREE'), ISSUE, Warnings, 't')).text).toBe('t.issuer_organization_id IN (SELECT so.id FROM organization so WHERE (so.path <@ ANY(CAST(:p1 AS ltree[]))))');
  });

  it('needs no subquery when everything or nothing is in scope', () => {
    expect(compile(rowScopeSql(holding(READ, 'ALL'), READ, Warnings, 't')).text).toBe('TRUE');
    expect(compile(rowScopeSql(ANONYMOUS, READ, Warnings, 't')).text).toBe('FALSE');
    expect(compile(rowScopeSql(holding(ISSUE, 'ALL'), READ, Warnings, 't')).text).toBe('FALSE');
    expect(compile(rowScopeSql(SYSTEM, READ, Warnings, 't')).text).toBe('TRUE');
  });

  it('keeps deliveries at their organization, templates town-wide', () => {
    expect(compile(rowScopeSql(holding(READ, 'ORG_SUBTREE'), READ, WarningDeliveries, 't')).text).toBe('t.organization_id IN (SELECT so.id FROM organization so WHERE (so.path <@ ANY(CAST(:p1 AS ltree[]))))');
    expect(compile(rowScopeSql(holding(READ, 'ORG_SUBTREE'), READ, WarningResponseTemplates, 't')).text).toBe('TRUE');
  });
});
