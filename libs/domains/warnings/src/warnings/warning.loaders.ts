import { SortDirection, defineChildPages, defineReference, raw, records, sql, type RequestContext, type Sql } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Warning } from '../model/warning.entity';
import type { WarningDelivery } from '../model/warning-delivery.entity';
import { WarningFigures } from './warning.types';
import { deliverySortKeys } from './warning.orders';
import { MAX_WARNING_TARGETS } from './warning.inputs';
import { WarningDeliveries, WarningTargets, Warnings } from '../warnings.entities';

/** Records of one chain read at most (an issue, its updates and its cancellation: a handful in practice). */
const MAX_CHAIN_RECORDS = 1000;

/** Warning records by id within the caller's read scope; one out of scope loads as null: one statement per request level. */
export const WarningReference = defineReference(Warnings, 'rescue.warning.byId');
export const warningById = (ctx: RequestContext): DataLoader<string, Warning | null> => WarningReference.byId(ctx);

/** Deliveries by id within the caller's read scope (their organization), else null: one statement per request level. */
export const WarningDeliveryReference = defineReference(WarningDeliveries, 'rescue.warningDelivery.byId');
export const warningDeliveryById = (ctx: RequestContext): DataLoader<string, WarningDelivery | null> => WarningDeliveryReference.byId(ctx);

/** Every record of many chains (keyed by chain id) the caller may read, oldest sent first (a chain has few records); one statement per request level. */
export function warningChains(ctx: RequestContext): DataLoader<string, Warning[]> {
  return ctx.loaders.get('rescue.warning.chain', undefined, async (chainIds: readonly string[]) => {
    const pages = await records(ctx, Warnings).byParent('chain_id', chainIds, {
      keys: [
        { column: 't.sent_at', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page: { first: MAX_CHAIN_RECORDS, withCount: false, withCursors: false },
    });
    return chainIds.map((id) => pages.get(id)?.edges.map((e) => e.node) ?? []);
  });
}

/** The target organization ids of many records within the caller's read scope, in the order added (at most 50 each); one statement per request level. */
export function warningTargetIds(ctx: RequestContext): DataLoader<string, string[]> {
  return ctx.loaders.get('rescue.warning.targets', undefined, async (ids: readonly string[]) => {
    const pages = await records(ctx, WarningTargets).byParent('warning_id', ids, {
      keys: [
        { column: 't.added_at', direction: SortDirection.ASC },
        { column: 't.organization_id', direction: SortDirection.ASC },
      ],
      page: { first: MAX_WARNING_TARGETS, withCount: false, withCursors: false },
    });
    return ids.map((id) => pages.get(id)?.edges.map((e) => e.node.organizationId) ?? []);
  });
}

/** The deliveries of a record within the caller's read scope, latest first. */
export const WarningDeliveryPages = defineChildPages(WarningDeliveries, { name: 'rescue.warning.deliveries', parentColumn: 'warning_id', keys: deliverySortKeys('t') });

/** SQL select list of call-and-response figures over deliveries aliased `alias` (cancelled ones filtered out by the caller). */
/** A delivery answered (叫应), over `alias`. */
export const acknowledgedDelivery = (alias: string): Sql => sql`${raw(`${alias}.status`)} = 'ACKNOWLEDGED'`;

export const figuresColumns = (alias: string): Sql => {
  const d = (column: string) => raw(`${alias}.${column}`);
  return sql`
  count(*)::int AS "deliveries",
  count(*) FILTER (WHERE ${acknowledgedDelivery(alias)})::int AS "acknowledged",
  count(*) FILTER (WHERE ${d('status')} = 'PENDING')::int AS "pending",
  count(*) FILTER (WHERE ${d('escalation_step')} > 0)::int AS "escalated",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${d('acknowledged_at')} - ${d('delivered_at')})::float8) FILTER (WHERE ${d('status')} = 'ACKNOWLEDGED') AS "medianSecondsToAck",
  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ${d('acknowledged_at')} - ${d('delivered_at')})::float8) FILTER (WHERE ${d('status')} = 'ACKNOWLEDGED') AS "p90SecondsToAck"`;
};

export type FigureRow = Omit<WarningFigures, 'ackRate'>;

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
    const rows = await records(ctx, WarningDeliveries)
      .where(sql`t.warning_id = ANY(CAST(${ids} AS uuid[])) AND t.status <> 'CANCELLED'`)
      .aggregate<FigureRow & { warningId: string }>(sql`t.warning_id AS "warningId", ${figuresColumns('t')}`, { groupBy: sql`t.warning_id` });
    const byId = new Map(rows.map((r) => [r.warningId, r]));
    return ids.map((id) => toFigures(byId.get(id), new WarningFigures()));
  });
}
