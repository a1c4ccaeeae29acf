import { startTestGateway, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';

/**
 * A fixed dataset with hand-computed figures, including the period's edges in China Standard Time
 * (a hazard found at 2025-06-30 23:00 CST is inside 2025-01-01…2025-07-01, one at 00:30 on 07-01 is not;
 * a major hazard closed at 23:30 on its deadline day is on time, one closed at 00:30 the next day is late).
 */
const ROWS = [
  // grade, status, deadline (SQL), closed_at, found_at, source
  ['MAJOR', 'CLOSED', `DATE '2025-03-31'`, `'2025-03-31T15:30:00Z'`, `'2025-01-10T02:00:00Z'`, 'SELF_CHECK'],
  ['MAJOR', 'CLOSED', `DATE '2025-04-30'`, `'2025-04-30T16:30:00Z'`, `'2025-02-01T02:00:00Z'`, 'INSPECTION'],
  ['MAJOR', 'RECTIFYING', `DATE '2025-06-30'`, 'NULL', `'2025-03-01T02:00:00Z'`, 'SELF_CHECK'],
  ['MAJOR', 'CLOSED', `DATE '2025-07-01'`, `'2025-06-30T10:00:00Z'`, `'2025-06-30T16:30:00Z'`, 'SELF_CHECK'],
  ['GENERAL', 'REPORTED', 'NULL', 'NULL', `'2025-06-30T15:00:00Z'`, 'GRID_PATROL'],
  ['GENERAL', 'REJECTED', 'NULL', 'NULL', `'2025-05-05T02:00:00Z'`, 'SELF_CHECK'],
  ['GENERAL', 'RECTIFYING', `(now() AT TIME ZONE 'Asia/Shanghai')::date - 5`, 'NULL', `'2024-12-31T17:00:00Z'`, 'INSPECTION'],
  ['GENERAL', 'PLANNED', `(now() AT TIME ZONE 'Asia/Shanghai')::date - 20`, 'NULL', `'2024-12-31T15:00:00Z'`, 'INSPECTION'],
] as const;

describe('hazard indicators', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true });
    // A dataset of its own: the demo hazards of the seed are removed first.
    await t.gateway.database.dataSource.query(`DELETE FROM hazard_event; DELETE FROM accountability_review; DELETE FROM hazard`);
    const [{ id }] = await t.gateway.database.dataSource.query(
      `SELECT o.id FROM organization o WHERE o.kind = 'ENTERPRISE' AND o.path <@ (SELECT path FROM organization WHERE id = $1) ORDER BY o.name LIMIT 1`,
      [seedId('org:village-wenfeng')],
    );
    for (const [i, [grade, status, deadline, closedAt, foundAt, source]] of ROWS.entries()) {
      await t.gateway.database.dataSource.query(
        `INSERT INTO hazard (organization_id, title, category, source, found_at, status, grade, deadline, closed_at)
         VALUES ($1, $2, 'WORK_SAFETY', '${source}', ${foundAt}, '${status}', '${grade}', ${deadline}, ${closedAt})`,
        [id, `指标测试 ${i + 1}`],
      );
    }
  });
  afterAll(() => t?.close());

  const QUERY = `query($root: UUID) { hazardIndicators(from: "2025-01-01", to: "2025-07-01", withinSubtreeOf: $root) {
    found selfReported selfReportedShare majorDue majorClosedOnTime majorOnTimeRate
    overdue { days1To7 days8To30 days31To90 over90 total } byGradeAndStatus { grade status count } } }`;

  it('computes the figures of the period for the town, a village subtree, and nothing outside the caller\'s scope', async () => {
    const town = await t.as('anban');
    const expected = {
      found: 5,
      selfReported: 2,
      selfReportedShare: 0.4,
      majorDue: 3,
      majorClosedOnTime: 1,
      majorOnTimeRate: 1 / 3,
      overdue: { days1To7: 1, days8To30: 1, days31To90: 0, over90: 1, total: 3 },
      byGradeAndStatus: expect.arrayContaining([
        { grade: 'MAJOR', status: 'CLOSED', count: 2 },
        { grade: 'MAJOR', status: 'RECTIFYING', count: 1 },
        { grade: 'GENERAL', status: 'REPORTED', count: 1 },
        { grade: 'GENERAL', status: 'REJECTED', count: 1 },
        { grade: 'GENERAL', status: 'RECTIFYING', count: 1 },
      ]),
    };
    const all = await town(QUERY);
    expect(all.body.data!['hazardIndicators']).toEqual(expected);
    expect(all.body.data!['hazardIndicators'].byGradeAndStatus).toHaveLength(5);
    expect(all.statements).toBe(2);

    const village = await (await t.as('wenfeng'))(QUERY);
    expect(village.body.data!['hazardIndicators']).toEqual(expected);
    const other = await (await t.as('shuanghe'))(QUERY);
    expect(other.body.data!['hazardIndicators']).toMatchObject({ found: 0, majorDue: 0, majorOnTimeRate: null, selfReportedShare: null, overdue: { total: 0 }, byGradeAndStatus: [] });
    const elsewhere = await town(QUERY, { root: seedId('org:village-shuanghe') });
    expect(elsewhere.body.data!['hazardIndicators'].found).toBe(0);
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await (await t.as('anban'))(`{ hazardIndicators(from: "2025-07-01", to: "2025-01-01") { found } }`);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to', rule: 'afterFrom' }] });
  });
});

describe('accountability reviews (责任倒查)', () => {
  it('are recorded for major hazards that were overdue, by managers in scope', async () => {
    const t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true });
    try {
      const [{ id: org }] = await t.gateway.database.dataSource.query(
        `SELECT o.id FROM organization o WHERE o.kind = 'ENTERPRISE' AND o.path <@ (SELECT path FROM organization WHERE id = $1) ORDER BY o.name LIMIT 1`,
        [seedId('org:village-wenfeng')],
      );
      const insert = async (grade: string, status: string, deadline: string, closedAt: string) =>
        (
          await t.gateway.database.dataSource.query(
            `INSERT INTO hazard (organization_id, title, category, source, found_at, status, grade, deadline, closed_at)
             VALUES ($1, '倒查测试', 'WORK_SAFETY', 'INSPECTION', now(), '${status}', '${grade}', ${deadline}, ${closedAt}) RETURNING id`,
            [org],
          )
        )[0].id as string;
      const late = await insert('MAJOR', 'CLOSED', `DATE '2025-04-30'`, `'2025-05-03T02:00:00Z'`);
      const onTime = await insert('MAJOR', 'CLOSED', `DATE '2025-04-30'`, `'2025-04-29T02:00:00Z'`);
      const general = await insert('GENERAL', 'RECTIFYING', `DATE '2025-04-30'`, 'NULL');
      const record = `mutation($input: RecordAccountabilityReviewInput!) { recordAccountabilityReview(input: $input) { id reason } }`;
      const input = (hazardId: string) => ({ hazardId, reason: 'OVERDUE', findings: '整改责任人未按期落实资金和措施', responsibleParties: '企业主要负责人', outcome: '警示约谈，通报批评', decidedOn: '2025-05-10' });
      const village = await t.as('wenfeng');
      expect((await village(record, { input: input(late) })).body.data!['recordAccountabilityReview']).toMatchObject({ reason: 'OVERDUE' });
      expect((await village(record, { input: input(onTime) })).body.errors![0]!.extensions!['fields'][0].rule).toBe('overdue');
      expect((await village(record, { input: input(general) })).body.errors![0]!.extensions!['fields'][0].rule).toBe('major');
      expect((await (await t.as('shuanghe'))(record, { input: input(late) })).body.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Hazard', id: late, field: 'input.hazardId' });
      const [{ n: recorded }] = await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'risk.accountability-review.record' AND entity_type = 'Hazard' AND entity_id = $1`, [late]);
      expect(recorded).toBe(1);
      const reviews = await village(`query($id: UUID!) { hazard(id: $id) { accountabilityReviews { reason outcome } } }`, { id: late });
      expect(reviews.body.data!['hazard'].accountabilityReviews).toEqual([{ reason: 'OVERDUE', outcome: '警示约谈，通报批评' }]);
    } finally {
      await t.close();
    }
  });
});
