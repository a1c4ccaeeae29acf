import { ParamNames, compile, join, list, positional, raw, sql } from './sql';

describe('sql fragments', () => {
  it('turns values into named parameters and splices fragments with theirs', () => {
    const status = 'REPORTED';
    const scope = sql`h.organization_id = ANY(${['a', 'b']})`;
    const out = compile(sql`SELECT 1 FROM hazard h WHERE h.status = ${status} AND ${scope} AND h.grade = ${'MAJOR'}`);
    expect(out).toEqual({ text: 'SELECT 1 FROM hazard h WHERE h.status = :p1 AND h.organization_id = ANY(:p2) AND h.grade = :p3', params: { p1: 'REPORTED', p2: ['a', 'b'], p3: 'MAJOR' } });
  });

  it('joins conditions, TRUE when there are none, and never reuses a name within a statement', () => {
    expect(compile(join([], ' AND '))).toEqual({ text: 'TRUE', params: {} });
    const names = new ParamNames('q');
    const both = compile(join([sql`a = ${1}`, sql`b = ${2}`, raw('c IS NULL')], ' AND '), names);
    expect(both).toEqual({ text: '((a = :q1) AND (b = :q2) AND (c IS NULL))', params: { q1: 1, q2: 2 } });
    // OR inside a joined condition keeps its meaning.
    expect(compile(join([sql`a = ${1} OR b = ${2}`, raw('c')], ' AND ')).text).toBe('((a = :p1 OR b = :p2) AND (c))');
    // …also an OR spliced into an AND.
    expect(compile(sql`x AND ${join([raw('a'), raw('b')], ' OR ')}`).text).toBe('x AND ((a) OR (b))');
    expect(names.next()).toBe('q3');
  });

  it('writes positional parameters in the order the values appear, nested fragments included', () => {
    const scope = sql`t.organization_id = ANY(${['a', 'b']})`;
    expect(positional(sql`SELECT ${list([raw('t.id'), sql`${'x'}::text AS tag`])} FROM t WHERE ${scope} AND t.n = ${3}::int`)).toEqual({
      text: 'SELECT t.id, $1::text AS tag FROM t WHERE t.organization_id = ANY($2) AND t.n = $3::int',
      values: ['x', ['a', 'b'], 3],
    });
    // The same value twice is two parameters; a list of nothing is empty text.
    expect(positional(sql`${1} = ${1}${list([])}`)).toEqual({ text: '$1 = $2', values: [1, 1] });
  });
});
