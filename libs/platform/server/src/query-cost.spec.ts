import fc from 'fast-check';
import { buildSchema, getOperationAST, parse, validate, type DocumentNode } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { DEFAULT_PAGE_SIZE } from '@platform/core';
import { costOf, costPlan } from './query-cost';

const schema = buildSchema(`
  type Query { organizations(first: Int = 20, after: String): OrgConnection!, organization(id: ID!): Org }
  type OrgConnection { totalCount: Int!, edges: [OrgEdge!]! }
  type OrgEdge { cursor: String!, node: Org! }
  type Org { id: ID!, name: String!, parent: Org, descendants(first: Int = 20): OrgConnection!, hazards(first: Int = 20): HazardConnection! }
  type HazardConnection { totalCount: Int!, edges: [HazardEdge!]! }
  type HazardEdge { node: Hazard! }
  type Hazard { id: ID!, title: String! }
`);

/** Armor's own figure for a document's first operation (its rule reports the cost it accepts). */
function armorCost(document: DocumentNode): number {
  let cost = NaN;
  validate(schema, document, [costLimitRule({ maxCost: Number.MAX_SAFE_INTEGER, onAccept: [(_ctx, { n }) => (cost = n)] })]);
  return cost;
}

const ours = (source: string, variables: Record<string, unknown> = {}): number => {
  const document = parse(source);
  return costOf(costPlan(schema, document, getOperationAST(document)!), variables);
};

/** A selection on Org with every page size written out: armor and the platform then agree. */
type Sel = { k: 'id' | 'frag' } | { k: 'descendants' | 'hazards'; n: number; sub: Sel[] } | { k: 'parent' | 'inline'; sub: Sel[] };

const selections: fc.Arbitrary<Sel[]> = fc.letrec<{ list: Sel[]; sel: Sel }>((tie) => ({
  list: fc.array(tie('sel'), { minLength: 1, maxLength: 3 }),
  sel: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Sel>({ k: 'id' }, { k: 'frag' }),
    fc.record({ k: fc.constantFrom('descendants' as const, 'hazards' as const), n: fc.integer({ min: -2, max: 100 }), sub: tie('list') }),
    fc.record({ k: fc.constantFrom('parent' as const, 'inline' as const), sub: tie('list') }),
  ),
})).list;

/** The document, with each page size as a literal or as a variable (collected into `variables`). */
function render(list: Sel[], top: number, asVariables: boolean): { source: string; variables: Record<string, number> } {
  const variables: Record<string, number> = {};
  const size = (n: number): string => {
    if (!asVariables) return String(n);
    const name = `v${Object.keys(variables).length}`;
    variables[name] = n;
    return `$${name}`;
  };
  const sel = (s: Sel): string => {
    switch (s.k) {
      case 'id':
        return 'id name';
      case 'frag':
        return '...OrgFields';
      case 'parent':
        return `parent { ${s.sub.map(sel).join(' ')} }`;
      case 'inline':
        return `... on Org { ${s.sub.map(sel).join(' ')} }`;
      case 'hazards':
        return `hazards(first: ${size(s.n)}) { totalCount edges { node { id title } } }`;
      default:
        return `descendants(first: ${size(s.n)}) { edges { node { ${s.sub.map(sel).join(' ')} } } }`;
    }
  };
  const body = `organizations(first: ${size(top)}) { totalCount edges { cursor node { ${list.map(sel).join(' ')} } } }`;
  const fragment = `fragment OrgFields on Org { id hazards(first: ${size(7)}) { edges { node { title } } } }`;
  const declared = Object.keys(variables).map((v) => `$${v}: Int`);
  return { source: `query Q${declared.length ? `(${declared.join(', ')})` : ''} { ${body} } ${fragment}`, variables };
}

describe('query cost', () => {
  it("equals graphql-armor's figure when every page size is a literal", () => {
    fc.assert(
      fc.property(selections, fc.integer({ min: 1, max: 100 }), (list, top) => {
        const { source } = render(list, top, false);
        // Armor refuses (throws) a cost beyond Number.MAX_SAFE_INTEGER, its largest limit: deep selections
        // of 100-row pages reach it (about one run in a few hundred), so the two are compared below it.
        const mine = ours(source);
        fc.pre(mine < Number.MAX_SAFE_INTEGER / 2);
        // Equal up to float rounding: the plan adds the same terms in another order.
        expect(mine / armorCost(parse(source))).toBeCloseTo(1, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('counts page sizes given in variables as the same literals would count', () => {
    fc.assert(
      fc.property(selections, fc.integer({ min: 1, max: 100 }), (list, top) => {
        const literal = render(list, top, false);
        const variable = render(list, top, true);
        expect(ours(variable.source, variable.variables)).toBe(ours(literal.source));
      }),
      { numRuns: 300 },
    );
  });

  it("counts an omitted page size as the argument's default, and a missing or null variable likewise", () => {
    const omitted = ours('{ organizations { edges { node { hazards { edges { node { id } } } } } } }');
    const written = ours('{ organizations(first: 20) { edges { node { hazards(first: 20) { edges { node { id } } } } } } }');
    expect(omitted).toBe(written);
    // Armor counted the omitted sizes as 1.
    expect(armorCost(parse('{ organizations { edges { node { hazards { edges { node { id } } } } } } }'))).toBeLessThan(omitted / 100);
    const query = 'query($f: Int) { organizations(first: $f) { edges { node { hazards(first: $f) { edges { node { id } } } } } } }';
    expect(ours(query, {})).toBe(written);
    expect(ours(query, { f: null })).toBe(written);
    expect(ours('query($f: Int = 20) { organizations(first: $f) { edges { node { hazards(first: $f) { edges { node { id } } } } } } }', {})).toBe(written);
    // A value that will not coerce is refused at execution: the cost counts the default meanwhile.
    expect(ours(query, { f: '100' })).toBe(written);
  });

  it('counts `last` as `first`, and a connection given neither (no schema default: either may come alone) as DEFAULT_PAGE_SIZE', () => {
    const both = buildSchema(`
      type Query { orgs(first: Int, after: String, last: Int, before: String): OrgConnection! }
      type OrgConnection { edges: [OrgEdge!]! }
      type OrgEdge { node: Org! }
      type Org { id: ID!, hazards(first: Int, after: String, last: Int, before: String): HazardConnection! }
      type HazardConnection { edges: [HazardEdge!]! }
      type HazardEdge { node: Hazard! }
      type Hazard { id: ID! }
    `);
    const cost = (source: string, variables: Record<string, unknown> = {}): number => {
      const document = parse(source);
      return costOf(costPlan(both, document, getOperationAST(document)!), variables);
    };
    const sized = (outer: string, inner: string) => cost(`{ orgs${outer} { edges { node { hazards${inner} { edges { node { id } } } } } } }`);
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(sized('', '')).toBe(sized('(first: 20)', '(first: 20)'));
    expect(sized('(last: 5)', '(last: 3, before: "x")')).toBe(sized('(first: 5)', '(first: 3)'));
    // A size given is the size: an omitted `last` beside `first: 5` adds nothing.
    expect(sized('(first: 5)', '(first: 3)')).toBeLessThan(sized('(first: 20)', '(first: 3)'));
    const query = 'query($l: Int) { orgs(last: $l) { edges { node { hazards(last: $l) { edges { node { id } } } } } } }';
    expect(cost(query, { l: 7 })).toBe(sized('(first: 7)', '(first: 7)'));
    expect(cost(query, {})).toBe(sized('', ''));
    expect(cost(query, { l: null })).toBe(sized('', ''));
  });

  it('multiplies nested page sizes (the review: 100 × 100 × 100 through variables)', () => {
    const query = 'query($f: Int) { organizations(first: $f) { edges { node { descendants(first: $f) { edges { node { hazards(first: $f) { edges { node { id title } } } } } } } } } }';
    const literal = query.replace('($f: Int)', '').replaceAll('$f', '100');
    expect(ours(query, { f: 100 })).toBe(armorCost(parse(literal)));
    expect(ours(query, { f: 100 })).toBeGreaterThan(3_000_000);
    expect(ours(query, { f: 5 })).toBeLessThan(3_000_000);
  });

  it('leaves out __schema and evaluates a shared fragment once per request', () => {
    expect(ours('{ __schema { types { name } } }')).toBe(0);
    // 2^15 spreads if each were walked anew; the plan reuses each fragment's cost.
    const chain = Array.from({ length: 15 }, (_, i) => `fragment F${i} on Org { id ${i < 14 ? `a: parent { ...F${i + 1} } b: parent { ...F${i + 1} }` : `hazards(first: $f) { totalCount }`} }`).join(' ');
    const source = `query($f: Int) { organization(id: "1") { ...F0 } } ${chain}`;
    const started = process.hrtime.bigint();
    const cost = ours(source, { f: 3 });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(200);
    expect(cost / armorCost(parse(source.replace('($f: Int)', '').replace('$f', '3')))).toBeCloseTo(1, 12);
  });
});
