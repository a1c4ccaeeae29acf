import fc from 'fast-check';
import { rawQuery, startTestGateway, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * Property: over random queries on the seeded demo town (random fields, aliases, fragments, nested
 * pages and references, page arguments, orders, filters and cursors, by users of different reach),
 * the read compiler's response is byte for byte the resolvers' one (`x-read-compiler: off`), and
 * most of those queries are indeed compiled: into one statement each when they select only columns,
 * SQL forms and declared relations.
 */

/** A type's fields as the generator picks them. */
interface TypeSpec {
  /** Leaves the compiler writes from a column or a SQL form (`nodeId`, `overdue`). */
  readonly scalars: readonly string[];
  /** Leaves computed in Node (objects, floats, masked values), picked rarely: their resolvers answer them (the whole query, or the field after the statement), compared too. */
  readonly computed: readonly string[];
  /** Declared references (`@ReadsRelation` of a `defineReference`): field → type. */
  readonly references: Readonly<Record<string, string>>;
  /** Declared child pages (`@ReadsRelation` of a `defineChildPages`): field → node type; `kinds` for organizations' children. */
  readonly pages: Readonly<Record<string, { readonly type: string; readonly kinds?: boolean }>>;
}

const RECORD = ['id', 'nodeId', 'createdAt', 'updatedAt', 'version'];
const TYPES: Readonly<Record<string, TypeSpec>> = {
  Organization: {
    scalars: [...RECORD, 'name', 'shortName', 'kind', 'code', 'parentId', 'depth', 'address', 'archivedAt'],
    computed: ['location { longitude latitude }', 'ancestors { id }', 'contacts { name role }'],
    references: { parent: 'Organization' },
    pages: { children: { type: 'Organization', kinds: true }, hazards: { type: 'Hazard' }, positions: { type: 'Position' } },
  },
  Hazard: {
    scalars: [
      ...RECORD,
      'title',
      'description',
      'category',
      'source',
      'foundAt',
      'status',
      'grade',
      'criteriaReference',
      'measures',
      'emergencyMeasures',
      'responsiblePersonId',
      'funds',
      'deadline',
      'listedSupervision',
      'closedAt',
      'organizationId',
      'overdue',
    ],
    computed: ['location { longitude }'],
    references: { organization: 'Organization', responsiblePerson: 'Person' },
    pages: { history: { type: 'HazardEvent' } },
  },
  HazardEvent: {
    scalars: ['id', 'nodeId', 'action', 'actorId', 'actorKind', 'at', 'fromStatus', 'toStatus', 'note', 'hazardId'],
    computed: ['attachments { id }'],
    references: { hazard: 'Hazard' },
    pages: {},
  },
  RiskPoint: {
    scalars: [...RECORD, 'name', 'category', 'level', 'description', 'reviewDue', 'threatenedHouseholds', 'threatenedPeople', 'monitorPersonId', 'archivedAt', 'organizationId'],
    computed: ['measures { kind description }', 'location { latitude }'],
    references: { organization: 'Organization', monitorPerson: 'Person' },
    pages: {},
  },
  Shelter: {
    scalars: [...RECORD, 'name', 'type', 'capacity', 'address', 'dualUse', 'status', 'archivedAt', 'organizationId'],
    computed: ['areaM2', 'lastInspectedOn'],
    references: { organization: 'Organization' },
    pages: { inspections: { type: 'ShelterInspection' } },
  },
  ShelterInspection: {
    scalars: ['id', 'nodeId', 'createdAt', 'inspectedOn', 'result', 'findings', 'inspectorPersonId', 'shelterId'],
    computed: [],
    references: { shelter: 'Shelter', inspector: 'Person' },
    pages: {},
  },
  Consultation: {
    scalars: [...RECORD, 'kind', 'heldOn', 'title', 'topics', 'conclusions', 'otherParticipants', 'archivedAt', 'organizationId'],
    computed: [],
    references: { organization: 'Organization' },
    pages: { departments: { type: 'Organization' }, actionItems: { type: 'ConsultationActionItem' } },
  },
  ConsultationActionItem: {
    scalars: [...RECORD, 'consultationId', 'description', 'doneOn', 'dueOn', 'note', 'status', 'ownerOrganizationId', 'ownerPersonId'],
    // `overdue` has no SQL form here (unlike the hazard's `overdue`).
    computed: ['overdue'],
    references: { consultation: 'Consultation', ownerOrganization: 'Organization', owner: 'Person' },
    pages: {},
  },
  Position: {
    scalars: [...RECORD, 'title', 'isLead', 'startedOn', 'endedOn', 'organizationId', 'personId'],
    computed: [],
    references: {},
    pages: {},
  },
  Person: {
    scalars: [...RECORD, 'name', 'gender', 'archivedAt'],
    computed: ['phone', 'lastTrainedOn'],
    references: {},
    pages: {},
  },
};

/** The root lists: node type, sort fields (`orderBy`) and a few filters (GraphQL literals). */
const ROOTS: Readonly<Record<string, { readonly type: string; readonly order: readonly string[]; readonly filters: readonly string[] }>> = {
  organizations: { type: 'Organization', order: ['CREATED_AT', 'NAME', 'TREE', 'UPDATED_AT'], filters: ['{ kinds: [VILLAGE, ENTERPRISE] }', '{ includeArchived: true }', '{ search: "村" }'] },
  hazards: { type: 'Hazard', order: ['CLOSED_AT', 'CREATED_AT', 'DEADLINE', 'FOUND_AT', 'GRADE', 'STATUS', 'TITLE', 'UPDATED_AT'], filters: ['{ statuses: [REPORTED, RECTIFYING, CLOSED] }', '{ grade: MAJOR }', '{ overdue: true }'] },
  riskPoints: { type: 'RiskPoint', order: ['CREATED_AT', 'LEVEL', 'NAME', 'REVIEW_DUE', 'UPDATED_AT'], filters: ['{ levels: [RED, ORANGE] }', '{ categories: [GEOLOGICAL, FLOOD] }'] },
  shelters: { type: 'Shelter', order: ['CAPACITY', 'CREATED_AT', 'NAME', 'UPDATED_AT'], filters: ['{ dualUse: true }', '{ minCapacity: 100 }', '{ includeArchived: true }'] },
  consultations: { type: 'Consultation', order: ['CREATED_AT', 'HELD_ON', 'TITLE'], filters: ['{ kinds: [ONE_SEVEN_N] }', '{ includeArchived: true }'] },
};
/** Lookups by id: root field → type. */
const LOOKUPS: Readonly<Record<string, string>> = { organization: 'Organization', hazard: 'Hazard', riskPoint: 'RiskPoint', shelter: 'Shelter' };
const KINDS = ['COMMUNITY', 'DEPARTMENT', 'ENTERPRISE', 'GRID', 'PUBLIC_INSTITUTION', 'TOWN_GOVERNMENT', 'VILLAGE'];
/**
 * Town-wide, one village, one enterprise: different row scopes and permissions. The enterprise's
 * safety manager may not list risk points or consultations (FORBIDDEN, answered by the resolvers), so
 * it is picked less often.
 */
const USERS = ['anban', 'wenfeng', 'sinopec-nanping'] as const;
const anyUser = fc.oneof({ weight: 2, arbitrary: fc.constant(USERS[0]) }, { weight: 2, arbitrary: fc.constant(USERS[1]) }, { weight: 1, arbitrary: fc.constant(USERS[2]) });
/** Nesting below a root: organizations → children → hazards → history → hazard. */
const MAX_DEPTH = 4;

// ------------------------------------------------------------------ generated queries

interface PageArgs {
  /** `invalid`: out of range or both ends, the GraphQL arguments as written. */
  readonly size: { readonly by: 'first' | 'last'; readonly n: number } | { readonly invalid: string } | null;
  readonly cursor: 'after' | 'before' | null;
  readonly orderBy: ReadonlyArray<{ readonly field: string; readonly direction: 'ASC' | 'DESC' | null }> | null;
  readonly filter: string | null;
  readonly kinds: readonly string[] | null;
}
interface Connection {
  readonly totalCount: boolean;
  readonly typename: boolean;
  readonly pageInfo: readonly string[] | null;
  readonly edges: { readonly cursor: boolean; readonly typename: boolean; readonly inline: boolean; readonly node: readonly Sel[] } | null;
  /** Which members get an alias (by position: totalCount, pageInfo, edges, cursor, node). */
  readonly aliases: readonly boolean[];
}
type Sel =
  | { readonly kind: 'leaf'; readonly text: string; readonly alias: boolean }
  | { readonly kind: 'reference'; readonly name: string; readonly alias: boolean; readonly selection: readonly Sel[] }
  | { readonly kind: 'page'; readonly name: string; readonly alias: boolean; readonly args: PageArgs; readonly connection: Connection }
  | { readonly kind: 'inline'; readonly on: string | null; readonly selection: readonly Sel[] }
  | { readonly kind: 'named'; readonly selection: readonly Sel[] }
  | { readonly kind: 'node'; readonly typename: boolean };
type Root =
  | { readonly kind: 'list'; readonly name: string; readonly alias: boolean; readonly args: PageArgs; readonly connection: Connection }
  | { readonly kind: 'lookup'; readonly name: string; readonly alias: boolean; readonly id: number; readonly selection: readonly Sel[] }
  | { readonly kind: 'typename' };

/** An alias now and then (one field in four). */
const alias = fc.nat(3).map((n) => n === 0);

function pageArgs(options: { order?: readonly string[]; filters?: readonly string[]; kinds?: boolean }): fc.Arbitrary<PageArgs> {
  return fc.record({
    size: fc.oneof(
      { weight: 32, arbitrary: fc.record({ by: fc.constantFrom<'first' | 'last'>('first', 'last'), n: fc.integer({ min: 1, max: 5 }) }) },
      { weight: 6, arbitrary: fc.constant(null) },
      // Out of range or both ends: the resolvers' validation error, which the compiler must leave to them.
      { weight: 1, arbitrary: fc.record({ invalid: fc.constantFrom('first: 0', 'last: 101', 'first: 2, last: 2') }) },
    ),
    cursor: fc.constantFrom<PageArgs['cursor']>(null, null, 'after', 'before'),
    orderBy: options.order?.length
      ? fc.option(
          fc.uniqueArray(fc.record({ field: fc.constantFrom(...options.order), direction: fc.constantFrom<'ASC' | 'DESC' | null>('ASC', 'DESC', null) }), { selector: (o) => o.field, minLength: 1, maxLength: 3 }),
          { freq: 2 },
        )
      : fc.constant(null),
    filter: options.filters?.length ? fc.option(fc.constantFrom(...options.filters), { freq: 3 }) : fc.constant(null),
    kinds: options.kinds ? fc.option(fc.uniqueArray(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 3 }), { freq: 2 }) : fc.constant(null),
  });
}

const memo = new Map<string, fc.Arbitrary<readonly Sel[]>>();
/** A selection on an object of `type` at `depth` below the root (arbitraries built once per type and depth). */
function selection(type: string, depth: number): fc.Arbitrary<readonly Sel[]> {
  const key = `${type}:${depth}`;
  const known = memo.get(key);
  if (known) return known;
  const spec = TYPES[type]!;
  const items: Array<fc.WeightedArbitrary<Sel>> = [
    { weight: 80, arbitrary: fc.record({ kind: fc.constant('leaf' as const), text: fc.constantFrom(...spec.scalars), alias }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('leaf' as const), text: fc.constant('__typename'), alias }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('node' as const), typename: fc.boolean() }) },
  ];
  if (spec.computed.length) items.push({ weight: 1, arbitrary: fc.record({ kind: fc.constant('leaf' as const), text: fc.constantFrom(...spec.computed), alias }) });
  if (depth < MAX_DEPTH) {
    for (const [name, target] of Object.entries(spec.references)) {
      items.push({ weight: 12, arbitrary: fc.record({ kind: fc.constant('reference' as const), name: fc.constant(name), alias, selection: selection(target, depth + 1) }) });
    }
    for (const [name, page] of Object.entries(spec.pages)) {
      items.push({ weight: 12, arbitrary: fc.record({ kind: fc.constant('page' as const), name: fc.constant(name), alias, args: pageArgs({ kinds: page.kinds }), connection: connection(page.type, depth) }) });
    }
    // Fragments hold a selection one level shallower, so building the arbitraries ends.
    const inner = selection(type, depth + 1);
    items.push(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('inline' as const), on: fc.constantFrom<string | null>(type, null), selection: inner }) },
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('named' as const), selection: inner }) },
    );
  }
  const arbitrary = fc.array(fc.oneof(...items), { minLength: 1, maxLength: depth ? 6 : 9 });
  memo.set(key, arbitrary);
  return arbitrary;
}

function connection(type: string, depth: number): fc.Arbitrary<Connection> {
  return fc.record({
    totalCount: fc.boolean(),
    typename: fc.boolean(),
    pageInfo: fc.option(fc.subarray(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor', '__typename'], { minLength: 1 })),
    edges: fc.option(fc.record({ cursor: fc.boolean(), typename: fc.boolean(), inline: fc.boolean(), node: selection(type, depth + 1) }), { freq: 8 }),
    aliases: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  });
}

const root: fc.Arbitrary<Root> = fc.oneof(
  ...Object.entries(ROOTS).map(([name, r]) => ({
    weight: 10,
    arbitrary: fc.record({ kind: fc.constant('list' as const), name: fc.constant(name), alias, args: pageArgs(r), connection: connection(r.type, 0) }),
  })),
  ...Object.entries(LOOKUPS).map(([name, type]) => ({
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('lookup' as const), name: fc.constant(name), alias, id: fc.nat(), selection: selection(type, 1) }),
  })),
  { weight: 1, arbitrary: fc.constant({ kind: 'typename' as const }) },
);

/** Where to take a cursor from the first run's response for the second: the connection's response path and its page info's key. */
interface CursorSource {
  readonly variable: string;
  readonly path: readonly string[];
  readonly pageInfo: string;
  readonly member: string;
}
interface Rendered {
  readonly query: string;
  readonly cursors: readonly CursorSource[];
  /** Whether it selects a field computed in Node (`TypeSpec.computed`): then more statements than one may read it. */
  readonly computed: boolean;
}

/** A query's text (one line, so a counterexample reads well) and where its cursor variables come from. */
function render(roots: readonly Root[], ids: Readonly<Record<string, readonly string[]>>): Rendered {
  let aliases = 0;
  let invalid = 0;
  let computed = false;
  const fragments: string[] = [];
  const cursors: CursorSource[] = [];
  // Response keys taken per response path: selection sets at one path merge (fragments, a reference
  // selected twice), so a field with arguments must not reuse a key any of them took.
  const keys = new Map<string, Set<string>>();
  const usedAt = (path: readonly string[]) => {
    const at = path.join('/');
    if (!keys.has(at)) keys.set(at, new Set());
    return keys.get(at)!;
  };
  const named = (name: string, used: Set<string>, wanted: boolean) => {
    // Unaliased fields with arguments must not share a key in one selection set: those get an alias.
    if (!wanted && !used.has(name)) {
      used.add(name);
      return { key: name, text: name };
    }
    const key = `a${++aliases}`;
    return { key, text: `${key}: ${name}` };
  };
  const argsText = (args: PageArgs, path: readonly string[], pageInfo: string | null, cursorKeys: { startCursor: string; endCursor: string }) => {
    const parts: string[] = [];
    // One invalid argument per query at most: with several, which of their errors the resolvers
    // report is a race (see `resolverRace`); the later ones are written as a valid size.
    if (args.size && 'invalid' in args.size) parts.push(invalid++ ? 'first: 1' : args.size.invalid);
    else if (args.size) parts.push(`${args.size.by}: ${args.size.n}`);
    if (args.cursor && pageInfo) {
      const variable = `c${cursors.length + 1}`;
      parts.push(`${args.cursor}: $${variable}`);
      cursors.push({ variable, path, pageInfo, member: args.cursor === 'after' ? cursorKeys.endCursor : cursorKeys.startCursor });
    }
    if (args.orderBy) parts.push(`orderBy: [${args.orderBy.map((o) => `{ field: ${o.field}${o.direction ? `, direction: ${o.direction}` : ''} }`).join(', ')}]`);
    if (args.filter) parts.push(`filter: ${args.filter}`);
    if (args.kinds) parts.push(`kinds: [${args.kinds.join(', ')}]`);
    return parts.length ? `(${parts.join(', ')})` : '';
  };
  const connectionText = (c: Connection, args: PageArgs, path: readonly string[], type: string): { args: string; body: string } => {
    const used = usedAt(path);
    const members: string[] = [];
    const key = (name: string, i: number) => named(name, used, c.aliases[i]!);
    if (c.typename) members.push('__typename');
    if (c.totalCount) members.push(key('totalCount', 0).text);
    // A cursor argument needs the first run's page info: its start and end cursors are then always selected.
    const info = args.cursor ? [...new Set([...(c.pageInfo ?? []), 'startCursor', 'endCursor'])] : c.pageInfo;
    let pageInfo: string | null = null;
    const cursorKeys = { startCursor: 'startCursor', endCursor: 'endCursor' };
    if (info) {
      const p = key('pageInfo', 1);
      pageInfo = p.key;
      const inner = usedAt([...path, p.key]);
      const items = info.map((m) => {
        if (m === '__typename') return m;
        const k = named(m, inner, c.aliases[info.indexOf(m)]!);
        if (m === 'startCursor' || m === 'endCursor') cursorKeys[m] = k.key;
        return k.text;
      });
      members.push(`${p.text} { ${items.join(' ')} }`);
    }
    if (c.edges) {
      const e = key('edges', 2);
      const edge: string[] = [];
      const inner = usedAt([...path, e.key]);
      if (c.edges.cursor) edge.push(named('cursor', inner, c.aliases[3]!).text);
      if (c.edges.typename) edge.push('__typename');
      const n = named('node', inner, c.aliases[4]!);
      edge.push(`${n.text} { ${selectionText(c.edges.node, type, [...path, e.key, n.key])} }`);
      const body = `${e.text} { ${edge.join(' ')} }`;
      members.push(c.edges.inline ? `... { ${body} }` : body);
    }
    if (!members.length) members.push('totalCount');
    return { args: argsText(args, path, pageInfo, cursorKeys), body: members.join(' ') };
  };
  const selectionText = (sels: readonly Sel[], type: string, path: readonly string[]): string =>
    sels
      .map((s) => {
        switch (s.kind) {
          case 'leaf':
            computed ||= TYPES[type]!.computed.includes(s.text);
            return s.alias ? `a${++aliases}: ${s.text}` : s.text;
          case 'node':
            return `... on Node { nodeId${s.typename ? ' __typename' : ''} }`;
          case 'reference': {
            // References have no arguments: unaliased ones merge, as GraphQL merges them.
            const key = s.alias ? `a${++aliases}` : s.name;
            return `${s.alias ? `${key}: ` : ''}${s.name} { ${selectionText(s.selection, TYPES[type]!.references[s.name]!, [...path, key])} }`;
          }
          case 'page': {
            const target = TYPES[type]!.pages[s.name]!.type;
            const k = named(s.name, usedAt(path), s.alias);
            const c = connectionText(s.connection, s.args, [...path, k.key], target);
            return `${k.text}${c.args} { ${c.body} }`;
          }
          case 'inline':
            return `... ${s.on ? `on ${s.on} ` : ''}{ ${selectionText(s.selection, type, path)} }`;
          case 'named': {
            // Its place is taken first: fragments within it are numbered after it.
            const index = fragments.push('') - 1;
            const name = `F${index + 1}`;
            fragments[index] = `fragment ${name} on ${type} { ${selectionText(s.selection, type, path)} }`;
            return `...${name}`;
          }
        }
      })
      .join(' ');
  const fields = roots.map((r) => {
    if (r.kind === 'typename') return '__typename';
    const k = named(r.name, usedAt([]), r.alias);
    if (r.kind === 'lookup') {
      const pool = ids[r.name]!;
      // Now and then an id that is nowhere: null, as out of scope is.
      const id = r.id % 7 === 6 || !pool.length ? randomId(r.id) : pool[r.id % pool.length]!;
      return `${k.text}(id: "${id}") { ${selectionText(r.selection, LOOKUPS[r.name]!, [k.key])} }`;
    }
    const c = connectionText(r.connection, r.args, [k.key], ROOTS[r.name]!.type);
    return `${k.text}${c.args} { ${c.body} }`;
  });
  const variables = cursors.map((c) => `$${c.variable}: String`).join(', ');
  const query = `query${variables ? `(${variables})` : ''} { ${fields.join(' ')} }${fragments.map((f) => ` ${f}`).join('')}`;
  return { query, cursors, computed };
}

/** A well-formed UUID no seeded record has (deterministic, so a counterexample replays). */
const randomId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0').slice(-12)}`;

/**
 * Whether two answers of the resolvers differ only as their own timing makes them differ: the same
 * errors of independent branches listed in another order, or, once an error's null has reached
 * `data`, other errors (those met before the response is written). Same `data` text in both.
 */
function resolverRace(a: string, b: string): boolean {
  const parts = (text: string) => {
    const body = JSON.parse(text) as { errors?: unknown[] };
    const data = text.lastIndexOf(',"data":');
    return { errors: (body.errors ?? []).map((e) => JSON.stringify(e)).sort(), data: data < 0 ? null : text.slice(data) };
  };
  const [x, y] = [parts(a), parts(b)];
  if (!x.errors.length || !y.errors.length || x.data === null || x.data !== y.data) return false;
  if (x.errors.length > 1 && JSON.stringify(x.errors) === JSON.stringify(y.errors)) return true;
  // A null reaching `data` ends the response: the errors then are those met by that time, which may be
  // any of the branches' (two roots refused to a user, say).
  return x.data === ',"data":null}';
}

/**
 * Values the demo seed lacks, where PostgreSQL's text and JavaScript's could differ: instants with
 * microseconds (Date keeps milliseconds) and ties among them, text JSON must escape (quotes,
 * backslashes, control characters, U+2028, astral characters), in a text array too, and decimals at
 * their edges. A few rows near the start of each list are changed, the same ones every run.
 */
async function edgeValues(t: TestGateway): Promise<void> {
  const text = 'q"uote\\back\nline\ttab\u0001\u001f\u007f\u2028 </script> 🚒 é';
  // Rows near the start of each list's default order, so the small pages show them.
  const first = (table: string, order: string, n: number) => `id IN (SELECT id FROM ${table} ORDER BY ${order}, id LIMIT ${n})`;
  const statements = [
    `UPDATE hazard SET found_at = found_at + make_interval(secs => (('x' || substr(md5(id::text), 1, 6))::bit(24)::int % 1000000) / 1e6)`,
    `UPDATE hazard SET description = $1, measures = $1, funds = 99999999999.99, closed_at = '2025-06-02 23:59:59.9995+08' WHERE ${first('hazard', 'found_at DESC', 3)}`,
    `UPDATE hazard_event SET note = $1, at = at + interval '0.000999 s' WHERE hazard_id IN (SELECT id FROM hazard WHERE ${first('hazard', 'found_at DESC', 3)})`,
    // Ties on the default order (newest found first): only the id orders these.
    `UPDATE hazard SET found_at = (SELECT max(found_at) FROM hazard) WHERE ${first('hazard', 'found_at DESC', 6)}`,
    `UPDATE hazard SET funds = 0.50 WHERE ${first('hazard', 'found_at', 3)}`,
    `UPDATE organization SET short_name = $1, updated_at = '2025-01-01 00:00:00.000001+00' WHERE ${first('organization', 'path', 4)}`,
    `UPDATE shelter SET address = $1 WHERE ${first('shelter', 'name', 2)}`,
    `UPDATE risk_point SET description = $1 WHERE ${first('risk_point', 'name', 2)}`,
    `UPDATE consultation SET topics = ARRAY[$1, '', '汛期'], conclusions = $1 WHERE ${first('consultation', 'held_on DESC', 2)}`,
  ];
  for (const statement of statements) await t.gateway.database.dataSource.query(statement, statement.includes('$1') ? [text] : []);
}

/** Every object at `path` in a response, through the lists of edges on the way. */
function objectsAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => objectsAt(v, path));
  if (!path.length) return value && typeof value === 'object' ? [value] : [];
  if (!value || typeof value !== 'object') return [];
  return objectsAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

describe('read compiler: parity with the resolvers over random queries (property)', () => {
  let t: TestGateway;
  const tokens: Record<string, string> = {};
  /** Ids of each lookup's records, as the town-wide user lists them. */
  const ids: Record<string, string[]> = {};
  beforeAll(async () => {
    // Deeper and wider than the request limits allow by default (10 levels, 15 aliases): four nested
    // pages are 13 levels. The limits are checked before either path runs, so they are not what is tested here.
    const limits = { MAX_DEPTH: '20', MAX_ALIASES: '200', MAX_TOKENS: '20000' };
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { READ_COMPILER: 'true', READ_COMPILER_HEADER: 'true', RATE_LIMIT_POINTS: '0', ...limits } });
    for (const user of USERS) tokens[user] = await t.token(user);
    await edgeValues(t);
    for (const [name, type] of Object.entries(LOOKUPS)) {
      const list = Object.entries(ROOTS).find(([, r]) => r.type === type)![0];
      const { text } = await raw(`{ ${list}(first: 30) { edges { node { id } } } }`, {}, 'anban', true);
      ids[name] = JSON.parse(text).data[list].edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids[name]!.length).toBeGreaterThan(0);
    }
  });
  afterAll(() => t?.close());

  /** The raw response of a query, compiled or not. */
  const raw = (query: string, variables: Record<string, unknown>, as: string, compiled: boolean) => rawQuery(t, query, variables, tokens[as]!, compiled);

  it('answers every generated query with the same status and bytes compiled and not, compiling most of them into one statement', async () => {
    const seen = { requests: 0, compiled: 0, nested: 0, withData: 0, raced: 0 };
    /** Runs a query both ways; the compiled answer must be the resolvers' bytes. */
    const both = async (query: string, variables: Record<string, unknown>, as: string, computed: boolean) => {
      const on = await raw(query, variables, as, true);
      const off = await raw(query, variables, as, false);
      expect(off.compiled).toBeNull();
      expect(on.status).toBe(off.status);
      seen.requests++;
      if (on.text !== off.text && resolverRace(on.text, off.text)) {
        // Both ran the resolvers (the compiler never answers with errors): their error list depends on
        // timing, which the compiler's planning before falling back shifts. Seen with `x-read-compiler:
        // off` both times too (about 1 in 40 for one query), so it is not the compiler's doing.
        expect(on.compiled).not.toBe('true');
        seen.raced++;
      } else expect(on.text).toBe(off.text);
      if (on.compiled === 'true') {
        seen.compiled++;
        // Columns, SQL forms and declared relations only: one statement. A field computed in Node is
        // either left to the resolvers with the whole query, or answered by them after the statement.
        if (computed) expect(on.statements).toBeGreaterThanOrEqual(1);
        else expect(on.statements).toBe(1);
      }
      return JSON.parse(on.text) as { data?: unknown; errors?: unknown[] };
    };
    const generated = fc.record({ user: anyUser, roots: fc.array(root, { minLength: 1, maxLength: 3 }) }).map(({ user, roots }) => ({ user, ...render(roots, ids) }));
    await fc.assert(
      fc.asyncProperty(generated, async ({ user, query, cursors, computed }) => {
        const first = await both(query, {}, user, computed);
        if (first.data && !first.errors) seen.withData++;
        if (!cursors.length) return;
        // The second run pages from the first run's cursors (the first page of each connection that has one).
        const variables: Record<string, string | null> = {};
        for (const c of cursors) {
          const pageInfos = objectsAt(first.data, [...c.path, c.pageInfo]) as Array<Record<string, string | null>>;
          variables[c.variable] = pageInfos.map((p) => p[c.member]).find((v) => v) ?? null;
        }
        if (Object.values(variables).some((v) => v)) {
          seen.nested += cursors.some((c) => c.path.length > 1 && variables[c.variable]) ? 1 : 0;
          await both(query, variables, user, computed);
        }
      }),
      { numRuns: 150, seed: 17_2025 },
    );
    // Not passing by leaving everything to the resolvers: most queries compile (few pick invalid
    // arguments or a root the user may not read), many answer with data, some page through a nested cursor.
    console.log(`read compiler property: ${seen.compiled}/${seen.requests} requests compiled, ${seen.withData} first runs with data and no error, ${seen.nested} second runs through a nested cursor, ${seen.raced} with the resolvers' errors in another order or number`);
    expect(seen.compiled / seen.requests).toBeGreaterThanOrEqual(0.6);
    expect(seen.withData).toBeGreaterThan(50);
    expect(seen.nested).toBeGreaterThan(0);
  }, 120_000);
});
