import type { RequestContext } from '@platform/core';
import { DUTY_INTERVAL_SQL } from '@domains/command';

/** SQL: the levels in order of severity; `array_position(LEVEL_ORDER_SQL, level)` ranks a level 1 (blue) to 4 (red). */
export const LEVEL_ORDER_SQL = `ARRAY['BLUE','YELLOW','ORANGE','RED']::text[]`;

/** Chinese names of the levels, for the escalation's reason. */
export const LEVEL_NAMES: Readonly<Record<string, string>> = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };

/** Who an escalation step goes to, and how the reason names them. */
export interface EscalationTarget {
  readonly personId: string;
  readonly role: string;
}

/**
 * The escalation chain (叫应升级链) of a delivery to an organization (a village, community or grid):
 *
 * - step 1: the LEADER (带班领导) on duty at this instant on a roster of the town government above the
 *   organization (a non-cancelled assignment whose shift interval contains `at`; checked-in ones first),
 *   else the lead (is_lead position) of the organization's parent (for a village: 党委书记/镇长);
 * - step 2: the head of the town's emergency management office (应急办: a department under the town named
 *   应急管理…), else the head of the town's work-safety office (镇安办: 安全生产…);
 * - step 3 and later: the lead of the town government.
 *
 * Within a step the first candidate who is not already responsible is taken (no escalation to the same
 * person); null when there is none (the delivery then keeps its responsible person).
 */
/** SQL: the China day of the escalation instant ($2), for positions current on it. */
const DAY = `(CAST($2 AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date`;

export async function escalationTarget(tx: RequestContext, organizationId: string, step: number, at: Date, currentPersonId: string | null): Promise<EscalationTarget | null> {
  const leads = (orgSql: string) => `
    SELECT pp.person_id, pp.title, o.short_name, o.name, to_char(coalesce(pp.started_on, DATE '9999-12-31'), 'YYYY-MM-DD') || pp.person_id::text AS tie
      FROM person_position pp JOIN person p ON p.id = pp.person_id AND p.archived_at IS NULL JOIN organization o ON o.id = pp.organization_id
     WHERE pp.organization_id = (${orgSql}) AND pp.is_lead
       AND (pp.started_on IS NULL OR pp.started_on <= ${DAY}) AND (pp.ended_on IS NULL OR pp.ended_on >= ${DAY})`;
  const town = `SELECT t.id FROM organization me JOIN organization t ON me.path <@ t.path AND t.kind = 'TOWN_GOVERNMENT' WHERE me.id = $1 ORDER BY t.depth DESC LIMIT 1`;
  const department = (pattern: string) =>
    `SELECT d.id FROM organization d WHERE d.parent_id = (${town}) AND d.kind = 'DEPARTMENT' AND d.archived_at IS NULL AND (d.name LIKE '${pattern}%' OR d.short_name LIKE '${pattern.slice(0, 2)}%') ORDER BY d.name, d.id LIMIT 1`;
  let sql: string;
  if (step === 1) {
    sql = `
      SELECT x.person_id AS "personId", x.role FROM (
        SELECT a.person_id, 1 AS rank, '镇带班领导（' || s.name || '）' AS role, (a.checked_in_at IS NULL) AS late, a.person_id::text AS tie
          FROM duty_assignment a JOIN duty_shift s ON s.id = a.shift_id JOIN person p ON p.id = a.person_id AND p.archived_at IS NULL
         WHERE a.organization_id = (${town}) AND a.role = 'LEADER' AND a.status <> 'CANCELLED'
           AND ${DUTY_INTERVAL_SQL('a', 's')} @> CAST($2 AS timestamptz)
        UNION ALL
        SELECT l.person_id, 2, '上级单位负责人（' || coalesce(l.short_name, l.name) || l.title || '）', false, l.tie
          FROM (${leads('SELECT parent_id FROM organization WHERE id = $1')}) l
      ) x
      WHERE x.person_id IS DISTINCT FROM CAST($3 AS uuid)
      ORDER BY x.rank, x.late, x.tie LIMIT 1`;
  } else if (step === 2) {
    sql = `
      SELECT x.person_id AS "personId", x.role FROM (
        SELECT l.person_id, 1 AS rank, coalesce(l.short_name, l.name) || l.title AS role, l.tie FROM (${leads(department('应急管理'))}) l
        UNION ALL
        SELECT l.person_id, 2, coalesce(l.short_name, l.name) || l.title, l.tie FROM (${leads(department('安全生产'))}) l
      ) x
      WHERE x.person_id IS DISTINCT FROM CAST($3 AS uuid)
      ORDER BY x.rank, x.tie LIMIT 1`;
  } else {
    sql = `
      SELECT l.person_id AS "personId", '镇主要负责人（' || l.title || '）' AS role FROM (${leads(town)}) l
      WHERE l.person_id IS DISTINCT FROM CAST($3 AS uuid)
      ORDER BY l.tie LIMIT 1`;
  }
  const [row] = (await tx.manager.query(sql, [organizationId, at.toISOString(), currentPersonId])) as EscalationTarget[];
  return row ?? null;
}
