import { ParamNames, businessRuleSql, byKeys, compile, daySql, join, paginateSql, raw, records, sql, type ConnectionResult, type DayExpression, type PageRequest, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { EnterpriseProfiles, Organizations } from '@platform/directory';
import { InsurancePermission } from './insurance.permissions';
import { LiabilityInsuranceCoverage } from './insurance.types';
import { INSURANCE_MANDATORY_SECTORS_RULE } from '../business-rules/insurance';
import { LiabilityPolicyStatus } from './insurance.enums';
import { LiabilityInsuranceCoverageOrder } from './insurance.orders';
import { LiabilityInsurancePolicies } from './insurance.entities';

/*
 * What is computed of policies and enterprises, written once in SQL: list filters, the read compiler
 * (`@SqlForm`), the field resolvers (through `policyFlagsOf`), the coverage list and the indicators
 * all use these expressions, so a flag is never computed two ways.
 */

const col = (alias: string, column: string): Sql => raw(`${alias}.${column}`);
const S = LiabilityPolicyStatus;

/** SQL over the policy under `alias`: its `LiabilityPolicyStatus` on `day` (a cancellation counts from its day; the last day is covered). */
export function policyStatusSql(alias: string, day: DayExpression): Sql {
  const c = (name: string) => col(alias, name);
  const d = daySql(day);
  return sql`(CASE WHEN ${c('cancelled_on')} <= ${d} THEN ${raw(`'${S.CANCELLED}'`)}
    WHEN ${d} < ${c('starts_on')} THEN ${raw(`'${S.PENDING}'`)}
    WHEN ${d} > ${c('ends_on')} THEN ${raw(`'${S.LAPSED}'`)}
    ELSE ${raw(`'${S.ACTIVE}'`)} END)`;
}

/** The value (jsonb) of the rule version the policy under `alias` keeps. */
const keptRule = (alias: string): Sql => businessRuleSql.valueOf(col(alias, 'rule_version_id'));

/** SQL over the policy under `alias`: its per-person limit is below the minimum of the rule version it keeps (compared as numeric, exactly). */
export const limitBelowMinimumSql = (alias: string): Sql => sql`(${col(alias, 'per_person_limit_yuan')} < CAST(${keptRule(alias)} ->> 'minPerPersonLimitYuan' AS numeric))`;

/**
 * SQL over the policy under `alias`: ACTIVE on `day`, its last day at most `lapseWarningDays` (of
 * the rule version it keeps) after `day` (both ends included: with 30, a policy ending 30 days on is
 * lapsing, 31 days on not), and no renewal: no other uncancelled policy of the enterprise starts by
 * the day after its last day and ends after it.
 */
export function lapsingSql(alias: string, day: DayExpression): Sql {
  const c = (name: string) => col(alias, name);
  const d = daySql(day);
  return sql`(${policyStatusSql(alias, day)} = ${raw(`'${S.ACTIVE}'`)}
    AND ${c('ends_on')} - ${d} <= CAST(${keptRule(alias)} ->> 'lapseWarningDays' AS int)
    AND NOT EXISTS (SELECT 1 FROM liability_insurance_policy rn
      WHERE rn.enterprise_id = ${c('enterprise_id')} AND rn.id <> ${c('id')} AND rn.cancelled_on IS NULL
        AND rn.starts_on <= ${c('ends_on')} + 1 AND rn.ends_on > ${c('ends_on')}))`;
}

/** SQL: the id of the version of the mandate rule in force on `day` (NULL when none is). */
export const mandateVersionAt = (day: DayExpression): Sql => businessRuleSql.versionAt(INSURANCE_MANDATORY_SECTORS_RULE.code, day);

/** SQL: the sector code in `sectorColumn` is on the mandatory list of the rule version whose id is `versionId`. */
export const mandatorySectorSql = (sectorColumn: string, versionId: Sql): Sql =>
  sql`coalesce(${raw(sectorColumn)} IN (SELECT ms ->> 'code' FROM jsonb_array_elements(${businessRuleSql.valueOf(versionId)} -> 'sectors') ms), false)`;

/**
 * SQL: the enterprise whose id is in `enterpriseColumn` has, on `day`, an ACTIVE policy whose limit
 * meets its rule version's minimum, among the policies the caller may read (`alias` names them).
 */
export function coveredSql(ctx: RequestContext, enterpriseColumn: string, day: DayExpression, alias = 'cp'): Sql {
  return sql`EXISTS ${records(ctx, LiabilityInsurancePolicies)
    .as(alias)
    .where(sql`${col(alias, 'enterprise_id')} = ${raw(enterpriseColumn)} AND ${policyStatusSql(alias, day)} = ${raw(`'${S.ACTIVE}'`)} AND NOT ${limitBelowMinimumSql(alias)}`)
    .subquery(sql`1`)}`;
}

/** A policy's computed values on a day. */
export interface PolicyFlags {
  readonly id: string;
  readonly status: LiabilityPolicyStatus;
  readonly limitBelowMinimum: boolean;
  readonly lapsing: boolean;
}

/**
 * The computed values on `day` of the policy with this id, batched per request level (one statement
 * for a page). The policy must be in the caller's read scope (its parent read it there).
 */
export async function policyFlagsOf(ctx: RequestContext, id: string, day: string): Promise<PolicyFlags> {
  const loader = ctx.loaders.get<string, PolicyFlags | null>('reporting.liability-policy.flags', day, async (ids) => {
    const rows = await records(ctx, LiabilityInsurancePolicies)
      .where(sql`t.id = ANY(CAST(${[...ids]} AS uuid[]))`)
      .aggregate<PolicyFlags>(sql`t.id AS "id", ${policyStatusSql('t', day)} AS "status", ${limitBelowMinimumSql('t')} AS "limitBelowMinimum", ${lapsingSql('t', day)} AS "lapsing"`);
    return byKeys(ids, rows, (r) => r.id);
  });
  const flags = await loader.load(id);
  if (!flags) throw new Error(`LiabilityInsurancePolicy ${id}: its flags were asked for outside the reader's scope.`);
  return flags;
}

/**
 * SQL: the operating enterprises in the caller's insurance scope with their sector, whether it is
 * mandatory under the rule version `versionId`, whether covered on `today`, and the covering policy
 * ending last (columns `"enterpriseId"`, `"enterpriseName"`, `"sectorCode"`, `mandatory`, `covered`,
 * `"coveringPolicyId"`). Shared by the coverage list and the coverage indicator.
 */
export function coverageRowsSql(ctx: RequestContext, today: DayExpression, versionId: Sql, extra: Sql = sql`TRUE`): Sql {
  const enterprises = records(ctx, Organizations, InsurancePermission.Read)
    .as('o')
    .where(sql`o.kind = 'ENTERPRISE' AND o.archived_at IS NULL AND ${extra}`)
    .subquery(sql`o.id, o.name`);
  const profiles = records(ctx, EnterpriseProfiles, InsurancePermission.Read).as('ep').subquery(sql`ep.organization_id, ep.sector_code`);
  const policies = records(ctx, LiabilityInsurancePolicies).as('cp');
  return sql`(SELECT e.id AS "enterpriseId", e.name AS "enterpriseName", p.sector_code AS "sectorCode",
      ${mandatorySectorSql('p.sector_code', versionId)} AS mandatory,
      ${coveredSql(ctx, 'e.id', today, 'cv')} AS covered,
      ${policies
        .where(sql`cp.enterprise_id = e.id AND ${policyStatusSql('cp', today)} = ${LiabilityPolicyStatus.ACTIVE} AND NOT ${limitBelowMinimumSql('cp')}`)
        .subquery(sql`(array_agg(cp.id ORDER BY cp.ends_on DESC, cp.id DESC))[1]`)} AS "coveringPolicyId"
    FROM ${enterprises} e LEFT JOIN ${profiles} p ON p.organization_id = e.id)`;
}

/**
 * 投保覆盖: one page of `coverageRowsSql` in the request's order (by enterprise name by default), for the rule version `ruleVersionId`
 * in force on `today`, filtered on the computed columns. One statement (count inline), hand-written
 * because the page filters on computed columns; the scope is the kernel's.
 */
export function coveragePage(
  ctx: RequestContext,
  today: string,
  ruleVersionId: string,
  filter: { readonly mandatoryOnly?: boolean | null; readonly covered?: boolean | null },
  page: PageRequest,
  withCount: boolean,
  keys: readonly SortKey[] = LiabilityInsuranceCoverageOrder.keys(null),
): Promise<ConnectionResult<LiabilityInsuranceCoverage>> {
  const from = compile(coverageRowsSql(ctx, today, sql`CAST(${ruleVersionId} AS uuid)`), new ParamNames('cf'));
  const conditions: Sql[] = [];
  if (filter.mandatoryOnly) conditions.push(sql`g.mandatory`);
  if (filter.covered != null) conditions.push(filter.covered ? sql`g.covered` : sql`NOT g.covered`);
  const where = compile(join(conditions, ' AND '), new ParamNames('cw'));
  return paginateSql<LiabilityInsuranceCoverage>({
    manager: ctx.manager,
    from: `${from.text} g`,
    select: 'g."enterpriseId", g."enterpriseName", g."sectorCode", g.mandatory, g.covered, g."coveringPolicyId"',
    where: [where.text],
    params: { ...from.params, ...where.params },
    keys: [...keys],
    page,
    withCount,
    countInline: true,
    read: (rows) => rows.map((r) => Object.assign(new LiabilityInsuranceCoverage(), r, { ruleVersionId })),
  });
}
