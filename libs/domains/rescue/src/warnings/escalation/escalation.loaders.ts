import { groupByKeys, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { WarningEscalation, WarningResponseAction } from './escalation.entity';
import type { EvacuationHouseholds } from './escalation.types';
import { responseActionsOf } from './escalation.service';
import { householdsInOrganizations } from '../../joint-defense';

/**
 * The escalations of many deliveries (which the caller has read already), by step, one statement per
 * request level. A delivery has at most its level's max steps (≤ 5), so it is a plain list.
 */
export function escalationsByDelivery(ctx: RequestContext): DataLoader<string, WarningEscalation[]> {
  return ctx.loaders.get('rescue.warningDelivery.escalations', undefined, async (ids: readonly string[]) => {
    const rows = await ctx.manager.createQueryBuilder(WarningEscalation, 'e').where('e.delivery_id = ANY(:ids)', { ids }).orderBy('e.delivery_id').addOrderBy('e.step').getMany();
    return groupByKeys(ids, rows, (e) => e.deliveryId);
  });
}

/**
 * The response actions of many deliveries in template order, one statement per request level (plus,
 * once, the copy for deliveries that had none). Bounded by the number of templates, so a plain list.
 */
export function responseActionsByDelivery(ctx: RequestContext): DataLoader<string, WarningResponseAction[]> {
  return ctx.loaders.get('rescue.warningDelivery.responseActions', undefined, async (ids: readonly string[]) => groupByKeys(ids, await responseActionsOf(ctx, ids), (a) => a.deliveryId));
}

/** The households to evacuate per organization (ten-household joint defense, within the caller's scope), two statements per request level. */
export function evacuationHouseholds(ctx: RequestContext): DataLoader<string, EvacuationHouseholds> {
  return ctx.loaders.get('rescue.warningResponse.evacuationHouseholds', undefined, async (ids: readonly string[]) =>
    (await householdsInOrganizations(ctx, ids)).map((h) => ({ households: h.households, people: h.people, vulnerable: h.vulnerable.map((v) => ({ ...v })) })),
  );
}
