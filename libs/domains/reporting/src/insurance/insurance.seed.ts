import { addDays, audit, businessRules, todayInChina, unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { Incidents } from '@domains/response';
import { CATASTROPHE_INSURANCE_RULE, INSURANCE_MANDATORY_SECTORS_RULE } from '../business-rules/insurance';
import { insertSeedCatastrophePolicy, insertSeedClaim, insertSeedPolicies, type SeedPolicyRow } from './insurance.seed.sql';

const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded liability policy, by its key below (e.g. `sinopec-nanping-2026`). */
export const liabilityPolicySeedId = (key: string): string => seedId(`reporting:liability-policy:${key}`);
/** The id of the seeded catastrophe policy of a year. */
export const catastrophePolicySeedId = (year: number): string => seedId(`reporting:catastrophe-policy:${year}`);

const PICC = '中国人民财产保险股份有限公司南川支公司';
const PINGAN = '中国平安财产保险股份有限公司重庆分公司';
const CPIC = '中国太平洋财产保险股份有限公司重庆分公司';
const LOCAL = '重庆某村镇保险代理有限公司（代理）';

/** [key, enterprise key, insurer, number, first day, last day, per-person limit, headcount, premium, cancelled on / reason]. */
type SeedPolicy = readonly [string, string, string, string, string, string, string, number, string | null, (readonly [string, string])?];

/**
 * 南平镇's liability policies (deterministic): most enterprises of the mandatory sectors covered; a
 * quarry with a ¥300,000 limit (below the minimum), a quarry whose policy lapsed, a fireworks shop
 * and a construction company without any, two policies ending in December 2026 (one renewed), and
 * voluntary policies of a gas supplier (燃气: high-risk in the directory, not mandatory) and a
 * non-ferrous works, the latter cancelled.
 */
const POLICIES: readonly SeedPolicy[] = [
  ['sinopec-nanping-2026', 'ent-sinopec-nanping', PICC, 'PZAW202650011900000231', '2026-03-01', '2027-02-28', '600000', 12, '4800.00'],
  ['sinopec-longmen-2026', 'ent-sinopec-longmen', PICC, 'PZAW202650011900000232', '2026-03-01', '2027-02-28', '600000', 10, '4200.00'],
  ['jinlong-gas-2026', 'ent-jinlong-gas-station', PINGAN, '10985003900107853201', '2026-01-01', '2026-12-31', '400000', 9, '3150.00'],
  ['fengming-gas-2025', 'ent-fengming-industrial-gas', CPIC, 'ACHQ4110025Q000187', '2025-12-20', '2026-12-19', '400000', 5, '1800.00'],
  ['fengming-gas-2026', 'ent-fengming-industrial-gas', CPIC, 'ACHQ4110026Q000231', '2026-12-20', '2027-12-19', '450000', 5, '2025.00'],
  ['hongfa-quarry-2026', 'ent-hongfa-quarry', PICC, 'PZAW202650011900000118', '2026-05-01', '2027-04-30', '500000', 38, '22800.00'],
  ['dashi-stone-2026', 'ent-dashi-stone', LOCAL, 'NCDL-2026-0047', '2026-04-01', '2027-03-31', '300000', 21, '6300.00'],
  ['qinglong-quarry-2025', 'ent-qinglong-quarry', PINGAN, '10985003900107241187', '2025-04-01', '2026-03-31', '400000', 26, '11700.00'],
  ['xiangrui-fireworks-2026', 'ent-xiangrui-fireworks', PICC, 'PZAW202650011900000064', '2026-02-01', '2027-01-31', '400000', 2, '600.00'],
  ['fushou-fireworks-2026', 'ent-fushou-fireworks', PICC, 'PZAW202650011900000065', '2026-02-01', '2027-01-31', '400000', 1, '300.00'],
  ['hengtong-construction-2026', 'ent-hengtong-construction', CPIC, 'ACHQ4110026Q000012', '2026-01-15', '2027-01-14', '800000', 96, '43200.00'],
  ['jiarui-construction-2026', 'ent-jiarui-construction', PINGAN, '10985003900108012456', '2026-06-01', '2027-05-31', '500000', 64, '24000.00'],
  ['shunda-transport-2026', 'ent-shunda-transport', PICC, 'PZAW202650011900000177', '2026-07-01', '2027-06-30', '450000', 28, '8400.00'],
  ['nanping-passenger-2026', 'ent-nanping-passenger', PINGAN, '10985003900107853377', '2026-01-01', '2026-12-31', '1000000', 47, '18800.00'],
  ['jinxing-foundry-2025', 'ent-jinxing-foundry', CPIC, 'ACHQ4110025Q000301', '2025-09-01', '2026-08-31', '400000', 45, '13500.00'],
  ['jinxing-foundry-2026', 'ent-jinxing-foundry', CPIC, 'ACHQ4110026Q000288', '2026-09-01', '2027-08-31', '600000', 45, '18000.00'],
  ['xinyuan-lpg-2026', 'ent-xinyuan-lpg', PICC, 'PZAW202650011900000019', '2026-01-01', '2026-12-31', '400000', 9, '2700.00'],
  ['xintai-aluminium-2026', 'ent-xintai-aluminium', CPIC, 'ACHQ4110026Q000090', '2026-03-01', '2027-02-28', '400000', 60, '9000.00', ['2026-10-01', '企业改为投保雇主责任险，非强制投保行业，自愿退保']],
];

/**
 * The demo insurance of 南平镇: the liability policies above (each keeping the rule version in force
 * on its first day), the district's 2026 catastrophe policy and a paid medical claim for the two
 * injured of the 文凤村 flash flood when that incident lies in the policy's year. Idempotent; nothing
 * when the directory holds no town.
 */
export async function seedInsurance(ctx: RequestContext): Promise<void> {
  const town = seedId('org:town');
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(town))) return;
  const rows: SeedPolicyRow[] = [];
  for (const [key, enterprise, insurer, number, startsOn, endsOn, limit, headcount, premium, cancelled] of POLICIES) {
    const rule = await businessRules.inForce(ctx, INSURANCE_MANDATORY_SECTORS_RULE, startsOn);
    rows.push({
      id: liabilityPolicySeedId(key),
      enterpriseId: seedId(`org:${enterprise}`),
      insurer,
      policyNumber: number,
      startsOn,
      endsOn,
      perPersonLimitYuan: limit,
      headcountCovered: headcount,
      premiumYuan: premium,
      ruleVersionId: rule.id,
      cancelledOn: cancelled?.[0] ?? null,
      cancellationReason: cancelled?.[1] ?? null,
    });
  }
  const policies = await insertSeedPolicies(ctx, rows);

  const year = 2026;
  const catastrophe = catastrophePolicySeedId(year);
  const minimums = await businessRules.inForce(ctx, CATASTROPHE_INSURANCE_RULE, `${year}-01-01`);
  const inserted = await insertSeedCatastrophePolicy(ctx, catastrophe, town, year, minimums.id);
  const flood = seedId('rescue:incidents:wenfeng-flash-flood');
  const [incident] = await unscoped(ctx, Incidents, SEEDING).many([flood], ['id', 'occurredAt']);
  let claims = 0;
  if (incident && todayInChina(incident.occurredAt).startsWith(`${year}-`)) {
    const day = todayInChina(incident.occurredAt);
    const filedOn = [addDays(day, 3), ctx.clock.today()].sort()[0]!;
    // Paid 20 days after filing, unless that day is still to come (then it is still FILED).
    const paidOn = addDays(filedOn, 20);
    const paid = paidOn <= ctx.clock.today();
    const claimed = await insertSeedClaim(ctx, { id: seedId('reporting:catastrophe-claim:wenfeng-flash-flood'), policyId: catastrophe, incidentId: flood, organizationId: seedId('org:village-wenfeng'), filedOn, paid, paidOn });
    claims = claimed;
  }
  if (policies + inserted + claims) {
    await audit(ctx, { action: 'reporting.insurance.seed', entityType: 'LiabilityInsurancePolicy', entityId: null, changes: { liabilityPolicies: policies, catastrophePolicies: inserted, catastropheClaims: claims } });
  }
}
