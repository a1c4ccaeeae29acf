import { ParamNames, businessRuleSql, compile, daySql, join, paginateSql, positional, raw, records, sql, type ConnectionResult, type PageRequest, type RequestContext, type SortKey, type Sql, type DayExpression } from '@platform/core';
import { EnterpriseProfiles, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { Hazards } from '@domains/risk';
import { EmergencyPlans, drillStandingSql } from '@domains/preparedness';
import { Inspections, PenaltyCases, SpecialOperationCertificates, specialOperationStatusSql } from '@domains/enforcement';
import { INSURANCE_MANDATORY_SECTORS_RULE, LiabilityInsurancePolicies, lapsingSql, limitBelowMinimumSql, mandatorySectorSql, policyStatusSql, withoutInternalRewardMechanismSql } from '@domains/reporting';
import { Alarms } from '../alarms/public';
import { SensorThings } from '../sensors/public';
import { EnterpriseEquipments, EquipmentRenewalPlans, eliminatedInServiceSql, renewalOverdueSql } from '../equipment/public';
import { EnterprisePicturePermission } from './enterprise-picture.permissions';
import { ENTERPRISE_STATUS_RULE } from '../business-rules/enterprise-status';

/*
 * The enterprise safety butler in SQL, written once: the reasons of an enterprise (`reasonRowsSql`),
 * and the rows of enterprises with their status, score and reasons (`standingRowsSql`) that both the
 * picture (one enterprise) and the red list (a page) read in ONE statement. Every other module's
 * records come through their declarations, read in the scope of scenarios.enterprise-picture:read,
 * and their computed states through their exported SQL forms, so a state is never computed two ways.
 */

const P = EnterprisePicturePermission.Read;
const OPEN_HAZARD = sql`h.status NOT IN ('CLOSED', 'REJECTED')`;
const OPEN_CASE = sql`pc.status NOT IN ('CLOSED', 'ARCHIVED')`;

/** A reason row: code, the record's GraphQL type and id (or NULLs), its detail and since when (a date). */
const reason = (code: string, type: string | null, id: Sql, detail: Sql, since: Sql): Sql =>
  sql`${raw(`'${code}'`)} AS code, ${type ? raw(`'${type}'`) : raw('NULL::text')} AS record_type, ${id} AS record_id, ${detail} AS detail, ${since} AS since`;

/**
 * SQL: the reasons of the enterprise whose columns are under `e` (`e.id`, `e.kind`, `e.sector_code`,
 * `e.high_risk`) on `today`, as rows (code, record_type, record_id, detail, since): a UNION ALL of one
 * subquery per source, each through its module's declaration in this permission's scope.
 * `cfg.rv` is the value of the rule version in force (for the drill warning days).
 */
export function reasonRowsSql(ctx: RequestContext, today: DayExpression): Sql {
  const day = daySql(today);
  const hazards = () => records(ctx, Hazards, P).as('h');
  const certificates = () => records(ctx, SpecialOperationCertificates, P).as('sc');
  const policies = () => records(ctx, LiabilityInsurancePolicies, P).as('lp');
  const certStatus = specialOperationStatusSql('sc', today);
  const alarms = () => records(ctx, Alarms, P).as('al');
  // The alarm's device and level, e.g. 1号加油机可燃气体探测器 ORANGE.
  const alarmDetail = sql`coalesce(${records(ctx, SensorThings, P).as('st').where(sql`st.id = al.thing_id`).subquery(sql`st.name`)} || ' ', '') || al.level`;
  const parts: Sql[] = [
    hazards()
      .where(sql`h.organization_id = e.id AND ${OPEN_HAZARD} AND h.grade = 'MAJOR'`)
      .subquery(reason('MAJOR_HAZARD_OPEN', 'Hazard', sql`h.id`, sql`h.title`, sql`(h.found_at AT TIME ZONE 'Asia/Shanghai')::date`)),
    hazards()
      .where(sql`h.organization_id = e.id AND ${OPEN_HAZARD} AND h.deadline < ${day}`)
      .subquery(reason('HAZARD_OVERDUE', 'Hazard', sql`h.id`, sql`h.title`, sql`h.deadline + 1`)),
    hazards()
      .where(sql`h.organization_id = e.id AND ${OPEN_HAZARD} AND h.grade IS DISTINCT FROM 'MAJOR' AND NOT coalesce(h.deadline < ${day}, false)`)
      .subquery(reason('HAZARD_OPEN', 'Hazard', sql`h.id`, sql`h.title`, sql`(h.found_at AT TIME ZONE 'Asia/Shanghai')::date`)),
    certificates()
      .where(sql`sc.enterprise_id = e.id AND ${certStatus} IN ('EXPIRED', 'REVIEW_OVERDUE')`)
      .subquery(reason('CERTIFICATE_EXPIRED', 'SpecialOperationCertificate', sql`sc.id`, sql`sc.number || ' ' || sc.operation_item`, sql`CASE WHEN ${certStatus} = 'EXPIRED' THEN sc.valid_until + 1 ELSE sc.review_due_on + 1 END`)),
    certificates()
      .where(sql`sc.enterprise_id = e.id AND ${certStatus} IN ('EXPIRING', 'REVIEW_DUE')`)
      .subquery(reason('CERTIFICATE_EXPIRING', 'SpecialOperationCertificate', sql`sc.id`, sql`sc.number || ' ' || sc.operation_item`, sql`CASE WHEN ${certStatus} = 'EXPIRING' THEN sc.valid_until ELSE sc.review_due_on END`)),
    sql`(SELECT ${reason('INSURANCE_LAPSED', 'LiabilityInsurancePolicy', sql`(${policies().where(sql`lp.enterprise_id = e.id`).subquery(sql`(array_agg(lp.id ORDER BY lp.ends_on DESC, lp.id DESC))[1]`)})`, sql`NULL::text`, sql`(${policies().where(sql`lp.enterprise_id = e.id AND lp.ends_on < ${day}`).subquery(sql`max(lp.ends_on) + 1`)})`)}
         WHERE e.mandatory AND NOT e.covered)`,
    policies()
      .where(sql`lp.enterprise_id = e.id AND ${lapsingSql('lp', today)}`)
      .subquery(reason('INSURANCE_LAPSING', 'LiabilityInsurancePolicy', sql`lp.id`, sql`lp.insurer || ' ' || lp.policy_number`, sql`lp.ends_on`)),
    records(ctx, Inspections, P)
      .as('ins')
      .where(sql`ins.enterprise_id = e.id AND ins.status = 'RECTIFICATION_ORDERED' AND ins.reinspection_due_on < ${day}`)
      .subquery(reason('REINSPECTION_OVERDUE', 'Inspection', sql`ins.id`, sql`ins.code`, sql`ins.reinspection_due_on + 1`)),
    records(ctx, PenaltyCases, P)
      .as('pc')
      .where(sql`pc.enterprise_id = e.id AND ${OPEN_CASE}`)
      .subquery(reason('CASE_OPEN', 'PenaltyCase', sql`pc.id`, sql`pc.code || ' ' || pc.cause`, sql`pc.filed_on`)),
    sql`(SELECT ${reason('DRILL_OVERDUE', 'DrillRule', sql`CAST(e.drills ->> 'ruleId' AS uuid)`, sql`e.drills ->> 'ruleName'`, sql`NULL::date`)} WHERE e.drill_overdue)`,
    sql`(SELECT ${reason('PLAN_MISSING', null, sql`NULL::uuid`, sql`NULL::text`, sql`NULL::date`)}
         WHERE NOT EXISTS ${records(ctx, EmergencyPlans, P).as('ep').where(sql`ep.organization_id = e.id AND ep.status = 'EFFECTIVE'`).subquery(sql`1`)})`,
    records(ctx, EmergencyPlans, P)
      .as('ep')
      .where(sql`ep.organization_id = e.id AND ep.status = 'EFFECTIVE' AND ep.next_review_on < ${day}`)
      .subquery(reason('PLAN_REVIEW_OVERDUE', 'EmergencyPlan', sql`ep.id`, sql`ep.title`, sql`ep.next_review_on + 1`)),
    sql`(SELECT ${reason('NO_INTERNAL_REWARD_MECHANISM', null, sql`NULL::uuid`, sql`NULL::text`, sql`NULL::date`)} WHERE ${withoutInternalRewardMechanismSql('e')})`,
    alarms().where(sql`al.organization_id = e.id AND al.status = 'TRIGGERED'`).subquery(reason('ALARM_UNACKNOWLEDGED', 'Alarm', sql`al.id`, alarmDetail, sql`(al.triggered_at AT TIME ZONE 'Asia/Shanghai')::date`)),
    alarms().where(sql`al.organization_id = e.id AND al.status = 'ACKNOWLEDGED'`).subquery(reason('ALARM_OPEN', 'Alarm', sql`al.id`, alarmDetail, sql`(al.triggered_at AT TIME ZONE 'Asia/Shanghai')::date`)),
    records(ctx, EnterpriseEquipments, P)
      .as('eq')
      .where(sql`eq.enterprise_id = e.id AND ${eliminatedInServiceSql('eq')}`)
      .subquery(reason('EQUIPMENT_ELIMINATED_IN_SERVICE', 'EnterpriseEquipment', sql`eq.id`, sql`eq.name || coalesce('（' || eq.catalogue_reference || '）', '')`, sql`NULL::date`)),
    records(ctx, EquipmentRenewalPlans, P)
      .as('rp')
      .where(sql`rp.enterprise_id = e.id AND ${renewalOverdueSql('rp', today)}`)
      .subquery(reason('EQUIPMENT_RENEWAL_OVERDUE', 'EquipmentRenewalPlan', sql`rp.id`, sql`rp.description`, sql`rp.due_on + 1`)),
  ];
  return join(parts, ' UNION ALL ');
}

/** What the rows are asked for: one enterprise (the picture) or those of a subtree. */
export interface StandingQuery {
  readonly today: DayExpression;
  readonly enterpriseId?: string;
  readonly withinSubtreeOf?: string | null;
  /** A further condition over the organization `o` (an indicator's subtree). */
  readonly where?: Sql;
}

/**
 * SQL: the active enterprises in the caller's scope of scenarios.enterprise-picture:read, each with
 * its sector, high-risk flag, insurance standing, drill standing (jsonb), whether an internal reward
 * mechanism is in place, and, from its reasons and the rule version in force, its `score`, `status`,
 * `reasons` (jsonb, RED first, then weight, code, day) and `rank` by score among the rows.
 */
export function standingRowsSql(ctx: RequestContext, q: StandingQuery): Sql {
  const { today } = q;
  const conditions: Sql[] = [sql`o.kind = 'ENTERPRISE' AND o.archived_at IS NULL`];
  if (q.enterpriseId) conditions.push(sql`o.id = CAST(${q.enterpriseId} AS uuid)`);
  if (q.withinSubtreeOf) conditions.push(organizationIdWithinSubtree('o.id', q.withinSubtreeOf));
  if (q.where) conditions.push(q.where);
  const enterprises = records(ctx, Organizations, P).as('o').where(join(conditions, ' AND ')).subquery(sql`o.id, o.name, o.kind`);
  const profiles = records(ctx, EnterpriseProfiles, P).as('pf').subquery(sql`pf.organization_id, pf.sector_code, pf.high_risk`);
  const mandateVersion = businessRuleSql.versionAt(INSURANCE_MANDATORY_SECTORS_RULE.code, today);
  const covering = records(ctx, LiabilityInsurancePolicies, P)
    .as('cp')
    .where(sql`cp.enterprise_id = b.id AND ${policyStatusSql('cp', today)} = 'ACTIVE' AND NOT ${limitBelowMinimumSql('cp')}`)
    .subquery(sql`(array_agg(cp.id ORDER BY cp.ends_on DESC, cp.id DESC))[1]`);
  const drills = drillStandingSql(ctx, { id: 'o.id', kind: 'o.kind', highRisk: 'pf.high_risk' }, today, P);
  return sql`(SELECT e.id AS "enterpriseId", e.name AS "enterpriseName", e.sector_code AS "sectorCode", e.high_risk AS "highRisk",
        e.mandatory, e.covered, e.covering_policy_id AS "coveringPolicyId", e.drills, e.drill_overdue AS "drillOverdue",
        NOT ${withoutInternalRewardMechanismSql('e')} AS "internalRewardMechanismInPlace",
        ${records(ctx, SensorThings, P).as('mt').where(sql`mt.enterprise_id = e.id AND mt.status = 'ACTIVE'`).subquery(sql`count(*)::int`)} AS "activeSensors",
        ${records(ctx, Alarms, P).as('ma').where(sql`ma.organization_id = e.id AND ma.status <> 'CLEARED'`).subquery(sql`jsonb_build_object('open', count(*), 'unacknowledged', count(*) FILTER (WHERE ma.status = 'TRIGGERED'))`)} AS alarms,
        ${records(ctx, EquipmentRenewalPlans, P).as('mp').where(sql`mp.enterprise_id = e.id AND ${renewalOverdueSql('mp', today)}`).subquery(sql`jsonb_build_object('overdueRenewals', count(*), 'earliestOverdueOn', min(mp.due_on)::text)`)} AS renewals,
        ${records(ctx, EnterpriseEquipments, P).as('me').where(sql`me.enterprise_id = e.id AND ${eliminatedInServiceSql('me')}`).subquery(sql`count(*)::int`)} AS "eliminatedInService",
        coalesce(x.score, 0)::int AS score, coalesce(x.status, 'GREEN') AS status, coalesce(x.reasons, '[]'::jsonb) AS reasons,
        cfg.version_id AS "ruleVersionId", rank() OVER (ORDER BY coalesce(x.score, 0) DESC)::int AS rank
      FROM (SELECT ${businessRuleSql.versionAt(ENTERPRISE_STATUS_RULE.code, today)} AS version_id) cfg0
      CROSS JOIN LATERAL (SELECT cfg0.version_id, ${businessRuleSql.valueOf(sql`cfg0.version_id`)} AS rv) cfg
      CROSS JOIN LATERAL (
        SELECT b.*, c.covering_policy_id, c.covering_policy_id IS NOT NULL AS covered,
          ${mandatorySectorSql('b.sector_code', mandateVersion)} AS mandatory,
          coalesce((b.drills ->> 'previousHeld')::int < (b.drills ->> 'required')::int
            OR ((b.drills ->> 'held')::int < (b.drills ->> 'required')::int
                AND CAST(b.drills ->> 'endsOn' AS date) - ${daySql(today)} <= CAST(cfg.rv ->> 'drillDueWarningDays' AS int)), false) AS drill_overdue
        FROM (SELECT o.id, o.name, o.kind, pf.sector_code, pf.high_risk, ${drills} AS drills
              FROM ${enterprises} o LEFT JOIN ${profiles} pf ON pf.organization_id = o.id) b
        CROSS JOIN LATERAL (SELECT ${covering} AS covering_policy_id) c
      ) e
      LEFT JOIN LATERAL (
        SELECT sum(w.weight)::int AS score,
          CASE WHEN bool_or(w.level = 'RED') THEN 'RED' WHEN count(*) > 0 THEN 'YELLOW' END AS status,
          jsonb_agg(jsonb_build_object('code', r.code, 'level', w.level, 'weight', w.weight, 'recordType', r.record_type, 'recordId', r.record_id,
            'detail', r.detail, 'since', r.since::text) ORDER BY (w.level = 'RED') DESC, w.weight DESC, r.code, r.since, r.record_id) AS reasons
        FROM (${reasonRowsSql(ctx, today)}) r
        CROSS JOIN LATERAL (SELECT coalesce(cfg.rv -> 'reasons' -> r.code ->> 'level', 'YELLOW') AS level,
          coalesce(CAST(cfg.rv -> 'reasons' -> r.code ->> 'weight' AS int), 0) AS weight) w
      ) x ON TRUE)`;
}

/** The columns a standing row is read with (`g` the rows of `standingRowsSql`). */
export const STANDING_COLUMNS =
  'g."enterpriseId", g."enterpriseName", g."sectorCode", g."highRisk", g.mandatory, g.covered, g."coveringPolicyId", g.drills, g."drillOverdue", g."internalRewardMechanismInPlace", g."activeSensors", g.alarms, g.renewals, g."eliminatedInService", g.score, g.status, g.reasons, g."ruleVersionId", g.rank';

/** A standing row as read. */
export interface StandingRow {
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly sectorCode: string | null;
  readonly highRisk: boolean | null;
  readonly mandatory: boolean;
  readonly covered: boolean;
  readonly coveringPolicyId: string | null;
  readonly drills: Record<string, unknown> | null;
  readonly drillOverdue: boolean;
  readonly internalRewardMechanismInPlace: boolean;
  readonly activeSensors: number;
  readonly alarms: { readonly open: number; readonly unacknowledged: number };
  readonly renewals: { readonly overdueRenewals: number; readonly earliestOverdueOn: string | null };
  readonly eliminatedInService: number;
  readonly score: number;
  readonly status: string;
  readonly reasons: ReadonlyArray<Record<string, unknown>>;
  readonly ruleVersionId: string | null;
  readonly rank: number;
}

/** One enterprise's standing row (the picture's one statement), or null when it is not an active enterprise in scope. */
export async function standingOf(ctx: RequestContext, enterpriseId: string, today: string): Promise<StandingRow | null> {
  const { text, values } = positional(sql`SELECT ${raw(STANDING_COLUMNS)} FROM ${standingRowsSql(ctx, { today, enterpriseId })} g`);
  const rows = (await ctx.manager.query(text, values)) as StandingRow[];
  return rows[0] ?? null;
}

/** A page of the red list: the rows in the request's order (score first by default), filtered on status; one statement (count inline). */
export function redListPage<T>(ctx: RequestContext, q: StandingQuery & { readonly statuses?: readonly string[] | null }, page: PageRequest, withCount: boolean, keys: readonly SortKey[], read: (rows: StandingRow[]) => T[]): Promise<ConnectionResult<T>> {
  const from = compile(standingRowsSql(ctx, q), new ParamNames('rf'));
  const where = compile(q.statuses?.length ? sql`g.status = ANY(${[...q.statuses]})` : sql`TRUE`, new ParamNames('rw'));
  return paginateSql<T>({
    manager: ctx.manager,
    from: `${from.text} g`,
    select: STANDING_COLUMNS,
    where: [where.text],
    params: { ...from.params, ...where.params },
    keys: [...keys],
    page,
    withCount,
    countInline: true,
    read: (rows) => read(rows as unknown as StandingRow[]),
  });
}
