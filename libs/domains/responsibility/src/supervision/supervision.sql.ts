import { records, runSql, sql, workingDaySql, type RequestContext, type Sql } from '@platform/core';
import { HazardStatus, Hazards } from '@domains/risk';
import { OPEN_SUPERVISION_STATUSES, SupervisionKind, SupervisionStatus } from './supervision.enums';
import { SupervisionActions } from './supervision.entities';

/*
 * The statements of supervision actions that the records API does not express on its own: the
 * hazards of a listed supervision (this part's link table joined to risk's declared `Hazards`, whose
 * scope the kernel applies), the link rows written as a set, and the figures by kind (a grouped
 * aggregate with a median over working days).
 */

/** SQL over alias `t`: the action is open (not closed or escalated) and its deadline for closing is before `today`. */
export function overdueSupervision(today: string): Sql {
  return sql`(t.status = ANY(${[...OPEN_SUPERVISION_STATUSES]}) AND t.due_on < CAST(${today} AS date))`;
}

/**
 * SQL over alias `t`: a listed supervision with a linked hazard the caller may read (risk.hazard:read)
 * that is not closed in the risk module.
 */
export function listedWithOpenHazards(ctx: RequestContext): Sql {
  const open = records(ctx, Hazards).as('h').where(sql`h.id = l.hazard_id AND h.status <> ${HazardStatus.CLOSED}`);
  return sql`(t.kind = ${SupervisionKind.LISTED} AND EXISTS (SELECT 1 FROM supervision_action_hazard l WHERE l.supervision_action_id = t.id AND EXISTS ${open.subquery(sql`1`)}))`;
}

/**
 * Links the hazards to the action (one statement; ones already linked are kept). The caller has
 * checked every id through `records(tx, Hazards).referenceAll` and holds the action (just created or
 * locked); the action's audit entry records the change.
 */
export async function insertSupervisionHazardLinks(tx: RequestContext, supervisionActionId: string, hazardIds: readonly string[]): Promise<void> {
  if (!hazardIds.length) return;
  await tx.manager.query(`INSERT INTO supervision_action_hazard (supervision_action_id, hazard_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT (supervision_action_id, hazard_id) DO NOTHING`, [supervisionActionId, hazardIds]);
}

/** One kind's figures as the statement answers them. */
export interface SupervisionFigureRow {
  readonly kind: SupervisionKind;
  readonly due: number;
  readonly closedOnTime: number;
  readonly openPastDeadline: number;
  readonly closed: number;
  readonly medianWorkingDaysToClose: number | null;
}

/**
 * Figures by kind over the actions the caller may read, in ONE statement, for [from, to): actions whose
 * deadline for closing falls in the period (due), those of them closed on or before it, those of them
 * still open past it today; actions closed in the period and the median working days from issue to
 * close among them (percentile_cont over working_days_between, so holidays and make-up days count as
 * the calendar says). `narrow` (over alias `t`) adds the filter's conditions.
 */
export function supervisionFigureRows(ctx: RequestContext, period: { from: string; to: string; today: string }, narrow: readonly Sql[]): Promise<SupervisionFigureRow[]> {
  const from = sql`CAST(${period.from} AS date)`;
  const to = sql`CAST(${period.to} AS date)`;
  let actions = records(ctx, SupervisionActions).where(sql`((t.due_on >= ${from} AND t.due_on < ${to}) OR (t.closed_on >= ${from} AND t.closed_on < ${to}))`);
  for (const condition of narrow) actions = actions.where(condition);
  const due = sql`a.due_on >= ${from} AND a.due_on < ${to}`;
  const closedIn = sql`a.closed_on >= ${from} AND a.closed_on < ${to}`;
  return runSql<SupervisionFigureRow>(
    ctx.manager,
    sql`SELECT a.kind,
          count(*) FILTER (WHERE ${due})::int AS "due",
          count(*) FILTER (WHERE ${due} AND a.closed_on <= a.due_on)::int AS "closedOnTime",
          count(*) FILTER (WHERE ${due} AND a.status = ANY(${[...OPEN_SUPERVISION_STATUSES]}) AND a.due_on < CAST(${period.today} AS date))::int AS "openPastDeadline",
          count(*) FILTER (WHERE ${closedIn} AND a.status = ${SupervisionStatus.CLOSED})::int AS "closed",
          percentile_cont(0.5) WITHIN GROUP (ORDER BY ${workingDaySql.between(sql`a.issued_on`, sql`a.closed_on`)}) FILTER (WHERE ${closedIn} AND a.status = ${SupervisionStatus.CLOSED}) AS "medianWorkingDaysToClose"
        FROM ${actions.subquery(sql`t.kind, t.status, t.issued_on, t.due_on, t.closed_on`)} a
       GROUP BY a.kind`,
  );
}
