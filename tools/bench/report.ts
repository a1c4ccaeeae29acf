/**
 * Pure pieces of the benchmarks (no I/O): load-run summaries, the SQL floor's JSON, VmRSS from
 * /proc, ratios, medians over rounds, plain and Markdown tables, and the normalized rows the same-rows
 * check compares. Unit-tested in apps/gateway/tests/bench-report.spec.ts (Q4 and W1:
 * bench-report-q4-w1.spec.ts, medians: bench-report-median.spec.ts).
 */

export const TARGETS = ['gateway', 'postgraphile', 'floor'] as const;
export type Target = (typeof TARGETS)[number];

export const COMPARE_QUERIES = ['q1', 'q2', 'q3', 'q4', 'w1'] as const;
export type CompareQuery = (typeof COMPARE_QUERIES)[number];

export const QUERY_LABELS: Readonly<Record<CompareQuery, string>> = { q1: 'Q1 flat', q2: 'Q2 nested', q3: 'Q3 by id', q4: 'Q4 warnings', w1: 'W1 create' };
export const TARGET_LABELS: Readonly<Record<Target, string>> = { gateway: 'gateway', postgraphile: 'PostGraphile', floor: 'SQL floor' };

// ---------------------------------------------------------------- load-run summaries

/** What one measured run yields, whoever generated the load. */
export interface LoadSummary {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly non2xx: number;
  /** Connection errors and timeouts (no response at all). */
  readonly socketErrors: number;
  /** 2xx responses whose body carries GraphQL `errors` (for the floor: failed statements). */
  readonly gqlErrors: number;
}

/** The parts of an autocannon result the summaries read. */
export interface AutocannonLike {
  readonly requests: { readonly mean: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
}

export function summarizeAutocannon(result: AutocannonLike, gqlErrors: number): LoadSummary {
  return {
    reqPerSec: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    gqlErrors,
  };
}

export const totalErrors = (s: Pick<LoadSummary, 'non2xx' | 'socketErrors' | 'gqlErrors'>): number => s.non2xx + s.socketErrors + s.gqlErrors;

/** Nearest-rank percentile (p in 0..100) of unsorted values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)]!;
}

/** A load run measured by hand (the SQL floor): latencies of the successful requests in ms. */
export function summarizeLatencies(latenciesMs: readonly number[], durationSec: number, failed: number): LoadSummary {
  const requests = latenciesMs.length + failed;
  return {
    reqPerSec: durationSec > 0 ? requests / durationSec : 0,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
    requests,
    non2xx: 0,
    socketErrors: 0,
    gqlErrors: failed,
  };
}

// ---------------------------------------------------------------- the SQL floor's report

export interface FloorReport extends LoadSummary {
  readonly query: CompareQuery;
  readonly statementsPerRequest: number;
  readonly connections: number;
  readonly durationSec: number;
  /** First failure message, if any. */
  readonly firstError: string | null;
}

/** The floor prints progress lines and then one JSON line `{"result": …}`; this takes the last one. */
export function parseFloorOutput(stdout: string): FloorReport {
  const line = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{') && l.includes('"result"'))
    .pop();
  if (!line) throw new Error(`the SQL floor printed no result line: ${stdout.trim().slice(-300) || '(nothing)'}`);
  const parsed = JSON.parse(line) as { result?: Record<string, unknown> };
  const r = parsed.result ?? {};
  const num = (key: string): number => {
    const v = r[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`the SQL floor's result has no number "${key}": ${line.slice(0, 300)}`);
    return v;
  };
  const query = r['query'];
  if (!COMPARE_QUERIES.includes(query as CompareQuery)) throw new Error(`the SQL floor's result names no known query: ${line.slice(0, 300)}`);
  return {
    query: query as CompareQuery,
    reqPerSec: num('reqPerSec'),
    p50Ms: num('p50Ms'),
    p99Ms: num('p99Ms'),
    requests: num('requests'),
    non2xx: 0,
    socketErrors: 0,
    gqlErrors: num('errors'),
    statementsPerRequest: num('statementsPerRequest'),
    connections: num('connections'),
    durationSec: num('durationSec'),
    firstError: typeof r['firstError'] === 'string' ? r['firstError'] : null,
  };
}

// ---------------------------------------------------------------- memory

/** The value of a Prometheus sample (e.g. `db_statements_total 1234`) in a /metrics text, or null. */
export function parseCounter(metrics: string, name: string): number | null {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+(\\S+)`, 'm').exec(metrics);
  const value = match ? Number(match[1]) : NaN;
  return Number.isFinite(value) ? value : null;
}

/** Resident set size in bytes from the text of /proc/<pid>/status (`VmRSS:  123456 kB`); null if absent. */
export function parseVmRss(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s*kB\s*$/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

export const toMb = (bytes: number | null): number | null => (bytes === null ? null : bytes / 1024 / 1024);

// ---------------------------------------------------------------- rows, ratios, tables

export interface CompareRow extends LoadSummary {
  readonly round: number;
  readonly query: CompareQuery;
  readonly target: Target;
  readonly errors: number;
  readonly sqlPerRequest: number | null;
  /** Largest VmRSS of the server (floor: the floor process) while measured, in MB. */
  readonly rssMaxMb: number | null;
}

export function compareRow(round: number, query: CompareQuery, target: Target, summary: LoadSummary, sqlPerRequest: number | null, rssMaxBytes: number | null): CompareRow {
  return { ...summary, round, query, target, errors: totalErrors(summary), sqlPerRequest, rssMaxMb: toMb(rssMaxBytes) };
}

export interface RatioRow {
  readonly query: CompareQuery;
  /** gateway req/s ÷ PostGraphile req/s (above 1: the gateway is faster). */
  readonly gatewayPerPostgraphile: number | null;
  /** gateway req/s ÷ SQL floor req/s (the share of the floor the gateway reaches). */
  readonly gatewayPerFloor: number | null;
  /** gateway p99 ÷ PostGraphile p99 (above 1: the gateway's tail is slower). */
  readonly p99GatewayPerPostgraphile: number | null;
}

const ratio = (a: number | undefined, b: number | undefined): number | null => (a === undefined || b === undefined || b === 0 ? null : a / b);

/** Ratios per query of one round's rows, in query order. */
export function ratioRows(rows: readonly CompareRow[]): RatioRow[] {
  const queries = COMPARE_QUERIES.filter((q) => rows.some((r) => r.query === q));
  return queries.map((query) => {
    const of = (target: Target) => rows.find((r) => r.query === query && r.target === target);
    const g = of('gateway');
    const p = of('postgraphile');
    const f = of('floor');
    return {
      query,
      gatewayPerPostgraphile: ratio(g?.reqPerSec, p?.reqPerSec),
      gatewayPerFloor: ratio(g?.reqPerSec, f?.reqPerSec),
      p99GatewayPerPostgraphile: ratio(g?.p99Ms, p?.p99Ms),
    };
  });
}

/**
 * A table with the first column left-aligned and the others right-aligned: padded plain text
 * (`a | b`), or GitHub Markdown with alignment markers.
 */
export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, markdown = false): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  if (markdown) {
    const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
    const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
    return [line(header), rule, ...rows.map(line)].join('\n');
  }
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

const fixed = (n: number | null, digits: number): string => (n === null ? 'n/a' : n.toFixed(digits));
const times = (n: number | null): string => (n === null ? 'n/a' : `${n.toFixed(2)}×`);

/** The figures a results table shows: one round's row, or the medians of a query and target over the rounds. */
export type ResultFigures = Pick<CompareRow, 'query' | 'target' | 'reqPerSec' | 'p50Ms' | 'p99Ms' | 'errors' | 'sqlPerRequest' | 'rssMaxMb'>;

function resultsTable<R extends ResultFigures>(rows: readonly R[], markdown: boolean, extra: ReadonlyArray<readonly [string, (row: R) => string]> = []): string {
  const header = ['query', 'target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'SQL/req', 'RSS MB', ...extra.map(([name]) => name)];
  const body = rows.map((r) => [
    QUERY_LABELS[r.query],
    TARGET_LABELS[r.target],
    fixed(r.reqPerSec, 1),
    fixed(r.p50Ms, 1),
    fixed(r.p99Ms, 1),
    String(r.errors),
    r.sqlPerRequest === null ? 'n/a' : String(r.sqlPerRequest),
    fixed(r.rssMaxMb, 1),
    ...extra.map(([, cell]) => cell(r)),
  ]);
  // Query first so the three targets of a query sit together; the query name only on its first row.
  const grouped = body.map((cells, i) => (i > 0 && rows[i - 1]!.query === rows[i]!.query ? ['', ...cells.slice(1)] : cells));
  return renderTable(header, grouped, markdown);
}

export function formatResultsTable(rows: readonly CompareRow[], markdown = false): string {
  return resultsTable(rows, markdown);
}

export function formatRatioTable(ratios: readonly RatioRow[], markdown = false): string {
  const header = ['query', 'gateway/PostGraphile req/s', 'gateway/floor req/s', 'p99 gateway/PostGraphile'];
  return renderTable(
    header,
    ratios.map((r) => [QUERY_LABELS[r.query], times(r.gatewayPerPostgraphile), times(r.gatewayPerFloor), times(r.p99GatewayPerPostgraphile)]),
    markdown,
  );
}

/**
 * The servers in the order they run each query of a round: gateway first in odd rounds, PostGraphile
 * first in even ones, so neither side always runs on the warmer (or cooler) machine. The SQL floor follows.
 */
export function serverOrder(round: number): Array<Exclude<Target, 'floor'>> {
  return round % 2 === 1 ? ['gateway', 'postgraphile'] : ['postgraphile', 'gateway'];
}

/** Rows of one round sorted query by query, targets in TARGETS order. */
export function sortRows(rows: readonly CompareRow[]): CompareRow[] {
  return [...rows].sort((a, b) => COMPARE_QUERIES.indexOf(a.query) - COMPARE_QUERIES.indexOf(b.query) || TARGETS.indexOf(a.target) - TARGETS.indexOf(b.target));
}

export interface CompareMeta {
  readonly date: string;
  readonly cpu: string;
  readonly cpus: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly nodeGateway: string;
  readonly nodePostgraphile: string;
  readonly nodeFloor: string;
  readonly nodeLoadGenerator: string;
  readonly postgres: string;
  readonly postgraphile: string;
  readonly dataset: string;
}

export interface CompareSettings {
  readonly rounds: number;
  readonly connections: number;
  readonly warmupSec: number;
  readonly durationSec: number;
  readonly queries: readonly CompareQuery[];
  readonly poolSize: number;
  readonly floorClients: number;
}

export interface CompareRound {
  readonly round: number;
  readonly rows: readonly CompareRow[];
  readonly ratios: readonly RatioRow[];
}

// ---------------------------------------------------------------- medians over the rounds

/** The median (an even count: the mean of the middle two values); null for no values. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One query on one target over the rounds it ran in. */
export interface MedianRow extends ResultFigures {
  /** Rounds with a run of this query on this target (fewer than the report's rounds when one is missing). */
  readonly rounds: number;
  /** Median of the rounds' req/s, p50 and p99 (each its own median, not the figures of one round). */
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Errors of all the rounds, summed. */
  readonly errors: number;
  /** Median of the rounds' SQL statements per request that are known; null when none is. */
  readonly sqlPerRequest: number | null;
  /** Largest peak RSS of the rounds, in MB; null when none was measured. */
  readonly rssMaxMb: number | null;
}

export interface CompareMedians {
  /** Rounds the medians are taken over. */
  readonly rounds: number;
  /** Query by query, targets in TARGETS order. */
  readonly rows: readonly MedianRow[];
  /**
   * Per query the median of the rounds' own ratios (each round's gateway over the same round's
   * PostGraphile or floor), not the ratio of the medians: alternation pairs the two servers within a
   * round, so a ratio is taken where both ran on the same machine state. Rounds where a ratio is n/a
   * are left out; null when no round has it.
   */
  readonly ratios: readonly RatioRow[];
}

/** Medians of every query and target over the rounds, and the medians of the per-round ratios. */
export function medianSummary(rounds: readonly CompareRound[]): CompareMedians {
  const all = rounds.flatMap((r) => r.rows);
  const known = (values: ReadonlyArray<number | null>): number[] => values.filter((v): v is number => v !== null);
  const rows: MedianRow[] = [];
  for (const query of COMPARE_QUERIES) {
    for (const target of TARGETS) {
      const runs = all.filter((r) => r.query === query && r.target === target);
      if (!runs.length) continue;
      const rss = known(runs.map((r) => r.rssMaxMb));
      rows.push({
        query,
        target,
        rounds: runs.length,
        reqPerSec: median(runs.map((r) => r.reqPerSec))!,
        p50Ms: median(runs.map((r) => r.p50Ms))!,
        p99Ms: median(runs.map((r) => r.p99Ms))!,
        errors: runs.reduce((sum, r) => sum + r.errors, 0),
        sqlPerRequest: median(known(runs.map((r) => r.sqlPerRequest))),
        rssMaxMb: rss.length ? Math.max(...rss) : null,
      });
    }
  }
  const perRound = rounds.flatMap((r) => r.ratios);
  const ratios = COMPARE_QUERIES.filter((q) => perRound.some((r) => r.query === q)).map((query): RatioRow => {
    const of = perRound.filter((r) => r.query === query);
    return {
      query,
      gatewayPerPostgraphile: median(known(of.map((r) => r.gatewayPerPostgraphile))),
      gatewayPerFloor: median(known(of.map((r) => r.gatewayPerFloor))),
      p99GatewayPerPostgraphile: median(known(of.map((r) => r.p99GatewayPerPostgraphile))),
    };
  });
  return { rounds: rounds.length, rows, ratios };
}

/** The results table of the medians, with the number of rounds each row was taken over. */
export function formatMedianTable(rows: readonly MedianRow[], markdown = false): string {
  return resultsTable(rows, markdown, [['rounds', (r) => String(r.rounds)]]);
}

export interface CompareReport {
  readonly meta: CompareMeta;
  readonly settings: CompareSettings;
  readonly rounds: readonly CompareRound[];
  /** Over all the rounds (with one round: that round's figures). */
  readonly medians: CompareMedians;
}

export function formatHeader(meta: CompareMeta, settings: CompareSettings): string {
  return [
    `${meta.date} · ${meta.cpu} × ${meta.cpus}, ${meta.memoryGb.toFixed(1)} GB RAM, ${meta.os}`,
    `Node: gateway ${meta.nodeGateway}, PostGraphile ${meta.nodePostgraphile} (postgraphile ${meta.postgraphile}), SQL floor ${meta.nodeFloor}, load generator ${meta.nodeLoadGenerator} · ${meta.postgres}`,
    `Dataset: ${meta.dataset}`,
    `Each run: ${settings.connections} connections, ${settings.warmupSec} s warm-up (discarded) + ${settings.durationSec} s measured; server pools ${settings.poolSize} connections, floor ${settings.floorClients} clients; ${settings.rounds === 1 ? '1 round' : `${settings.rounds} rounds; per query gateway then PostGraphile in odd rounds, PostGraphile then gateway in even rounds, then the SQL floor`}.`,
  ].join('\n');
}

export function formatReport(report: CompareReport, markdown = false): string {
  const parts: string[] = [];
  const header = formatHeader(report.meta, report.settings);
  parts.push(markdown ? header.split('\n').map((l) => `${l}  `).join('\n') : header);
  for (const round of report.rounds) {
    parts.push(markdown ? `### Round ${round.round}` : `Round ${round.round}`);
    parts.push(formatResultsTable(round.rows, markdown));
    parts.push(markdown ? `Ratios, round ${round.round}:` : `Ratios, round ${round.round}:`);
    parts.push(formatRatioTable(round.ratios, markdown));
  }
  // One round is its own summary; from two rounds on, the medians follow the rounds.
  if (report.rounds.length > 1) {
    const { medians } = report;
    parts.push(markdown ? `### Median of ${medians.rounds} rounds` : `Median of ${medians.rounds} rounds`);
    parts.push(formatMedianTable(medians.rows, markdown));
    parts.push(`Median ratios of ${medians.rounds} rounds (the median of each round's own ratio):`);
    parts.push(formatRatioTable(medians.ratios, markdown));
    parts.push(
      'Medians: req/s, p50 and p99 are each the median of the rounds\' values (an even count: the mean of the middle two); errors are summed over the rounds; ' +
        'SQL/req is the median; RSS MB the largest of the rounds; rounds = rounds with a run of that query on that target. ' +
        'Ratios are the median of the per-round ratios (gateway over PostGraphile or floor of the same round), not ratios of the medians.',
    );
  }
  parts.push(
    'errors = non-2xx + socket errors/timeouts + 2xx responses with GraphQL `errors` (floor: failed statements); SQL/req = statements for one request ' +
      '(gateway: db_statements_total on /metrics around one request, PostGraphile: pg client queries, floor: its statements); RSS MB = largest VmRSS of the server process while measured.',
  );
  return parts.join('\n\n');
}

// ---------------------------------------------------------------- the same-rows check

export interface FlatHazard {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly category: string;
  readonly foundAt: number;
}
export interface HistoryStep {
  readonly id: string;
  readonly action: string;
  readonly toStatus: string;
  readonly at: number;
}
export interface NestedHazard {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly foundAt: number;
  readonly history: readonly HistoryStep[];
}
export interface NestedOrganization {
  readonly id: string;
  readonly name: string;
  readonly hazards: readonly NestedHazard[];
}
export interface HazardById extends FlatHazard {
  readonly deadline: string | null;
}
export interface WarningDeliveryRow {
  readonly id: string;
  readonly deliveredAt: number;
  readonly status: string;
  readonly acknowledgedAt: number | null;
  readonly ackChannel: string | null;
  readonly acknowledgedBy: { readonly id: string; readonly name: string } | null;
}
export interface LiveWarning {
  readonly id: string;
  readonly headline: string;
  readonly level: string;
  readonly status: string;
  readonly sentAt: number;
  readonly totalCount: number;
  readonly deliveries: readonly WarningDeliveryRow[];
}
/** W1's created shelter without its id (each side creates its own row; the id is checked in the database). */
export interface CreatedShelter {
  readonly organizationId: string;
  readonly name: string;
  readonly type: string;
  readonly capacity: number;
  readonly status: string;
}

export type Normalized =
  | { readonly query: 'q1'; readonly hazards: readonly FlatHazard[] }
  | { readonly query: 'q2'; readonly organizations: readonly NestedOrganization[] }
  | { readonly query: 'q3'; readonly hazard: HazardById | null }
  | { readonly query: 'q4'; readonly warnings: readonly LiveWarning[] }
  /** W1: `id` is each side's own new row; the sides are compared on `shelter`. */
  | { readonly query: 'w1'; readonly id: string; readonly shelter: CreatedShelter };

type Json = Record<string, unknown>;

/** Milliseconds since the epoch of an ISO string or Date (sub-millisecond digits dropped). */
export function instant(value: unknown): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new Error(`not a timestamp: ${JSON.stringify(value)}`);
  return Math.floor(ms);
}

const str = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new Error(`${what}: expected a string, got ${JSON.stringify(value)}`);
  return value;
};
const num = (value: unknown, what: string): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${what}: expected a number, got ${JSON.stringify(value)}`);
  return value;
};
const strOrNull = (value: unknown, what: string): string | null => (value === null || value === undefined ? null : str(value, what));
const instantOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : instant(value));
const obj = (value: unknown, what: string): Json => {
  if (!value || typeof value !== 'object') throw new Error(`${what}: expected an object, got ${JSON.stringify(value)}`);
  return value as Json;
};
const nodes = (connection: unknown, what: string): Json[] => {
  const edges = obj(connection, what)['edges'];
  if (!Array.isArray(edges)) throw new Error(`${what}: expected edges`);
  return edges.map((e, i) => obj(obj(e, `${what}[${i}]`)['node'], `${what}[${i}].node`));
};

/** Field names of one side: the gateway's, or PostGraphile's (rowId, *ByOrganizationId …), and a step's action as stored. */
interface Dialect {
  readonly root: Record<CompareQuery, string>;
  readonly id: string;
  readonly hazards: string;
  readonly history: string;
  readonly deliveries: string;
  readonly acknowledgedBy: string;
  /** Where W1's created row is in the mutation's payload (PostGraphile: `shelter`); null: the payload is the row. */
  readonly created: string | null;
  /** The stored action (`planRectification`) from the side's answer. */
  readonly action: (value: string) => string;
}
/** The gateway answers the enum `HazardAction` (`PLAN_RECTIFICATION`), PostGraphile and the floor the column's text. */
const GATEWAY: Dialect = {
  root: { q1: 'hazards', q2: 'organizations', q3: 'hazard', q4: 'warnings', w1: 'createShelter' },
  id: 'id',
  hazards: 'hazards',
  history: 'history',
  deliveries: 'deliveries',
  acknowledgedBy: 'acknowledgedBy',
  created: null,
  action: (value) => value.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
};
const POSTGRAPHILE: Dialect = {
  root: { q1: 'allHazards', q2: 'allOrganizations', q3: 'hazardByRowId', q4: 'allWarnings', w1: 'createShelter' },
  id: 'rowId',
  hazards: 'hazardsByOrganizationId',
  history: 'hazardEventsByHazardId',
  deliveries: 'warningDeliveriesByWarningId',
  acknowledgedBy: 'personByAcknowledgedByPersonId',
  created: 'shelter',
  action: (value) => value,
};

function normalizeGraphQL(d: Dialect, query: CompareQuery, data: unknown): Normalized {
  const root = obj(data, 'data')[d.root[query]];
  const where = d.root[query];
  if (query === 'q1') {
    return {
      query,
      hazards: nodes(root, where).map((h, i) => ({
        id: str(h[d.id], `${where}[${i}].${d.id}`),
        title: str(h['title'], 'title'),
        status: str(h['status'], 'status'),
        category: str(h['category'], 'category'),
        foundAt: instant(h['foundAt']),
      })),
    };
  }
  if (query === 'q2') {
    return {
      query,
      organizations: nodes(root, where).map((o, i) => ({
        id: str(o[d.id], `${where}[${i}].${d.id}`),
        name: str(o['name'], 'name'),
        hazards: nodes(o[d.hazards], `${where}[${i}].${d.hazards}`).map((h, j) => ({
          id: str(h[d.id], `hazard ${j}.${d.id}`),
          title: str(h['title'], 'title'),
          status: str(h['status'], 'status'),
          foundAt: instant(h['foundAt']),
          history: nodes(h[d.history], `hazard ${j}.${d.history}`).map((e) => ({
            id: str(e[d.id], `step.${d.id}`),
            action: d.action(str(e['action'], 'action')),
            toStatus: str(e['toStatus'], 'toStatus'),
            at: instant(e['at']),
          })),
        })),
      })),
    };
  }
  if (query === 'q4') {
    return {
      query,
      warnings: nodes(root, where).map((w, i) => {
        const connection = obj(w[d.deliveries], `${where}[${i}].${d.deliveries}`);
        return {
          id: str(w[d.id], `${where}[${i}].${d.id}`),
          headline: str(w['headline'], 'headline'),
          level: str(w['level'], 'level'),
          status: str(w['status'], 'status'),
          sentAt: instant(w['sentAt']),
          totalCount: num(connection['totalCount'], `${where}[${i}].${d.deliveries}.totalCount`),
          deliveries: nodes(connection, `${where}[${i}].${d.deliveries}`).map((x, j) => {
            const by = x[d.acknowledgedBy];
            const person = by === null || by === undefined ? null : obj(by, `delivery ${j}.${d.acknowledgedBy}`);
            return {
              id: str(x[d.id], `delivery ${j}.${d.id}`),
              deliveredAt: instant(x['deliveredAt']),
              status: str(x['status'], 'status'),
              acknowledgedAt: instantOrNull(x['acknowledgedAt']),
              ackChannel: strOrNull(x['ackChannel'], 'ackChannel'),
              acknowledgedBy: person && { id: str(person[d.id], `${d.acknowledgedBy}.${d.id}`), name: str(person['name'], 'name') },
            };
          }),
        };
      }),
    };
  }
  if (query === 'w1') {
    const payload = obj(root, where);
    const row = d.created ? obj(payload[d.created], `${where}.${d.created}`) : payload;
    return { query, id: str(row[d.id], `${where}.${d.id}`), shelter: createdShelter(row) };
  }
  if (root === null || root === undefined) return { query, hazard: null };
  const h = obj(root, where);
  return {
    query,
    hazard: {
      id: str(h[d.id], `${where}.${d.id}`),
      title: str(h['title'], 'title'),
      status: str(h['status'], 'status'),
      category: str(h['category'], 'category'),
      foundAt: instant(h['foundAt']),
      deadline: h['deadline'] === null || h['deadline'] === undefined ? null : str(h['deadline'], 'deadline'),
    },
  };
}

/** A created shelter's fields from a row with `organizationId` (the floor's `organization_id` renamed). */
const createdShelter = (row: Json): CreatedShelter => ({
  organizationId: str(row['organizationId'], 'organizationId'),
  name: str(row['name'], 'name'),
  type: str(row['type'], 'type'),
  capacity: num(row['capacity'], 'capacity'),
  status: str(row['status'], 'status'),
});

/** The gateway's `data` of a query in the shared shape. */
export const normalizeGateway = (query: CompareQuery, data: unknown): Normalized => normalizeGraphQL(GATEWAY, query, data);
/** PostGraphile's `data` of a query in the shared shape. */
export const normalizePostGraphile = (query: CompareQuery, data: unknown): Normalized => normalizeGraphQL(POSTGRAPHILE, query, data);

/**
 * The floor's rows in the shared shape. Q2 comes as one row per (organization, hazard, step) from
 * LEFT JOIN LATERAL, in order; null hazard/step columns mean "none at this level". Q4 likewise, one
 * row per (warning, delivery); W1 is the created row.
 */
export function normalizeFloorRows(query: CompareQuery, rows: readonly Json[]): Normalized {
  if (query === 'w1') {
    const r = rows[0];
    if (!r || rows.length !== 1) throw new Error(`W1 floor: expected the one created row, got ${rows.length}`);
    return { query, id: str(r['id'], 'id'), shelter: createdShelter({ ...r, organizationId: r['organization_id'] }) };
  }
  if (query === 'q4') {
    const warnings: Array<LiveWarning & { deliveries: WarningDeliveryRow[] }> = [];
    for (const r of rows) {
      let w = warnings[warnings.length - 1];
      if (!w || w.id !== r['warning_id']) {
        w = {
          id: str(r['warning_id'], 'warning_id'),
          headline: str(r['headline'], 'headline'),
          level: str(r['level'], 'level'),
          status: str(r['warning_status'], 'warning_status'),
          sentAt: instant(r['sent_at']),
          totalCount: num(r['total'], 'total'),
          deliveries: [],
        };
        warnings.push(w);
      }
      if (r['delivery_id'] === null || r['delivery_id'] === undefined) continue;
      w.deliveries.push({
        id: str(r['delivery_id'], 'delivery_id'),
        deliveredAt: instant(r['delivered_at']),
        status: str(r['delivery_status'], 'delivery_status'),
        acknowledgedAt: instantOrNull(r['acknowledged_at']),
        ackChannel: strOrNull(r['ack_channel'], 'ack_channel'),
        acknowledgedBy: r['person_id'] === null || r['person_id'] === undefined ? null : { id: str(r['person_id'], 'person_id'), name: str(r['person_name'], 'person_name') },
      });
    }
    return { query, warnings };
  }
  if (query === 'q1') {
    return {
      query,
      hazards: rows.map((r) => ({ id: str(r['id'], 'id'), title: str(r['title'], 'title'), status: str(r['status'], 'status'), category: str(r['category'], 'category'), foundAt: instant(r['found_at']) })),
    };
  }
  if (query === 'q3') {
    const r = rows[0];
    if (!r) return { query, hazard: null };
    return {
      query,
      hazard: {
        id: str(r['id'], 'id'),
        title: str(r['title'], 'title'),
        status: str(r['status'], 'status'),
        category: str(r['category'], 'category'),
        foundAt: instant(r['found_at']),
        deadline: r['deadline'] === null || r['deadline'] === undefined ? null : str(r['deadline'], 'deadline'),
      },
    };
  }
  const organizations: Array<{ id: string; name: string; hazards: Array<{ id: string; title: string; status: string; foundAt: number; history: HistoryStep[] }> }> = [];
  for (const r of rows) {
    let org = organizations[organizations.length - 1];
    if (!org || org.id !== r['org_id']) {
      org = { id: str(r['org_id'], 'org_id'), name: str(r['org_name'], 'org_name'), hazards: [] };
      organizations.push(org);
    }
    if (r['hazard_id'] === null || r['hazard_id'] === undefined) continue;
    let hazard = org.hazards[org.hazards.length - 1];
    if (!hazard || hazard.id !== r['hazard_id']) {
      hazard = { id: str(r['hazard_id'], 'hazard_id'), title: str(r['title'], 'title'), status: str(r['status'], 'status'), foundAt: instant(r['found_at']), history: [] };
      org.hazards.push(hazard);
    }
    if (r['event_id'] === null || r['event_id'] === undefined) continue;
    hazard.history.push({ id: str(r['event_id'], 'event_id'), action: str(r['action'], 'action'), toStatus: str(r['to_status'], 'to_status'), at: instant(r['at']) });
  }
  return { query, organizations };
}

/** Row counts per level, e.g. "20 organizations, 385 hazards, 812 steps" or "20 warnings, 240 deliveries, 205 acknowledged by a person". */
export function shapeOf(n: Normalized): string {
  if (n.query === 'q1') return `${n.hazards.length} hazards`;
  if (n.query === 'q3') return n.hazard ? '1 hazard' : 'no hazard';
  if (n.query === 'q4') {
    const deliveries = n.warnings.flatMap((w) => w.deliveries);
    return `${n.warnings.length} warnings, ${deliveries.length} deliveries, ${deliveries.filter((d) => d.acknowledgedBy).length} acknowledged by a person`;
  }
  if (n.query === 'w1') return '1 shelter';
  const hazards = n.organizations.flatMap((o) => o.hazards);
  return `${n.organizations.length} organizations, ${hazards.length} hazards, ${hazards.reduce((s, h) => s + h.history.length, 0)} steps`;
}

/** Where two values first differ (a JSON path with both values), or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : `${path}: ${a.length} items vs ${b.length}`;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference((a as Json)[k], (b as Json)[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return `${path}: ${show(a)} vs ${show(b)}`;
}
