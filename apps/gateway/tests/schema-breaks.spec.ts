// tools/ is not an Nx project, so the module-boundaries rule cannot place it; the schema break check's pure part is tested here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { breakingChanges, schemaChanges, validateAllowList, type AllowedBreak } from '../../../tools/schema-breaks';

const BASE = `
"""A hazard"""
type Hazard {
  id: ID!
  """Its title"""
  title: String!
  level: Level!
}

enum Level {
  MAJOR
  MINOR
}

type Query {
  hazard(id: ID!): Hazard
  hazards: [Hazard!]!
}
`;

const REMOVED = 'Field \'hazards\' was removed from object type \'Query\'';

describe('breakingChanges', () => {
  it('reports a removed field', async () => {
    const changed = BASE.replace('  hazards: [Hazard!]!\n', '');
    await expect(breakingChanges(BASE, changed, [])).resolves.toEqual([
      { type: 'FIELD_REMOVED', path: 'Query.hazards', message: REMOVED },
    ]);
  });

  it('passes a removed field listed with a reason', async () => {
    const changed = BASE.replace('  hazards: [Hazard!]!\n', '');
    const allow: AllowedBreak[] = [{ path: 'Query.hazards', message: REMOVED, reason: 'replaced by hazardPage, unused since 0.1' }];
    await expect(breakingChanges(BASE, changed, allow)).resolves.toEqual([]);
  });

  it('matches path and message exactly', async () => {
    const changed = BASE.replace('  hazards: [Hazard!]!\n', '');
    const allow: AllowedBreak[] = [{ path: 'Query.hazard', message: REMOVED, reason: 'wrong path' }];
    await expect(breakingChanges(BASE, changed, allow)).resolves.toHaveLength(1);
  });

  it('refuses an entry without a reason', async () => {
    const changed = BASE.replace('  hazards: [Hazard!]!\n', '');
    const allow: AllowedBreak[] = [{ path: 'Query.hazards', message: REMOVED, reason: ' ' }];
    await expect(breakingChanges(BASE, changed, allow)).rejects.toThrow('schema-breaks.json[0] has no reason');
  });

  it('passes an added field', async () => {
    const changed = BASE.replace('  level: Level!\n', '  level: Level!\n  deadline: String\n');
    await expect(breakingChanges(BASE, changed, [])).resolves.toEqual([]);
  });

  it('passes a changed description', async () => {
    const changed = BASE.replace('"""Its title"""', '"""Its short title"""');
    await expect(breakingChanges(BASE, changed, [])).resolves.toEqual([]);
  });

  it('passes an identical schema', async () => {
    await expect(breakingChanges(BASE, BASE, [])).resolves.toEqual([]);
  });
});

describe('schemaChanges', () => {
  it('sorts an added enum value as dangerous, not breaking', async () => {
    const changed = BASE.replace('  MINOR\n', '  MINOR\n  GENERAL\n');
    const { breaking, dangerous } = await schemaChanges(BASE, changed);
    expect(breaking).toEqual([]);
    expect(dangerous).toEqual([expect.objectContaining({ type: 'ENUM_VALUE_ADDED', path: 'Level.GENERAL' })]);
  });

  it('sorts a changed field type as breaking', async () => {
    const changed = BASE.replace('title: String!', 'title: String');
    const { breaking } = await schemaChanges(BASE, changed);
    expect(breaking).toEqual([expect.objectContaining({ type: 'FIELD_TYPE_CHANGED', path: 'Hazard.title' })]);
  });
});

describe('validateAllowList', () => {
  it('accepts the empty list and complete entries', () => {
    expect(validateAllowList([])).toEqual([]);
    const entry = { path: 'Query.hazards', message: REMOVED, reason: 'no client uses it' };
    expect(validateAllowList([entry])).toEqual([entry]);
  });

  it('refuses an entry without a reason, naming it', () => {
    expect(() => validateAllowList([{ path: 'Query.hazards', message: REMOVED }])).toThrow(
      'schema-breaks.json[0] has no reason',
    );
    expect(() => validateAllowList([{ path: 'Query.hazards', message: REMOVED, reason: '' }])).toThrow('has no reason');
  });

  it('refuses what is not a list of entries', () => {
    expect(() => validateAllowList({})).toThrow('must be an array');
    expect(() => validateAllowList(['Query.hazards'])).toThrow('schema-breaks.json[0] is not an object');
    expect(() => validateAllowList([{ message: REMOVED, reason: 'x' }])).toThrow('has no path');
    expect(() => validateAllowList([{ path: 'Query.hazards', reason: 'x' }])).toThrow('has no message');
  });
});
