// tools/ is not an Nx project, so the module-boundaries rule cannot place it; the bench's pure functions are tested here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  compareRow,
  firstDifference,
  formatRatioTable,
  formatReport,
  formatResultsTable,
  instant,
  medianSummary,
  normalizeFloorRows,
  normalizeGateway,
  normalizePostGraphile,
  parseCounter,
  parseFloorOutput,
  parseVmRss,
  percentile,
  ratioRows,
  renderTable,
  shapeOf,
  sortRows,
  summarizeAutocannon,
  summarizeLatencies,
  type CompareReport,
  type CompareRow,
  type LoadSummary,
} from '../../../tools/bench/report';
import { TEST_META } from './bench-fixtures';

const summary = (reqPerSec: number, p99Ms: number, extra: Partial<LoadSummary> = {}): LoadSummary => ({
  reqPerSec,
  p50Ms: p99Ms / 2,
  p99Ms,
  requests: reqPerSec * 10,
  non2xx: 0,
  socketErrors: 0,
  gqlErrors: 0,
  ...extra,
});

describe('bench report: load summaries', () => {
  it('reads an autocannon result and adds up the three kinds of error', () => {
    const s = summarizeAutocannon({ requests: { mean: 812.4, total: 8124 }, latency: { p50: 31, p99: 97 }, non2xx: 2, errors: 1 }, 3);
    expect(s).toEqual({ reqPerSec: 812.4, p50Ms: 31, p99Ms: 97, requests: 8124, non2xx: 2, socketErrors: 1, gqlErrors: 3 });
    expect(compareRow(1, 'q1', 'gateway', s, 2, 256 * 1024 * 1024)).toMatchObject({ errors: 6, sqlPerRequest: 2, rssMaxMb: 256, round: 1, query: 'q1', target: 'gateway' });
  });

  it('takes nearest-rank percentiles of unsorted latencies', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 99)).toBe(0);
    expect(values[0]).toBe(5); // not sorted in place
  });

  it('summarizes hand-measured latencies (the floor) per second of the run', () => {
    const s = summarizeLatencies([2, 4, 6, 8], 2, 1);
    expect(s.requests).toBe(5);
    expect(s.reqPerSec).toBe(2.5);
    expect(s.p50Ms).toBe(4);
    expect(s.p99Ms).toBe(8);
    expect(s.gqlErrors).toBe(1);
  });
});

describe('bench report: the floor and /proc', () => {
  it('parses the last result line of the floor, skipping progress lines', () => {
    const stdout = [
      '{"phase":"measure"}',
      'some warning',
      JSON.stringify({ result: { query: 'q2', reqPerSec: 140.5, p50Ms: 200.1, p99Ms: 460, requests: 1405, errors: 0, statementsPerRequest: 1, connections: 32, durationSec: 10.01, firstError: null } }),
      '',
    ].join('\n');
    expect(parseFloorOutput(stdout)).toEqual({
      query: 'q2',
      reqPerSec: 140.5,
      p50Ms: 200.1,
      p99Ms: 460,
      requests: 1405,
      non2xx: 0,
      socketErrors: 0,
      gqlErrors: 0,
      statementsPerRequest: 1,
      connections: 32,
      durationSec: 10.01,
      firstError: null,
    });
  });

  it('refuses floor output without a result or with missing numbers', () => {
    expect(() => parseFloorOutput('{"phase":"measure"}\n')).toThrow(/no result line/);
    expect(() => parseFloorOutput('{"result":{"query":"q1","reqPerSec":"fast"}}')).toThrow(/reqPerSec/);
    expect(() => parseFloorOutput('{"result":{"query":"q9"}}')).toThrow(/no known query/);
  });

  it('reads VmRSS in bytes from /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1234567 kB\nVmRSS:\t  262144 kB\nRssAnon:\t  200000 kB\n';
    expect(parseVmRss(status)).toBe(262144 * 1024);
    expect(parseVmRss('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeNull();
  });
});

describe('bench report: ratios and tables', () => {
  const rows: CompareRow[] = sortRows([
    compareRow(1, 'q2', 'floor', summary(400, 50), 1, 100 * 1024 * 1024),
    compareRow(1, 'q1', 'postgraphile', summary(1000, 40), 1, 200 * 1024 * 1024),
    compareRow(1, 'q1', 'gateway', summary(500, 80, { non2xx: 1 }), 2, 300 * 1024 * 1024),
    compareRow(1, 'q1', 'floor', summary(2000, 10), 1, null),
    compareRow(1, 'q2', 'gateway', summary(100, 300), 4, null),
    compareRow(1, 'q2', 'postgraphile', summary(0, 0), null, null),
  ]);

  it('sorts rows query by query, gateway, PostGraphile, floor', () => {
    expect(rows.map((r) => `${r.query}:${r.target}`)).toEqual(['q1:gateway', 'q1:postgraphile', 'q1:floor', 'q2:gateway', 'q2:postgraphile', 'q2:floor']);
  });

  it('computes gateway/PostGraphile and gateway/floor ratios, null where a side is missing or zero', () => {
    expect(ratioRows(rows)).toEqual([
      { query: 'q1', gatewayPerPostgraphile: 0.5, gatewayPerFloor: 0.25, p99GatewayPerPostgraphile: 2 },
      { query: 'q2', gatewayPerPostgraphile: null, gatewayPerFloor: 0.25, p99GatewayPerPostgraphile: null },
    ]);
    expect(ratioRows(rows.filter((r) => r.target !== 'floor'))[0]!.gatewayPerFloor).toBeNull();
  });

  it('renders plain tables with names left and numbers right', () => {
    expect(renderTable(['name', 'n'], [['a', '1'], ['bbb', '22']])).toBe(['name |  n', '-----|---', 'a    |  1', 'bbb  | 22'].join('\n'));
  });

  it('renders Markdown tables with alignment markers', () => {
    expect(renderTable(['name', 'count'], [['a', '1']], true)).toBe(['| name | count |', '|:-----|------:|', '| a    |     1 |'].join('\n'));
  });

  it('formats the results table with one query label per group and n/a for unknowns', () => {
    const lines = formatResultsTable(rows).split('\n');
    expect(lines[0]).toMatch(/^query\s+\|\s+target \|\s+req\/s \|\s+p50 ms \|\s+p99 ms \| errors \| SQL\/req \| RSS MB$/);
    expect(lines[2]).toMatch(/^Q1 flat\s+\|\s+gateway \|\s+500\.0 \|\s+40\.0 \|\s+80\.0 \|\s+1 \|\s+2 \|\s+300\.0$/);
    expect(lines[3]).toMatch(/^\s+\| PostGraphile \|\s+1000\.0 \|/);
    expect(lines[4]).toMatch(/SQL floor \|\s+2000\.0 \|.*\|\s+n\/a$/);
    expect(lines[6]).toMatch(/PostGraphile \|\s+0\.0 \|.*\|\s+n\/a \|\s+n\/a$/);
  });

  it('formats ratios as multipliers', () => {
    const table = formatRatioTable(ratioRows(rows), true).split('\n');
    expect(table[0]).toBe('| query     | gateway/PostGraphile req/s | gateway/floor req/s | p99 gateway/PostGraphile |');
    expect(table[2]).toBe('| Q1 flat   |                      0.50× |               0.25× |                    2.00× |');
    expect(table[3]).toBe('| Q2 nested |                        n/a |               0.25× |                      n/a |');
  });

  it('puts the header and every round into the report', () => {
    const report: CompareReport = {
      meta: TEST_META,
      settings: { rounds: 2, connections: 32, warmupSec: 3, durationSec: 10, queries: ['q1', 'q2'], poolSize: 10, floorClients: 32 },
      rounds: [1, 2].map((round) => ({ round, rows, ratios: ratioRows(rows) })),
      medians: medianSummary([1, 2].map((round) => ({ round, rows, ratios: ratioRows(rows) }))),
    };
    const text = formatReport(report);
    expect(text.split('\n')[0]).toBe('2026-11-29T06:00:00Z · Test CPU × 2, 8.0 GB RAM, Linux 6');
    expect(text).toContain('Node: gateway v22.23.3, PostGraphile v22.23.3 (postgraphile 5.1.5), SQL floor v22.23.3, load generator v20.20.2 · PostgreSQL 15.20');
    expect(text).toContain('Round 1');
    expect(text).toContain('Round 2');
    const markdown = formatReport(report, true);
    expect(markdown).toContain('### Round 2');
    expect(markdown).toContain('| Q1 flat   |      gateway |');
  });
});

describe('bench report: the same-rows check', () => {
  const gatewayQ2 = {
    organizations: {
      edges: [
        {
          node: {
            id: 'org-1',
            name: '南平镇人民政府',
            hazards: {
              edges: [
                {
                  node: {
                    id: 'h-1',
                    title: '配电室灭火器压力不足',
                    status: 'CONFIRMED',
                    foundAt: '2026-08-21T05:15:00.000Z',
                    history: {
                      edges: [
                        { node: { id: 'e-1', action: 'REPORT', toStatus: 'REPORTED', at: '2026-08-21T05:25:00.000Z' } },
                        { node: { id: 'e-2', action: 'CONFIRM', toStatus: 'CONFIRMED', at: '2026-08-22T05:25:00.000Z' } },
                      ],
                    },
                  },
                },
              ],
            },
          },
        },
        { node: { id: 'org-2', name: '龙门社区', hazards: { edges: [] } } },
      ],
    },
  };
  const postgraphileQ2 = {
    allOrganizations: {
      edges: [
        {
          node: {
            rowId: 'org-1',
            name: '南平镇人民政府',
            hazardsByOrganizationId: {
              edges: [
                {
                  node: {
                    rowId: 'h-1',
                    title: '配电室灭火器压力不足',
                    status: 'CONFIRMED',
                    foundAt: '2026-08-21T05:15:00.000000+00:00',
                    hazardEventsByHazardId: {
                      edges: [
                        { node: { rowId: 'e-1', action: 'report', toStatus: 'REPORTED', at: '2026-08-21T05:25:00.000000+00:00' } },
                        { node: { rowId: 'e-2', action: 'confirm', toStatus: 'CONFIRMED', at: '2026-08-22T13:25:00.000000+08:00' } },
                      ],
                    },
                  },
                },
              ],
            },
          },
        },
        { node: { rowId: 'org-2', name: '龙门社区', hazardsByOrganizationId: { edges: [] } } },
      ],
    },
  };
  const floorQ2 = [
    { org_id: 'org-1', org_name: '南平镇人民政府', hazard_id: 'h-1', title: '配电室灭火器压力不足', status: 'CONFIRMED', found_at: new Date('2026-08-21T05:15:00Z'), event_id: 'e-1', action: 'report', to_status: 'REPORTED', at: new Date('2026-08-21T05:25:00Z') },
    { org_id: 'org-1', org_name: '南平镇人民政府', hazard_id: 'h-1', title: '配电室灭火器压力不足', status: 'CONFIRMED', found_at: new Date('2026-08-21T05:15:00Z'), event_id: 'e-2', action: 'confirm', to_status: 'CONFIRMED', at: new Date('2026-08-22T05:25:00Z') },
    { org_id: 'org-2', org_name: '龙门社区', hazard_id: null, title: null, status: null, found_at: null, event_id: null, action: null, to_status: null, at: null },
  ];

  it('compares timestamps as instants, whatever their format and precision', () => {
    expect(instant('2026-11-24T06:19:53.419593+00:00')).toBe(instant('2026-11-24T06:19:53.419Z'));
    expect(instant('2026-08-22T13:25:00+08:00')).toBe(Date.UTC(2026, 7, 22, 5, 25));
    expect(instant(new Date(Date.UTC(2026, 0, 1)))).toBe(Date.UTC(2026, 0, 1));
    expect(() => instant('yesterday')).toThrow(/not a timestamp/);
  });

  it('brings the gateway, PostGraphile and floor rows of Q2 to the same shape', () => {
    const g = normalizeGateway('q2', gatewayQ2);
    const p = normalizePostGraphile('q2', postgraphileQ2);
    const f = normalizeFloorRows('q2', floorQ2);
    expect(firstDifference(g, p)).toBeNull();
    expect(firstDifference(g, f)).toBeNull();
    expect(shapeOf(f)).toBe('2 organizations, 1 hazards, 2 steps');
    expect(g).toEqual({
      query: 'q2',
      organizations: [
        {
          id: 'org-1',
          name: '南平镇人民政府',
          hazards: [
            {
              id: 'h-1',
              title: '配电室灭火器压力不足',
              status: 'CONFIRMED',
              foundAt: Date.UTC(2026, 7, 21, 5, 15),
              history: [
                { id: 'e-1', action: 'report', toStatus: 'REPORTED', at: Date.UTC(2026, 7, 21, 5, 25) },
                { id: 'e-2', action: 'confirm', toStatus: 'CONFIRMED', at: Date.UTC(2026, 7, 22, 5, 25) },
              ],
            },
          ],
        },
        { id: 'org-2', name: '龙门社区', hazards: [] },
      ],
    });
  });

  it('names the first difference: a missing step, another order, another status', () => {
    const g = normalizeGateway('q2', gatewayQ2);
    expect(firstDifference(g, normalizeFloorRows('q2', [floorQ2[0]!, floorQ2[2]!]))).toBe('$.organizations[0].hazards[0].history: 2 items vs 1');
    expect(firstDifference(g, normalizeFloorRows('q2', [floorQ2[2]!, floorQ2[0]!, floorQ2[1]!]))).toBe('$.organizations[0].id: "org-1" vs "org-2"');
    const other = normalizeFloorRows('q2', floorQ2.map((r) => (r.status ? { ...r, status: 'REPORTED' } : r)));
    expect(firstDifference(g, other)).toBe('$.organizations[0].hazards[0].status: "CONFIRMED" vs "REPORTED"');
  });

  it('normalizes Q1 lists and Q3 lookups, including a hazard that is not there', () => {
    const g1 = normalizeGateway('q1', { hazards: { edges: [{ node: { id: 'h-1', title: 't', status: 'REPORTED', category: 'FIRE', foundAt: '2026-01-01T00:00:00.000Z' } }] } });
    const f1 = normalizeFloorRows('q1', [{ id: 'h-1', title: 't', status: 'REPORTED', category: 'FIRE', found_at: new Date('2026-01-01T00:00:00Z') }]);
    expect(firstDifference(g1, f1)).toBeNull();
    expect(shapeOf(g1)).toBe('1 hazards');

    const p3 = normalizePostGraphile('q3', { hazardByRowId: { rowId: 'h-1', title: 't', status: 'PLANNED', category: 'FIRE', foundAt: '2026-01-01T00:00:00+00:00', deadline: '2026-02-01' } });
    const f3 = normalizeFloorRows('q3', [{ id: 'h-1', title: 't', status: 'PLANNED', category: 'FIRE', found_at: new Date('2026-01-01T00:00:00Z'), deadline: '2026-02-01' }]);
    expect(firstDifference(p3, f3)).toBeNull();
    expect(normalizeGateway('q3', { hazard: null })).toEqual({ query: 'q3', hazard: null });
    expect(firstDifference(normalizeGateway('q3', { hazard: null }), f3)).toMatch(/^\$\.hazard: null vs \{/);
  });

  it('fails loudly on a response without the expected fields', () => {
    expect(() => normalizeGateway('q1', { allHazards: { edges: [] } })).toThrow(/hazards: expected an object/);
    expect(() => normalizePostGraphile('q1', { allHazards: { edges: [{ node: { id: 'relay-id' } }] } })).toThrow(/rowId: expected a string/);
  });
});

describe('parseCounter', () => {
  it('reads an unlabelled or labelled sample and ignores lookalikes', () => {
    const metrics = ['# HELP db_statements_total SQL statements sent to PostgreSQL.', '# TYPE db_statements_total counter', 'db_statements_total_extra 9', 'db_statements_total 1234', 'process_resident_memory_bytes{pid="1"} 2.5e+8'].join('\n');
    expect(parseCounter(metrics, 'db_statements_total')).toBe(1234);
    expect(parseCounter(metrics, 'process_resident_memory_bytes')).toBe(250_000_000);
    expect(parseCounter(metrics, 'missing_total')).toBeNull();
  });
});
