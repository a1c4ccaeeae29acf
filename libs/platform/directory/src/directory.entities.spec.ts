import { ANONYMOUS, SYSTEM, compile, rowScopeSql, type Principal } from '@platform/core';
import { Organizations, Persons, Positions, TrainingRecords } from './directory.entities';
import { DirectoryPermission } from './permissions';

type Grant = Principal['grants'] extends ReadonlyMap<string, infer G> ? G : never;
const READ = DirectoryPermission.PersonRead;
const holding = (grants: Grant): Principal => ({ ...ANONYMOUS, kind: 'user', grants: new Map([[READ, grants]]) });
const everywhere = holding([{ scope: 'ALL', organizationId: null, organizationPath: null }]);
const village = holding([{ scope: 'ORG_SUBTREE', organizationId: 'v', organizationPath: 'town.v' }]);
const scopeOf = (principal: Principal, def: Parameters<typeof rowScopeSql>[2]) => compile(rowScopeSql(principal, READ, def, 't'));

describe('the directory\'s row scope declarations', () => {
  it('puts a person in scope through a current position in an organization in scope', () => {
    expect(scopeOf(village, Persons)).toEqual({
      text: 'EXISTS (SELECT 1 FROM person_position t_pp WHERE t_pp.person_id = t.id AND t_pp.ended_on IS NULL AND t_pp.organization_id IN (SELECT so.id FROM organization so WHERE (so.path <@ ANY(CAST(:p1 AS ltree[])))))',
      params: { p1: ['town.v'] },
    });
  });

  it('needs no subquery when everything or nothing is in scope, also for trainings reached through their person', () => {
    for (const def of [Persons, TrainingRecords]) {
      expect(scopeOf(everywhere, def).text).toBe('TRUE');
      expect(scopeOf(ANONYMOUS, def).text).toBe('FALSE');
      expect(scopeOf(SYSTEM, def).text).toBe('TRUE');
    }
  });

  it('reaches a training through its person, with the person rule under its own aliases', () => {
    const { text, params } = scopeOf(village, TrainingRecords);
    expect(text).toBe(
      't.person_id IN (SELECT t_p.id FROM person t_p WHERE EXISTS (SELECT 1 FROM person_position t_p_pp WHERE t_p_pp.person_id = t_p.id AND t_p_pp.ended_on IS NULL AND t_p_pp.organization_id IN (SELECT so.id FROM organization so WHERE (so.path <@ ANY(CAST(:p1 AS ltree[]))))))',
    );
    expect(params).toEqual({ p1: ['town.v'] });
  });

  it('keeps organizations by their own path and id, positions by their organization', () => {
    expect(scopeOf(village, Organizations).text).toBe('(t.path <@ ANY(CAST(:p1 AS ltree[])))');
    expect(scopeOf(village, Positions).text).toBe('t.organization_id IN (SELECT so.id FROM organization so WHERE (so.path <@ ANY(CAST(:p1 AS ltree[]))))');
  });
});
