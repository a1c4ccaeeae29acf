// tools/ is not an Nx project, so the module-boundaries rule cannot place it; the bench's pure functions are tested here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  compareRow,
  formatMedianTable,
  formatReport,
  median,
  medianSummary,
  ratioRows,
  serverOrder,
  sortRows,
  type CompareQuery,
  type CompareReport,
  type CompareRound,
  type CompareRow,
  type LoadSummary,
  type Target,
} from '../../../tools/bench/report';
import { TEST_META } from './bench-fixtures';

const MB = 1024 * 1024;

/** One run: p50 is half the p99, so the p50 medians follow the p99 ones. */
const run = (
  round: number,
  query: CompareQuery,
  target: Target,
  reqPerSec: number,
  p99Ms: number,
  extra: { errors?: Partial<LoadSummary>; sql?: number | null; rssMb?: number | null } = {},
): CompareRow =>
  compareRow(
    round,
    query,
    target,
    { reqPerSec, p50Ms: p99Ms / 2, p99Ms, requests: reqPerSec * 10, non2xx: 0, socketErrors: 0, gqlErrors: 0, ...extra.errors },
    extra.sql === undefined ? 1 : extra.sql,
    extra.rssMb === undefined || extra.rssMb === null ? null : extra.rssMb * MB,
  );

const asRound = (round: number, rows: readonly CompareRow[]): CompareRound => {
  const sorted = sortRows(rows);
  return { round, rows: sorted, ratios: ratioRows(sorted) };
};

/** Three rounds of Q1 whose median of per-round ratios (0.50×) is not the ratio of the medians (600 / 1000 = 0.60×). */
const threeRounds: CompareRound[] = [
  asRound(1, [
    run(1, 'q1', 'gateway', 500, 80, { sql: 2, rssMb: 300 }),
    run(1, 'q1', 'postgraphile', 1000, 40, { sql: null, rssMb: 200 }),
    run(1, 'q1', 'floor', 2000, 10, { rssMb: null }),
  ]),
  asRound(2, [
    run(2, 'q1', 'postgraphile', 1000, 50, { rssMb: 210 }),
    run(2, 'q1', 'gateway', 700, 60, { sql: 2, rssMb: 320, errors: { non2xx: 2 } }),
    run(2, 'q1', 'floor', 2100, 12, { rssMb: null }),
  ]),
  asRound(3, [
    run(3, 'q1', 'gateway', 600, 100, { sql: 2, rssMb: 310, errors: { gqlErrors: 1 } }),
    run(3, 'q1', 'postgraphile', 1500, 40, { rssMb: 205 }),
    run(3, 'q1', 'floor', 1900, 11, { rssMb: null }),
  ]),
];

describe('bench report: median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    const values = [9, 1, 5];
    expect(median(values)).toBe(5);
    expect(values).toEqual([9, 1, 5]); // not sorted in place
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([200, 100])).toBe(150);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});

describe('bench report: server order per round', () => {
  it('runs the gateway first in odd rounds and PostGraphile first in even rounds', () => {
    expect([1, 2, 3, 4, 5].map((round) => serverOrder(round).join(','))).toEqual([
      'gateway,postgraphile',
      'postgraphile,gateway',
      'gateway,postgraphile',
      'postgraphile,gateway',
      'gateway,postgraphile',
    ]);
  });
});

describe('bench report: medians over the rounds', () => {
  it('takes medians of an odd number of rounds: figures, summed errors, largest RSS, per-round ratios', () => {
    const medians = medianSummary(threeRounds);
    expect(medians.rounds).toBe(3);
    expect(medians.rows).toEqual([
      { query: 'q1', target: 'gateway', rounds: 3, reqPerSec: 600, p50Ms: 40, p99Ms: 80, errors: 3, sqlPerRequest: 2, rssMaxMb: 320 },
      // SQL/req unknown in round 1: the median of the rounds that know it.
      { query: 'q1', target: 'postgraphile', rounds: 3, reqPerSec: 1000, p50Ms: 20, p99Ms: 40, errors: 0, sqlPerRequest: 1, rssMaxMb: 210 },
      { query: 'q1', target: 'floor', rounds: 3, reqPerSec: 2000, p50Ms: 5.5, p99Ms: 11, errors: 0, sqlPerRequest: 1, rssMaxMb: null },
    ]);
    // Per-round gateway/PostGraphile 0.5, 0.7, 0.4 → 0.5 (the ratio of the medians would be 0.6);
    // gateway/floor 0.25, 0.333, 0.316 → 600/1900; p99 2, 1.2, 2.5 → 2.
    expect(medians.ratios).toEqual([{ query: 'q1', gatewayPerPostgraphile: 0.5, gatewayPerFloor: 600 / 1900, p99GatewayPerPostgraphile: 2 }]);
  });

  it('takes the mean of the middle two of an even number of rounds', () => {
    const gateway = [100, 140, 120, 200];
    const p99 = [300, 200, 250, 260];
    const rounds = gateway.map((reqPerSec, i) => asRound(i + 1, [run(i + 1, 'q2', 'gateway', reqPerSec, p99[i]!), run(i + 1, 'q2', 'postgraphile', 100, 250)]));
    const medians = medianSummary(rounds);
    expect(medians.rows.map((r) => [r.target, r.rounds, r.reqPerSec, r.p99Ms])).toEqual([
      ['gateway', 4, 130, 255],
      ['postgraphile', 4, 100, 250],
    ]);
    // Per-round gateway/PostGraphile 1, 1.4, 1.2, 2 → (1.2 + 1.4) / 2; p99 1.2, 0.8, 1, 1.04 → (1 + 1.04) / 2.
    const [ratios] = medians.ratios;
    expect(medians.ratios).toHaveLength(1);
    expect(ratios).toMatchObject({ query: 'q2', gatewayPerFloor: null });
    expect(ratios!.gatewayPerPostgraphile).toBeCloseTo(1.3, 12);
    expect(ratios!.p99GatewayPerPostgraphile).toBeCloseTo(1.02, 12);
  });

  it('takes a target missing in one round over the rounds it ran in, and leaves that round out of its ratios', () => {
    const rounds = [
      asRound(1, [run(1, 'q1', 'gateway', 500, 80), run(1, 'q1', 'postgraphile', 1000, 40)]),
      asRound(2, [run(2, 'q1', 'gateway', 900, 60)]),
      asRound(3, [run(3, 'q1', 'gateway', 600, 90), run(3, 'q1', 'postgraphile', 800, 60)]),
    ];
    expect(rounds[1]!.ratios).toEqual([{ query: 'q1', gatewayPerPostgraphile: null, gatewayPerFloor: null, p99GatewayPerPostgraphile: null }]);
    const medians = medianSummary(rounds);
    expect(medians.rows.map((r) => [r.target, r.rounds, r.reqPerSec, r.p99Ms])).toEqual([
      ['gateway', 3, 600, 80],
      ['postgraphile', 2, 900, 50],
    ]);
    // Rounds 1 and 3 only: (0.5 + 0.75) / 2 and (2 + 1.5) / 2.
    expect(medians.ratios).toEqual([{ query: 'q1', gatewayPerPostgraphile: 0.625, gatewayPerFloor: null, p99GatewayPerPostgraphile: 1.75 }]);
  });

  it('gives one round back as its own figures', () => {
    const [first] = threeRounds;
    const medians = medianSummary([first!]);
    expect(medians.rows.map(({ rounds, ...figures }) => ({ rounds, ...figures }))).toEqual(
      first!.rows.map((r) => ({ rounds: 1, query: r.query, target: r.target, reqPerSec: r.reqPerSec, p50Ms: r.p50Ms, p99Ms: r.p99Ms, errors: r.errors, sqlPerRequest: r.sqlPerRequest, rssMaxMb: r.rssMaxMb })),
    );
    expect(medians.ratios).toEqual(first!.ratios);
  });
});

describe('bench report: the median tables', () => {
  const report = (rounds: readonly CompareRound[]): CompareReport => ({
    meta: TEST_META,
    settings: { rounds: rounds.length, connections: 32, warmupSec: 3, durationSec: 10, queries: ['q1'], poolSize: 10, floorClients: 32 },
    rounds,
    medians: medianSummary(rounds),
  });

  it('formats the medians with the rounds each row was taken over', () => {
    expect(formatMedianTable(medianSummary(threeRounds).rows).split('\n')).toEqual([
      'query   |       target |  req/s | p50 ms | p99 ms | errors | SQL/req | RSS MB | rounds',
      '--------|--------------|--------|--------|--------|--------|---------|--------|-------',
      'Q1 flat |      gateway |  600.0 |   40.0 |   80.0 |      3 |       2 |  320.0 |      3',
      '        | PostGraphile | 1000.0 |   20.0 |   40.0 |      0 |       1 |  210.0 |      3',
      '        |    SQL floor | 2000.0 |    5.5 |   11.0 |      0 |       1 |    n/a |      3',
    ]);
  });

  it('puts the medians after the last round, in plain text and Markdown', () => {
    const text = formatReport(report(threeRounds));
    expect(text).toContain('3 rounds; per query gateway then PostGraphile in odd rounds, PostGraphile then gateway in even rounds, then the SQL floor.');
    expect(text.indexOf('Median of 3 rounds')).toBeGreaterThan(text.indexOf('Round 3'));
    expect(text).toContain('Q1 flat |      gateway |  600.0 |   40.0 |   80.0 |      3 |       2 |  320.0 |      3');
    expect(text).toContain(
      ['query   | gateway/PostGraphile req/s | gateway/floor req/s | p99 gateway/PostGraphile', '--------|----------------------------|---------------------|-------------------------', 'Q1 flat |                      0.50× |               0.32× |                    2.00×'].join(
        '\n',
      ),
    );
    expect(text).toContain('not ratios of the medians');

    const markdown = formatReport(report(threeRounds), true);
    expect(markdown.indexOf('### Median of 3 rounds')).toBeGreaterThan(markdown.indexOf('### Round 3'));
    expect(markdown).toContain('| Q1 flat |      gateway |  600.0 |   40.0 |   80.0 |      3 |       2 |  320.0 |      3 |');
    expect(markdown).toContain('| Q1 flat |                      0.50× |               0.32× |                    2.00× |');
  });

  it('leaves the summary out of a one-round report, which is its own summary', () => {
    const text = formatReport(report(threeRounds.slice(0, 1)));
    expect(text).toContain('Round 1');
    expect(text).not.toContain('Median');
  });

  it('keeps the medians in the JSON report', () => {
    const parsed = JSON.parse(JSON.stringify(report(threeRounds))) as CompareReport;
    expect(parsed.medians.rows.find((r) => r.target === 'gateway')).toMatchObject({ reqPerSec: 600, errors: 3, rssMaxMb: 320, rounds: 3 });
    expect(parsed.medians.ratios[0]!.gatewayPerPostgraphile).toBe(0.5);
  });
});
