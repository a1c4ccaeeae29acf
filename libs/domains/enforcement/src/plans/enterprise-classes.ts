import { businessRules, sql, unscoped, type RequestContext, type Sql } from '@platform/core';
import { EnterpriseProfiles, IndustrySectors, OrganizationKind, Organizations } from '@platform/directory';
import { RiskPoints } from '@domains/risk';
import { INSPECTION_FREQUENCY_RULE } from '../business-rules/plans';
import { EnterpriseClass } from './plan.enums';
import { InspectionPlanEntries, InspectionPlans } from './plans.entities';

/**
 * Which enterprises are key (重点) and which ordinary (一般): derived from the directory and risk
 * (EnterpriseProfile.highRisk; risk points graded red 重大 or orange 较大, read through risk's declared
 * `RiskPoints`), or as an approved plan lists them. A check on the enterprise, not a read on the
 * caller's behalf: answered whatever the caller may read.
 */
const CHECK = 'the class of an enterprise is a check on the directory and its risk grades, answered whatever the caller may read';

/** An enterprise with the class the derivation gives it and why. */
export interface EnterpriseClassification {
  readonly enterpriseId: string;
  readonly name: string;
  readonly enterpriseClass: EnterpriseClass;
  readonly reason: string;
}

interface ClassificationRow {
  readonly id: string;
  readonly name: string;
  readonly profile: { readonly highRisk: boolean; readonly sector: string | null } | null;
  readonly points: { readonly red: number; readonly orange: number };
}

/** KEY for a high-risk sector or a risk point graded red or orange, with the reasons; else ORDINARY. */
function classify(row: ClassificationRow): EnterpriseClassification {
  const reasons: string[] = [];
  if (row.profile?.highRisk) reasons.push(`高危行业（${row.profile.sector ?? '行业未登记'}）`);
  if (row.points.red) reasons.push(`重大风险点 ${row.points.red} 处`);
  if (row.points.orange) reasons.push(`较大风险点 ${row.points.orange} 处`);
  if (reasons.length) return { enterpriseId: row.id, name: row.name, enterpriseClass: EnterpriseClass.KEY, reason: reasons.join('；') };
  const sector = row.profile ? `非高危行业（${row.profile.sector ?? '行业未登记'}）` : '无企业档案';
  return { enterpriseId: row.id, name: row.name, enterpriseClass: EnterpriseClass.ORDINARY, reason: `${sector}，无重大、较大风险点` };
}

/**
 * The active enterprises meeting `condition` (over the organization under alias `t`) with their
 * derived class, by name (then id): one statement.
 */
export async function classifyEnterprises(ctx: RequestContext, condition: Sql): Promise<EnterpriseClassification[]> {
  const sector = unscoped(ctx, IndustrySectors, CHECK).as('s').where(sql`s.code = ep.sector_code`).subquery(sql`s.name_zh`);
  const profile = unscoped(ctx, EnterpriseProfiles, CHECK).as('ep').where(sql`ep.organization_id = t.id`).subquery(sql`json_build_object('highRisk', ep.high_risk, 'sector', ${sector})`);
  const points = unscoped(ctx, RiskPoints, CHECK)
    .as('rp')
    .where(sql`rp.organization_id = t.id AND rp.archived_at IS NULL`)
    .subquery(sql`json_build_object('red', count(*) FILTER (WHERE rp.level = 'RED'), 'orange', count(*) FILTER (WHERE rp.level = 'ORANGE'))`);
  const rows = await unscoped(ctx, Organizations, CHECK)
    .where(sql`t.kind = ${OrganizationKind.ENTERPRISE} AND t.archived_at IS NULL`)
    .where(condition)
    .aggregate<ClassificationRow>(sql`t.id AS "id", t.name AS "name", ${profile} AS "profile", ${points} AS "points"`);
  return rows.map(classify).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.enterpriseId < b.enterpriseId ? -1 : 1));
}

/**
 * The class of each enterprise in `year`: as the approved plan of that year listing it says (the
 * latest approved when several legal subjects list it), else derived (KEY when its sector is high-risk
 * or it has a risk point graded red or orange, else ORDINARY). Ids of no active enterprise are left
 * out. One statement, two when some enterprise is in no approved plan of the year.
 */
export async function enterpriseClassesOf(ctx: RequestContext, enterpriseIds: readonly string[], year: number): Promise<Map<string, EnterpriseClass>> {
  const classes = new Map<string, EnterpriseClass>();
  if (!enterpriseIds.length) return classes;
  const ids = [...new Set(enterpriseIds)];
  const approved = () => unscoped(ctx, InspectionPlans, CHECK).as('p').where(sql`p.id = t.plan_id AND p.status = 'APPROVED' AND p.year = ${year}`);
  const listed = await unscoped(ctx, InspectionPlanEntries, CHECK)
    .where(sql`t.enterprise_id = ANY(CAST(${ids} AS uuid[])) AND EXISTS ${approved().subquery(sql`1`)}`)
    .aggregate<{ enterpriseId: string; enterpriseClass: EnterpriseClass }>(sql`t.enterprise_id AS "enterpriseId", (array_agg(t.enterprise_class ORDER BY ${approved().subquery(sql`p.approved_at`)} DESC, t.id))[1] AS "enterpriseClass"`, {
      groupBy: sql`t.enterprise_id`,
    });
  for (const row of listed) classes.set(row.enterpriseId, row.enterpriseClass);
  const rest = ids.filter((id) => !classes.has(id));
  if (rest.length) for (const c of await classifyEnterprises(ctx, sql`t.id = ANY(CAST(${rest} AS uuid[]))`)) classes.set(c.enterpriseId, c.enterpriseClass);
  return classes;
}

/** A class's yearly cap in a version of INSPECTION_FREQUENCY_RULE. */
export const capOf = (value: { readonly keyPerYear: number; readonly ordinaryPerYear: number }, enterpriseClass: EnterpriseClass): number =>
  enterpriseClass === EnterpriseClass.KEY ? value.keyPerYear : value.ordinaryPerYear;

/**
 * The most inspections an enterprise of the class may receive in a year, and the repeat window, by
 * the version of INSPECTION_FREQUENCY_RULE in force on `day` (BAD_USER_INPUT on `field`, rule `exists`,
 * when none is).
 */
export async function frequencyCapFor(ctx: RequestContext, enterpriseClass: EnterpriseClass, day: string, field = 'day'): Promise<{ cap: number; repeatWindowDays: number; ruleVersionId: string }> {
  const rule = await businessRules.inForce(ctx, INSPECTION_FREQUENCY_RULE, day, field);
  return { cap: capOf(rule.value, enterpriseClass), repeatWindowDays: rule.value.repeatWindowDays, ruleVersionId: rule.id };
}
