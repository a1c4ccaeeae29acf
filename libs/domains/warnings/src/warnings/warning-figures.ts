import { join, sql, type RequestContext } from '@platform/core';
import { organizationIdWithinSubtree } from '@platform/directory';
import { NeverAcknowledgedOrganization, WarningPeriodFigures } from './warning.types';
import type { WarningFiguresArgs } from './warning.inputs';
import { toFigures } from './warning.loaders';
import { periodFigures } from './warning-figures.sql';
import { warningsRules } from '../warnings.rules';

/**
 * Call-and-response figures of the deliveries made in [from, to) that the caller may read, in ONE
 * statement (see `periodFigures`): counts, ack rate, median and 90th percentile of seconds to
 * acknowledge, and the organizations that had deliveries but acknowledged none.
 */
export async function warningPeriodFigures(ctx: RequestContext, args: WarningFiguresArgs): Promise<WarningPeriodFigures> {
  if (args.to.getTime() <= args.from.getTime()) throw warningsRules.field('to', 'afterFrom', 'must be after from.');
  const ofWarning = [
    ...(args.hazardTypes?.length ? [sql`w.hazard_type = ANY(${args.hazardTypes})`] : []),
    ...(args.levels?.length ? [sql`w.level = ANY(${args.levels})`] : []),
  ];
  const row = await periodFigures(ctx, {
    from: args.from,
    to: args.to,
    within: args.withinSubtreeOf ? organizationIdWithinSubtree('t.organization_id', args.withinSubtreeOf) : undefined,
    ofWarning: ofWarning.length ? join(ofWarning, ' AND ') : undefined,
  });
  const figures = toFigures(row, new WarningPeriodFigures());
  figures.warnings = Number(row?.warnings ?? 0);
  figures.neverAcknowledgedCount = Number(row?.neverAcknowledgedCount ?? 0);
  figures.neverAcknowledged = (row?.neverAcknowledged ?? []).map((n) => Object.assign(new NeverAcknowledgedOrganization(), n));
  return figures;
}
