import { SortDirection, audit, sql, todayInChina, unscoped, type RequestContext } from '@platform/core';
import { Organizations, Positions, organizationIdWithinSubtree, seedId } from '@platform/directory';
import { Hazards } from '@domains/risk';
import { DamageReport, Incident } from './incident.entity';
import { AFFECTED_ORGANIZATIONS, LINKED_HAZARDS, insertIncidentLinks } from './incident-links.sql';
import { insertSeedRows } from '../shared/seed-rows.sql';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface SeedFigures {
  readonly affectedPeople: number;
  readonly relocatedPeople: number;
  readonly deaths: number;
  readonly missing: number;
  readonly injured: number;
  readonly housesCollapsed: number;
  readonly housesSeverelyDamaged: number;
  readonly housesSlightlyDamaged: number;
  readonly cropAreaHectares: number;
  readonly cropFailureHectares: number;
  readonly directEconomicLossYuan: string;
  readonly note: string;
}

interface SeedReport {
  readonly kind: 'INITIAL' | 'CONTINUED' | 'VERIFIED';
  /** Hours after the incident (at most; squeezed towards now early in the year). */
  readonly afterHours: number;
  readonly figures: SeedFigures;
}

interface SeedIncident {
  readonly key: string;
  readonly village: string;
  readonly type: 'FLASH_FLOOD' | 'LANDSLIDE';
  readonly title: string;
  readonly place: string;
  readonly offset: readonly [number, number];
  readonly daysAgo: number;
  readonly status: 'RESPONDING' | 'CLOSED';
  readonly closedAfterHours?: number;
  readonly description: string;
  readonly reports: readonly SeedReport[];
}

const INCIDENTS: readonly SeedIncident[] = [
  {
    key: 'wenfeng-flash-flood',
    village: '文凤村',
    type: 'FLASH_FLOOD',
    title: '文凤村石板沟山洪灾害',
    place: '文凤村三组石板沟沿线',
    offset: [0.0042, -0.0031],
    daysAgo: 40,
    status: 'CLOSED',
    closedAfterHours: 20 * 24,
    description: '凌晨短时强降雨引发石板沟山洪，冲毁沟边便道和部分农田，三组沿沟住户提前转移，无人员伤亡报告后核实轻伤2人。',
    reports: [
      {
        kind: 'INITIAL',
        afterHours: 1.5,
        figures: { affectedPeople: 35, relocatedPeople: 28, deaths: 0, missing: 0, injured: 1, housesCollapsed: 0, housesSeverelyDamaged: 2, housesSlightlyDamaged: 5, cropAreaHectares: 12.5, cropFailureHectares: 3.2, directEconomicLossYuan: '850000.00', note: '初步统计，三组沿沟住户已转移至村委会。' },
      },
      {
        kind: 'CONTINUED',
        afterHours: 24,
        figures: { affectedPeople: 52, relocatedPeople: 41, deaths: 0, missing: 0, injured: 2, housesCollapsed: 1, housesSeverelyDamaged: 3, housesSlightlyDamaged: 9, cropAreaHectares: 18.6, cropFailureHectares: 4.5, directEconomicLossYuan: '1260000.00', note: '四组新增受灾户6户，倒塌偏房1间。' },
      },
      {
        kind: 'VERIFIED',
        afterHours: 12 * 24,
        figures: { affectedPeople: 48, relocatedPeople: 41, deaths: 0, missing: 0, injured: 2, housesCollapsed: 1, housesSeverelyDamaged: 3, housesSlightlyDamaged: 8, cropAreaHectares: 17.83, cropFailureHectares: 4.2, directEconomicLossYuan: '1186500.00', note: '经镇村两级逐户核实。' },
      },
    ],
  },
  {
    key: 'shuanghe-landslide',
    village: '双河村',
    type: 'LANDSLIDE',
    title: '双河村二组后山滑坡',
    place: '双河村二组后山（村道K2+300处）',
    offset: [-0.0025, 0.0036],
    daysAgo: 3,
    status: 'RESPONDING',
    description: '持续降雨后二组后山发生小型土质滑坡，堵塞村道约30米，威胁坡脚4户，已设置警戒并组织转移。',
    reports: [
      {
        kind: 'INITIAL',
        afterHours: 1,
        figures: { affectedPeople: 14, relocatedPeople: 14, deaths: 0, missing: 0, injured: 0, housesCollapsed: 0, housesSeverelyDamaged: 1, housesSlightlyDamaged: 2, cropAreaHectares: 0.6, cropFailureHectares: 0.2, directEconomicLossYuan: '180000.00', note: '坡脚4户14人已转移至亲友家，村道中断。' },
      },
    ],
  },
];

/**
 * Two incidents of this year: a flash flood at 文凤村 (初报, 续报, 核报; closed) and a landslide at
 * 双河村 (初报 only; responding), each linked to up to two seeded hazards in the village (geological
 * and flood ones first). Ids come from stable keys and rows that exist are left alone, so seeding
 * twice changes nothing. Warnings are not linked (their area may seed later). The villages, their
 * officers and hazards are read through the directory's and risk's declarations.
 */
export async function seedIncidents(ctx: RequestContext): Promise<void> {
  const now = ctx.clock.now().getTime();
  const year = Number(todayInChina(new Date(now)).slice(0, 4));
  // Midnight of 1 January in China: the incidents stay within this year even early in January.
  const yearStart = Date.UTC(year, 0, 1) - 8 * HOUR;
  let inserted = 0;
  for (const [n, s] of INCIDENTS.entries()) {
    const [village] = await unscoped(ctx, Organizations, SEEDING)
      .where(sql`t.kind = 'VILLAGE' AND t.name = ${s.village} AND t.archived_at IS NULL`)
      .list({ keys: [{ column: 't.code', direction: SortDirection.ASC }], limit: 1 });
    if (!village) continue;
    const [officer] = await unscoped(ctx, Positions, SEEDING)
      .where(sql`t.organization_id = ${village.id} AND t.title = '应急专干' AND t.ended_on IS NULL`)
      .list({ keys: [{ column: 't.person_id', direction: SortDirection.ASC }], limit: 1 });
    const occurred = Math.max(now - s.daysAgo * DAY, yearStart + (n + 1) * HOUR);
    // Offsets after the incident, squeezed into the time since (so nothing is in the future).
    const after = (hours: number, share: number) => new Date(occurred + Math.min(hours * HOUR, (now - occurred) * share));
    const id = seedId(`rescue:incidents:${s.key}`);
    const located = village.longitude != null && village.latitude != null;
    const incident = {
      id,
      reportingOrganizationId: village.id,
      type: s.type,
      title: s.title,
      occurredAt: new Date(occurred),
      place: s.place,
      longitude: located ? Number(village.longitude) + s.offset[0] : null,
      latitude: located ? Number(village.latitude) + s.offset[1] : null,
      status: s.status,
      description: s.description,
      closedAt: s.closedAfterHours ? after(s.closedAfterHours, 0.8) : null,
    };
    if (!(await insertSeedRows(ctx, Incident, [incident]))) continue;
    inserted++;
    await insertIncidentLinks(ctx, AFFECTED_ORGANIZATIONS, id, [village.id]);
    const hazards = await unscoped(ctx, Hazards, SEEDING)
      .where(organizationIdWithinSubtree('t.organization_id', village.id))
      .list({
        keys: [
          { column: "(t.category IN ('GEOLOGICAL', 'FLOOD'))", direction: SortDirection.DESC },
          { column: 't.id', direction: SortDirection.ASC },
        ],
        limit: 2,
        properties: ['id'],
      });
    await insertIncidentLinks(
      ctx,
      LINKED_HAZARDS,
      id,
      hazards.map((h) => h.id),
    );
    const reports = s.reports.map((r, i) => ({
      id: seedId(`rescue:incidents:${s.key}:report:${i + 1}`),
      incidentId: id,
      kind: r.kind,
      sequence: i + 1,
      reportedAt: after(r.afterHours, 0.05 + 0.25 * i),
      reportedByPersonId: r.kind === 'VERIFIED' ? null : (officer?.personId ?? null),
      ...r.figures,
    }));
    await insertSeedRows(ctx, DamageReport, reports);
  }
  if (inserted) await audit(ctx, { action: 'rescue.incident.seed', entityType: 'Incident', entityId: null, changes: { inserted } });
}
