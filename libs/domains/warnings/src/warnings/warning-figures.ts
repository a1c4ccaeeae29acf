import { BadUserInputError, sqlConditions, type RequestContext } from '@platform/core';
import { organizationIdInScope, withinSubtreeSql } from '@platform/directory';
import { NeverAcknowledgedOrganization, WarningPeriodFigures } from './warning.types';
import type { WarningFiguresArgs } from './warning.inputs';
import { FIGURES_SQL, toFigures } from './warning.loaders';
import { namedQuery } from './warning.service';
import { WarningPermission } from '../permissions';

/** How many never-answering organizations the figures list by name. */
const NEVER_LIMIT = 100;

/**
 * Call-and-response figures of the deliveries made in [from, to) that the caller may read, in ONE
 * statement: counts, ack rate, median and 90th percentile of seconds to acknowledge (percentile_cont
 * over the acknowledged ones), and the organizations that had deliveries but acknowledged none.
 * Cancelled deliveries (no longer owed) are left out.
 */
export async function warningPeriodFigures(ctx: RequestContext, args: WarningFiguresArgs): Promise<WarningPeriodFigures> {
  if (args.to.getTime() <= args.from.getTime()) throw BadUserInputError.field('to', 'afterFrom', 'must be after from.');
  const { where, params, add } = sqlConditions(organizationIdInScope(ctx.principal, WarningPermission.WarningRead, 'd.organization_id'));
  add(`d.status <> 'CANCELLED' AND d.delivered_at >= :from AND d.delivered_at < :to`, { from: args.from, to: args.to });
  if (args.withinSubtreeOf) add(withinSubtreeSql('d.organization_id'), { subtreeRoot: args.withinSubtreeOf });
  if (args.hazardTypes?.length) add('w.hazard_type IN (:...hazardTypes)', { hazardTypes: args.hazardTypes });
  if (args.levels?.length) add('w.level IN (:...levels)', { levels: args.levels });
  const [row] = await namedQuery<Record<string, unknown>>(
    ctx,
    `WITH d AS (SELECT d.* FROM warning_delivery d JOIN warning w ON w.id = d.warning_id WHERE ${where.map((w) => `(${w})`).join(' AND ')}),
     never AS (SELECT d.organization_id, count(*)::int AS deliveries FROM d GROUP BY d.organization_id HAVING bool_and(d.status <> 'ACKNOWLEDGED'))
     SELECT ${FIGURES_SQL}, count(DISTINCT d.warning_id)::int AS "warnings",
       (SELECT count(*)::int FROM never) AS "neverAcknowledgedCount",
       (SELECT coalesce(json_agg(json_build_object('organizationId', x.id, 'organizationName', x.name, 'deliveries', x.deliveries) ORDER BY x.name, x.id), '[]')
        FROM (SELECT o.id, o.name, n.deliveries FROM never n JOIN organization o ON o.id = n.organization_id ORDER BY o.name, o.id LIMIT ${NEVER_LIMIT}) x) AS "neverAcknowledged"
     FROM d`,
    params,
  );
  const figures = toFigures(row as never, new WarningPeriodFigures());
  figures.warnings = Number(row?.['warnings'] ?? 0);
  figures.neverAcknowledgedCount = Number(row?.['neverAcknowledgedCount'] ?? 0);
  figures.neverAcknowledged = ((row?.['neverAcknowledged'] as NeverAcknowledgedOrganization[] | undefined) ?? []).map((n) => Object.assign(new NeverAcknowledgedOrganization(), n));
  return figures;
}
