import { ANONYMOUS, SYSTEM, type Principal } from '../context/principal';
import { defineScopedEntity, isScopedEntity, rowScopeSql } from './entity';
import { ALL_ROWS } from './organization-scope';
import { compile } from '../sql/sql';

class Parent {}
class Child {}
class Note {}

const READ = 'x:read';
const Parents = defineScopedEntity(Parent, { table: 'parent', scope: { organizationColumn: 'organization_id' }, read: READ });
const Children = defineScopedEntity(Child, { table: 'child', scope: { through: { entity: Parents, column: 'parent_id' } }, read: READ });
const Notes = defineScopedEntity(Note, { table: 'note', scope: { through: { entity: Children, column: 'child_id' } }, read: READ });
const Everyone = defineScopedEntity(Parent, { table: 'code_list', scope: { custom: () => ALL_ROWS }, read: READ });
const OfEveryone = defineScopedEntity(Child, { table: 'code_use', scope: { through: { entity: Everyone, column: 'code' } }, read: READ });

const holding = (scope: 'ALL' | 'ORG_SUBTREE'): Principal => ({
  ...ANONYMOUS,
  kind: 'user',
  grants: new Map([[READ, [scope === 'ALL' ? { scope, organizationId: null, organizationPath: null } : { scope, organizationId: 'v', organizationPath: 'town.v' }]]]),
});

describe('row scope through a parent', () => {
  it('nests one subquery per level when the scope is part of the tree', () => {
    expect(compile(rowScopeSql(holding('ORG_SUBTREE'), READ, Notes, 't')).text).toBe(
      't.child_id IN (SELECT t_p.id FROM child t_p WHERE t_p.parent_id IN (SELECT t_p_p.id FROM parent t_p_p WHERE t_p_p.organization_id IN (SELECT so.id FROM organization so WHERE (so.path <@ ANY(CAST(:p1 AS ltree[]))))))',
    );
  });

  it('needs no subquery at any level when every parent or none is in scope', () => {
    expect(compile(rowScopeSql(holding('ALL'), READ, Notes, 't')).text).toBe('TRUE');
    expect(compile(rowScopeSql(ANONYMOUS, READ, Notes, 't')).text).toBe('FALSE');
    expect(compile(rowScopeSql(SYSTEM, READ, Notes, 't')).text).toBe('TRUE');
    // A custom rule answering with the constant counts as "every parent".
    expect(compile(rowScopeSql(holding('ORG_SUBTREE'), READ, OfEveryone, 't')).text).toBe('TRUE');
  });
});

describe('row scope without the permission', () => {
  it('is nothing whatever the declared rule, a custom rule of every row too', () => {
    const other: Principal = { ...ANONYMOUS, kind: 'user', grants: new Map([['y:read', [{ scope: 'ALL', organizationId: null, organizationPath: null }]]]) };
    expect(compile(rowScopeSql(other, READ, Everyone, 't')).text).toBe('FALSE');
    expect(compile(rowScopeSql(ANONYMOUS, READ, Everyone, 't')).text).toBe('FALSE');
    expect(compile(rowScopeSql(holding('ORG_SUBTREE'), READ, Everyone, 't')).text).toBe('TRUE');
    expect(compile(rowScopeSql(SYSTEM, READ, Everyone, 't')).text).toBe('TRUE');
  });
});


describe('declarations', () => {
  it('tells a declaration made by defineScopedEntity from a look-alike', () => {
    expect(isScopedEntity(Parents)).toBe(true);
    expect(isScopedEntity({ ...Parents })).toBe(false);
    expect(isScopedEntity(null)).toBe(false);
    expect(isScopedEntity('Parent')).toBe(false);
  });
});
