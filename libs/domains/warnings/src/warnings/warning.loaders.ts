import { byKeys, groupByKeys, pageKey, pagesByParent, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import type DataLoader from 'dataloader';
import { Warning } from '../model/warning.entity';
import { WarningDelivery } from '../model/warning-delivery.entity';
import { WarningFigures } from './warning.types';
import { deliverySortKeys, namedQuery, warningReadScope } from './warning.service';
import { WarningPermission } from '../permissions';

/** Warning records by id within the caller's read scope; one out of scope loads as null. */
export function warningById(ctx: RequestContext): DataLoader<string, Warning | null> {
  return ctx.loaders.get('rescue.warning.byId', undefined, async (ids: readonly string[]) => {
    const scope = warningReadScope(ctx.principal, 'w');
    const rows = await ctx.manager.createQueryBuilder(Warning, 'w').where(scope.sql, scope.params).andWhere('w.id IN (:...ids)', { ids }).getMany();
    return byKeys(ids, rows, (w) => w.id);
  });
}

/** Every record of many chains (keyed by chain id) the caller may read, oldest sent first (a chain has few records). */
export function warningChains(ctx: RequestContext): DataLoader<string, Warning[]> {
  return ctx.loaders.get('rescue.warning.chain', undefined, async (chainIds: readonly string[]) => {
    const scope = warningReadScope(ctx.principal, 'w');
    const rows = await ctx.manager.createQueryBuilder(Warning, 'w').where(scope.sql, scope.params).andWhere('w.chain_id IN (:...chainIds)', { chainIds }).orderBy('w.sent_at', 'ASC').addOrderBy('w.id', 'ASC').getMany();
    return groupByKeys(chainIds, rows, (w) => w.chainId);
  });
}

/** The target organization ids of many records within the caller's read scope, in the order added (at most 50 each). */
export function warningTargetIds(ctx: RequestContext): DataLoader<string, string[]> {
  return ctx.loaders.get('rescue.warning.targets', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, WarningPermission.WarningRead, 't.organization_id');
    const rows = await namedQuery<{ warningId: string; organizationId: string }>(
      ctx,
      `SELECT t.warning_id AS "warningId", t.organization_id AS "organizationId" FROM warning_target t
       WHERE t.warning_id IN (:...ids) AND ${scope.sql} ORDER BY t.added_at, t.organization_id`,
      { ...scope.params, ids },
    );
    return groupByKeys(ids, rows, (r) => r.warningId).map((list) => list.map((r) => r.organizationId));
  });
}

/** The deliveries of many records within the caller's read scope, one statement per request level. */
export function warningDeliveryPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<WarningDelivery>> {
  return ctx.loaders.get('rescue.warning.deliveries', pageKey(page), async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, WarningPermission.WarningRead, 't.organization_id');
    const pages = await pagesByParent({ manager: ctx.manager, entity: WarningDelivery, table: 'warning_delivery', parentColumn: 'warning_id', parentIds: ids, where: scope.sql, params: scope.params, keys: deliverySortKeys('t'), page });
    return ids.map((id) => pages.get(id)!);
  });
}

/** SQL select list of call-and-response figures over deliveries aliased `d` (cancelled ones filtered out by the caller). */
export const FIGURES_SQL = `
  count(*)::int AS "deliveries",
  count(*) FILTER (WHERE d.status = 'ACKNOWLEDGED')::int AS "acknowledged",
  count(*) FILTER (WHERE d.status = 'PENDING')::int AS "pending",
  count(*) FILTER (WHERE d.escalation_step > 0)::int AS "escalated",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.acknowledged_at - d.delivered_at)::float8) FILTER (WHERE d.status = 'ACKNOWLEDGED') AS "medianSecondsToAck",
  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM d.acknowledged_at - d.delivered_at)::float8) FILTER (WHERE d.status = 'ACKNOWLEDGED') AS "p90SecondsToAck"`;

type FigureRow = Omit<WarningFigures, 'ackRate'>;

export function toFigures<T extends WarningFigures>(row: FigureRow | null | undefined, into: T): T {
  const r = row ?? { deliveries: 0, acknowledged: 0, pending: 0, escalated: 0, medianSecondsToAck: null, p90SecondsToAck: null };
  return Object.assign(into, {
    deliveries: r.deliveries,
    acknowledged: r.acknowledged,
    pending: r.pending,
    escalated: r.escalated,
    ackRate: r.deliveries ? r.acknowledged / r.deliveries : null,
    medianSecondsToAck: r.medianSecondsToAck === null ? null : Number(r.medianSecondsToAck),
    p90SecondsToAck: r.p90SecondsToAck === null ? null : Number(r.p90SecondsToAck),
  });
}

/** Figures of many records in ONE aggregate statement over the deliveries the caller may read. */
export function warningFiguresOf(ctx: RequestContext): DataLoader<string, WarningFigures> {
  return ctx.loaders.get('rescue.warning.figures', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, WarningPermission.WarningRead, 'd.organization_id');
    const rows = await namedQuery<FigureRow & { warningId: string }>(
      ctx,
      `SELECT w.id AS "warningId", f.* FROM unnest(CAST(:ids AS uuid[])) AS w(id)
       CROSS JOIN LATERAL (SELECT ${FIGURES_SQL} FROM warning_delivery d WHERE d.warning_id = w.id AND d.status <> 'CANCELLED' AND ${scope.sql}) f`,
      { ...scope.params, ids },
    );
    return byKeys(ids, rows, (r) => r.warningId).map((r) => toFigures(r, new WarningFigures()));
  });
}
