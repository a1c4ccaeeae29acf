import { getOperationAST, parse } from 'graphql';
import { unstorableLiteral, unstorableVariable } from './input-text';

const operation = (source: string) => getOperationAST(parse(source))!;

describe('text PostgreSQL cannot store', () => {
  const op = operation('query($input: In, $tags: [String], $s: String) { a }');

  it('names the variable path of a NUL byte or an unpaired surrogate, in values and in object keys', () => {
    expect(unstorableVariable(op, { input: { title: 'ok', body: 'a\u0000b' } })).toEqual({ path: 'variables.input.body', message: 'must not contain NUL characters (\\u0000).' });
    expect(unstorableVariable(op, { tags: ['x', 'y\ud800'] })).toEqual({ path: 'variables.tags.1', message: 'must not contain unpaired UTF-16 surrogates.' });
    expect(unstorableVariable(op, { input: { geo: { 'k\u0000': 1 } } })?.path).toBe('variables.input.geo.k\u0000');
    expect(unstorableVariable(op, { s: '\udc00' })?.path).toBe('variables.s');
  });

  it('accepts proper surrogate pairs, other control characters and undeclared variables', () => {
    expect(unstorableVariable(op, { s: '隐患😀\t\u0001', input: { n: 1, b: true, z: null } })).toBeNull();
    expect(unstorableVariable(op, { other: '\u0000' })).toBeNull();
  });

  it('walks deeply nested variables without running out of stack', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableVariable(op, { tags: deep })?.path).toMatch(/^variables\.tags(\.0)+$/);
  });

  it('names the field, argument and input fields of a NUL literal in the document', () => {
    expect(unstorableLiteral(parse('{ ok: hazards(filter: { search: "x" }) { n } hazards(filter: { search: "a\\u0000b" }) { n } }'))?.path).toBe('hazards.filter.search');
    expect(unstorableLiteral(parse('mutation { r: reportHazard(input: { tags: ["a", """\u0000"""] }) { id } }'))?.path).toBe('r.input.tags.1');
    expect(unstorableLiteral(parse('query($s: String = "\\u0000") { a }'))?.path).toBe('variables.s');
    expect(unstorableLiteral(parse('{ a { ...F } } fragment F on A { b(s: "\\u0000") }'))?.path).toBe('F.b.s');
    expect(unstorableLiteral(parse('{ a(s: "隐患 \\uD83D\\uDE00") { ... on A { b(s: "x") } } }'))).toBeNull();
  });
});
