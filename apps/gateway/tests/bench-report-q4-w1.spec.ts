// tools/ is not an Nx project, so the module-boundaries rule cannot place it; the bench's pure functions are tested here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { COMPARE_QUERIES, firstDifference, normalizeFloorRows, normalizeGateway, normalizePostGraphile, parseFloorOutput, shapeOf } from '../../../tools/bench/report';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { W1_NAME_PREFIX, gatewayW1Variables, postgraphileW1Variables, w1Shelter } from '../../../tools/bench/queries';

/** The same-rows check of `npm run bench:compare` for Q4 (live warnings × deliveries × acknowledgements) and W1 (a create). */
describe('bench report: Q4 and W1', () => {
  const sent = '2026-08-30T12:11:27.000Z';
  const acked = '2026-08-30T12:29:34.000Z';
  const person = { id: 'p-1', name: '汪川江' };
  const gatewayQ4 = {
    warnings: {
      edges: [
        {
          node: {
            id: 'w-1',
            headline: '南平镇人民政府发布暴雨黄色预警',
            level: 'YELLOW',
            status: 'ACTIVE',
            sentAt: sent,
            deliveries: {
              totalCount: 3,
              edges: [
                { node: { id: 'd-2', deliveredAt: sent, status: 'ACKNOWLEDGED', acknowledgedAt: acked, ackChannel: 'PHONE', acknowledgedBy: person } },
                { node: { id: 'd-1', deliveredAt: sent, status: 'PENDING', acknowledgedAt: null, ackChannel: null, acknowledgedBy: null } },
              ],
            },
          },
        },
        { node: { id: 'w-2', headline: '南平镇人民政府发布干旱蓝色预警', level: 'BLUE', status: 'ACTIVE', sentAt: sent, deliveries: { totalCount: 0, edges: [] } } },
      ],
    },
  };
  // PostGraphile: rowId, the relations' names, timestamps with another offset and precision.
  const postgraphileQ4 = {
    allWarnings: {
      edges: gatewayQ4.warnings.edges.map(({ node: { id, deliveries, sentAt, ...w } }) => ({
        node: {
          ...w,
          rowId: id,
          sentAt: sentAt.replace('.000Z', '+00:00'),
          warningDeliveriesByWarningId: {
            totalCount: deliveries.totalCount,
            edges: deliveries.edges.map(({ node: { id: rowId, acknowledgedBy, ...d } }) => ({
              node: { ...d, rowId, personByAcknowledgedByPersonId: acknowledgedBy && { rowId: acknowledgedBy.id, name: acknowledgedBy.name } },
            })),
          },
        },
      })),
    },
  };
  const warningColumns = { headline: '南平镇人民政府发布暴雨黄色预警', level: 'YELLOW', warning_status: 'ACTIVE', sent_at: new Date(sent), total: 3 };
  const floorQ4 = [
    { warning_id: 'w-1', ...warningColumns, delivery_id: 'd-2', delivered_at: new Date(sent), delivery_status: 'ACKNOWLEDGED', acknowledged_at: new Date(acked), ack_channel: 'PHONE', person_id: 'p-1', person_name: '汪川江' },
    { warning_id: 'w-1', ...warningColumns, delivery_id: 'd-1', delivered_at: new Date(sent), delivery_status: 'PENDING', acknowledged_at: null, ack_channel: null, person_id: null, person_name: null },
    // A warning without deliveries: one row of nulls from the LEFT JOIN LATERAL.
    { warning_id: 'w-2', headline: '南平镇人民政府发布干旱蓝色预警', level: 'BLUE', warning_status: 'ACTIVE', sent_at: new Date(sent), total: 0, delivery_id: null, delivered_at: null, delivery_status: null, acknowledged_at: null, ack_channel: null, person_id: null, person_name: null },
  ];

  it('brings the gateway, PostGraphile and floor rows of Q4 to the same shape', () => {
    const g = normalizeGateway('q4', gatewayQ4);
    const p = normalizePostGraphile('q4', postgraphileQ4);
    const f = normalizeFloorRows('q4', floorQ4);
    expect(firstDifference(g, p)).toBeNull();
    expect(firstDifference(g, f)).toBeNull();
    expect(shapeOf(f)).toBe('2 warnings, 2 deliveries, 1 acknowledged by a person');
    expect(g).toEqual({
      query: 'q4',
      warnings: [
        {
          id: 'w-1',
          headline: '南平镇人民政府发布暴雨黄色预警',
          level: 'YELLOW',
          status: 'ACTIVE',
          sentAt: Date.UTC(2026, 7, 30, 12, 11, 27),
          totalCount: 3,
          deliveries: [
            { id: 'd-2', deliveredAt: Date.UTC(2026, 7, 30, 12, 11, 27), status: 'ACKNOWLEDGED', acknowledgedAt: Date.UTC(2026, 7, 30, 12, 29, 34), ackChannel: 'PHONE', acknowledgedBy: { id: 'p-1', name: '汪川江' } },
            { id: 'd-1', deliveredAt: Date.UTC(2026, 7, 30, 12, 11, 27), status: 'PENDING', acknowledgedAt: null, ackChannel: null, acknowledgedBy: null },
          ],
        },
        { id: 'w-2', headline: '南平镇人民政府发布干旱蓝色预警', level: 'BLUE', status: 'ACTIVE', sentAt: Date.UTC(2026, 7, 30, 12, 11, 27), totalCount: 0, deliveries: [] },
      ],
    });
  });

  it('names the first difference of Q4: another acknowledger, a missing delivery, another count', () => {
    const g = normalizeGateway('q4', gatewayQ4);
    expect(firstDifference(g, normalizeFloorRows('q4', floorQ4.map((r) => (r.person_id ? { ...r, person_name: '汪川' } : r))))).toBe(
      '$.warnings[0].deliveries[0].acknowledgedBy.name: "汪川江" vs "汪川"',
    );
    expect(firstDifference(g, normalizeFloorRows('q4', [floorQ4[0]!, floorQ4[2]!]))).toBe('$.warnings[0].deliveries: 2 items vs 1');
    expect(firstDifference(g, normalizeFloorRows('q4', floorQ4.map((r) => (r.warning_id === 'w-1' ? { ...r, total: 2 } : r))))).toBe('$.warnings[0].totalCount: 3 vs 2');
  });

  it('fails loudly on a Q4 answer without its deliveries connection', () => {
    expect(() => normalizePostGraphile('q4', { allWarnings: { edges: [{ node: { rowId: 'w-1', headline: 'h', level: 'RED', status: 'ACTIVE', sentAt: sent } }] } })).toThrow(/warningDeliveriesByWarningId: expected an object/);
  });

  it('gives every W1 request a shelter of its own, the same input on both servers', () => {
    const villages = ['v-1', 'v-2', 'v-3'];
    const shelters = [0, 1, 2, 3].map((n) => w1Shelter('g', n, villages));
    expect(shelters.map((s) => s.organizationId)).toEqual(['v-1', 'v-2', 'v-3', 'v-1']);
    expect(new Set(shelters.map((s) => s.name)).size).toBe(4);
    expect(shelters.every((s) => s.name.startsWith(W1_NAME_PREFIX))).toBe(true);
    expect(gatewayW1Variables(shelters[1]!).input).toEqual(postgraphileW1Variables(shelters[1]!).shelter);
  });

  it('compares W1\'s created shelter without its id, which each side makes its own', () => {
    const row = { organizationId: 'v-1', name: `${W1_NAME_PREFIX}check-0`, type: 'INDOOR', capacity: 50, status: 'AVAILABLE' };
    const g = normalizeGateway('w1', { createShelter: { id: 's-g', ...row } });
    const p = normalizePostGraphile('w1', { createShelter: { shelter: { rowId: 's-p', ...row } } });
    const f = normalizeFloorRows('w1', [{ id: 's-f', organization_id: 'v-1', name: row.name, type: 'INDOOR', capacity: 50, status: 'AVAILABLE' }]);
    expect([g.query === 'w1' && g.id, p.query === 'w1' && p.id, f.query === 'w1' && f.id]).toEqual(['s-g', 's-p', 's-f']);
    const shelter = (n: typeof g) => (n.query === 'w1' ? n.shelter : null);
    expect(firstDifference(shelter(g), shelter(f))).toBeNull();
    expect(firstDifference(shelter(p), shelter(f))).toBeNull();
    expect(firstDifference(shelter(g), shelter(normalizeGateway('w1', { createShelter: { id: 's-g', ...row, capacity: 51 } })))).toBe('$.capacity: 50 vs 51');
    expect(() => normalizeFloorRows('w1', [])).toThrow(/expected the one created row, got 0/);
  });

  it('reads the floor\'s result line of Q4 and W1', () => {
    expect(COMPARE_QUERIES).toEqual(['q1', 'q2', 'q3', 'q4', 'w1']);
    const line = (query: string) =>
      JSON.stringify({ result: { query, reqPerSec: 100, p50Ms: 1, p99Ms: 2, requests: 1000, errors: 0, statementsPerRequest: 1, connections: 32, durationSec: 10, firstError: null } });
    expect(parseFloorOutput(line('q4')).query).toBe('q4');
    expect(parseFloorOutput(line('w1')).query).toBe('w1');
    expect(() => parseFloorOutput(line('q5'))).toThrow(/names no known query/);
  });
});
