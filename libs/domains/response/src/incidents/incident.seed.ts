import { audit, todayInChina, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';

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
  readonly directEconomicLossYuan: number;
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
        figures: { affectedPeople: 35, relocatedPeople: 28, deaths: 0, missing: 0, injured: 1, housesCollapsed: 0, housesSeverelyDamaged: 2, housesSlightlyDamaged: 5, cropAreaHectares: 12.5, cropFailureHectares: 3.2, directEconomicLossYuan: 850000, note: '初步统计，三组沿沟住户已转移至村委会。' },
      },
      {
        kind: 'CONTINUED',
        afterHours: 24,
        figures: { affectedPeople: 52, relocatedPeople: 41, deaths: 0, missing: 0, injured: 2, housesCollapsed: 1, housesSeverelyDamaged: 3, housesSlightlyDamaged: 9, cropAreaHectares: 18.6, cropFailureHectares: 4.5, directEconomicLossYuan: 1260000, note: '四组新增受灾户6户，倒塌偏房1间。' },
      },
      {
        kind: 'VERIFIED',
        afterHours: 12 * 24,
        figures: { affectedPeople: 48, relocatedPeople: 41, deaths: 0, missing: 0, injured: 2, housesCollapsed: 1, housesSeverelyDamaged: 3, housesSlightlyDamaged: 8, cropAreaHectares: 17.83, cropFailureHectares: 4.2, directEconomicLossYuan: 1186500, note: '经镇村两级逐户核实。' },
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
        figures: { affectedPeople: 14, relocatedPeople: 14, deaths: 0, missing: 0, injured: 0, housesCollapsed: 0, housesSeverelyDamaged: 1, housesSlightlyDamaged: 2, cropAreaHectares: 0.6, cropFailureHectares: 0.2, directEconomicLossYuan: 180000, note: '坡脚4户14人已转移至亲友家，村道中断。' },
      },
    ],
  },
];

/**
 * Two incidents of this year: a flash flood at 文凤村 (初报, 续报, 核报; closed) and a landslide at
 * 双河村 (初报 only; responding), each linked to up to two seeded hazards in the village (geological
 * and flood ones first). Ids come from stable keys and rows that exist are left alone, so seeding
 * twice changes nothing. Warnings are not linked (their area may seed later).
 */
export async function seedIncidents(ctx: RequestContext): Promise<void> {
  const m = ctx.manager;
  const now = ctx.clock.now().getTime();
  const year = Number(todayInChina(new Date(now)).slice(0, 4));
  // Midnight of 1 January in China: the incidents stay within this year even early in January.
  const yearStart = Date.UTC(year, 0, 1) - 8 * HOUR;
  let inserted = 0;
  for (const [n, s] of INCIDENTS.entries()) {
    const [village] = await m.query(
      `SELECT o.id, o.longitude, o.latitude,
         (SELECT pp.person_id FROM person_position pp WHERE pp.organization_id = o.id AND pp.title = '应急专干' AND pp.ended_on IS NULL ORDER BY pp.person_id LIMIT 1) AS officer_id
       FROM organization o WHERE o.kind = 'VILLAGE' AND o.name = $1 AND o.archived_at IS NULL ORDER BY o.code LIMIT 1`,
      [s.village],
    );
    if (!village) continue;
    const occurred = Math.max(now - s.daysAgo * DAY, yearStart + (n + 1) * HOUR);
    // Offsets after the incident, squeezed into the time since (so nothing is in the future).
    const after = (hours: number, share: number) => new Date(occurred + Math.min(hours * HOUR, (now - occurred) * share));
    const id = seedId(`rescue:incidents:${s.key}`);
    const located = village.longitude != null && village.latitude != null;
    const lon = located ? Number(village.longitude) + s.offset[0] : null;
    const lat = located ? Number(village.latitude) + s.offset[1] : null;
    const created = await m.query(
      `INSERT INTO incident (id, reporting_organization_id, type, title, occurred_at, place, longitude, latitude, status, description, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, village.id, s.type, s.title, new Date(occurred), s.place, lon, lat, s.status, s.description, s.closedAfterHours ? after(s.closedAfterHours, 0.8) : null],
    );
    if (!created.length) continue;
    inserted++;
    await m.query(`INSERT INTO incident_organization (incident_id, organization_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, village.id]);
    await m.query(
      `INSERT INTO incident_hazard (incident_id, hazard_id)
       SELECT $1, h.id FROM hazard h JOIN organization o ON o.id = h.organization_id
       WHERE o.path <@ (SELECT r.path FROM organization r WHERE r.id = $2)
       ORDER BY (h.category IN ('GEOLOGICAL', 'FLOOD')) DESC, h.id LIMIT 2
       ON CONFLICT DO NOTHING`,
      [id, village.id],
    );
    for (const [i, r] of s.reports.entries()) {
      const f = r.figures;
      await m.query(
        `INSERT INTO incident_damage_report (id, incident_id, kind, sequence, reported_at, reported_by_person_id, affected_people, relocated_people, deaths, missing, injured,
           houses_collapsed, houses_severely_damaged, houses_slightly_damaged, crop_area_hectares, crop_failure_hectares, direct_economic_loss_yuan, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT (id) DO NOTHING`,
        [
          seedId(`rescue:incidents:${s.key}:report:${i + 1}`),
          id,
          r.kind,
          i + 1,
          after(r.afterHours, 0.05 + 0.25 * i),
          r.kind === 'VERIFIED' ? null : village.officer_id,
          f.affectedPeople,
          f.relocatedPeople,
          f.deaths,
          f.missing,
          f.injured,
          f.housesCollapsed,
          f.housesSeverelyDamaged,
          f.housesSlightlyDamaged,
          f.cropAreaHectares,
          f.cropFailureHectares,
          f.directEconomicLossYuan,
          f.note,
        ],
      );
    }
  }
  if (inserted) await audit(ctx, { action: 'rescue.incident.seed', entityType: 'Incident', entityId: null, changes: { inserted } });
}
