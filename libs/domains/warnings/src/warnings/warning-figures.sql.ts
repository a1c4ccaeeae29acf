import { records, sql, type RequestContext, type Sql, runSql } from '@platform/core';
import { Organizations } from '@platform/directory';
import { figuresColumns, type FigureRow } from './warning.loaders';
import { WarningDeliveries, Warnings } from '../warnings.entities';
import { WarningPermission } from '../permissions';

/** A delivery still owed an answer or answered: not cancelled with its record (over alias `t`). */
export const OWED_DELIVERY: Sql = sql`t.status <> 'CANCELLED'`;

/** How many never-answering organizations the figures list by name. */
export const NEVER_LIMIT = 100;

/** What `periodFigures` answers: the figures, the records counted, and the organizations that never answered (the first NEVER_LIMIT by name). */
export interface PeriodFigureRow extends FigureRow {
  readonly warnings: number;
  readonly neverAcknowledgedCount: number;
  readonly neverAcknowledged: Array<{ organizationId: string; organizationName: string; deliveries: number }> | null;
}

/** Which deliveries the period figures count (over alias `t`), besides the caller's scope. */
export interface PeriodFilter {
  readonly from: Date;
  readonly to: Date;
  /** A condition narrowing the deliveries (e.g. the subtree), over alias `t`. */
  readonly within?: Sql;
  /** A condition on the delivery's record (hazard type, level), over alias `w`. */
  readonly ofWarning?: Sql;
}

/**
 * Call-and-response figures of the deliveries made in [from, to) that the caller may read, in ONE
 * statement: counts, ack rate, median and 90th percentile of seconds to acknowledge (percentile_cont
 * over the acknowledged ones), the records counted, and the organizations that had deliveries but
 * acknowledged none (with their names, the first NEVER_LIMIT by name, and how many there are).
 * Cancelled deliveries (no longer owed) are left out.
 *
 * Hand-written because the never-answering organizations are a grouped, filtered (HAVING), named and
 * bounded list over the same deliveries as the figures, which `records` does not express in one
 * statement. The deliveries, their records and the organizations' names come from `records(…)`, so
 * the kernel applies the caller's scope to each.
 */
export async function periodFigures(ctx: RequestContext, filter: PeriodFilter): Promise<PeriodFigureRow | undefined> {
  let deliveries = records(ctx, WarningDeliveries).where(sql`${OWED_DELIVERY} AND t.delivered_at >= ${filter.from} AND t.delivered_at < ${filter.to}`);
  if (filter.within) deliveries = deliveries.where(filter.within);
  if (filter.ofWarning) deliveries = deliveries.where(sql`EXISTS ${records(ctx, Warnings).as('w').where(sql`w.id = t.warning_id AND ${filter.ofWarning}`).subquery(sql`1`)}`);
  // The names of organizations the caller may read warnings at (every delivery counted is at one).
  const name = records(ctx, Organizations, WarningPermission.WarningRead).as('o').where(sql`o.id = n.organization_id`).subquery(sql`o.name`);
  const [row] = await runSql<PeriodFigureRow>(
    ctx.manager,
    sql`WITH d AS ${deliveries.subquery(sql`t.*`)},
     never AS (SELECT d.organization_id, count(*)::int AS deliveries FROM d GROUP BY d.organization_id HAVING bool_and(d.status <> 'ACKNOWLEDGED'))
     SELECT ${figuresColumns('d')}, count(DISTINCT d.warning_id)::int AS "warnings",
       (SELECT count(*)::int FROM never) AS "neverAcknowledgedCount",
       (SELECT coalesce(json_agg(json_build_object('organizationId', x.id, 'organizationName', x.name, 'deliveries', x.deliveries) ORDER BY x.name, x.id), '[]')
          FROM (SELECT n.organization_id AS id, ${name} AS name, n.deliveries FROM never n ORDER BY 2, 1 LIMIT ${NEVER_LIMIT}) x) AS "neverAcknowledged"
     FROM d`,
  );
  return row;
}
