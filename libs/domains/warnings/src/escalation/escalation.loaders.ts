import { byKeys, groupByKeys, type RequestContext } from '@platform/core';
import { threateningRiskPoints, type ThreateningRiskPoints } from '@domains/risk';
import type DataLoader from 'dataloader';
import { WarningEscalation, WarningResponseAction } from './escalation.entity';
import type { EvacuationHouseholds } from './escalation.types';
import { responseActionsOf } from './escalation.service';
import { householdsInOrganizations } from '@domains/community';
import { WarningHazardType } from '../model/warning.enums';

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

/** Hazard types whose evacuations list the risk module's threatening points (geological hazard and flood points). */
export const RISK_POINT_HAZARDS: ReadonlySet<string> = new Set([WarningHazardType.GEOLOGICAL, WarningHazardType.FLOOD, WarningHazardType.RAINSTORM]);

/** The hazard type of many deliveries' warnings (deliveries the caller has read already), one statement per request level. */
export function deliveryHazardTypes(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get('rescue.warningDelivery.hazardType', undefined, async (ids: readonly string[]) => {
    const rows: Array<{ id: string; hazardType: string }> = await ctx.manager.query(
      `SELECT d.id, w.hazard_type AS "hazardType" FROM warning_delivery d JOIN warning w ON w.id = d.warning_id WHERE d.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return byKeys(ids, rows, (r) => r.id).map((r) => r?.hazardType ?? null);
  });
}

/**
 * The risk points an evacuation action moves people away from: for evacuation actions of geological,
 * flood and rainstorm warnings, the risk module's threatening points of the delivery's organization
 * subtree within the caller's risk-point read scope; null otherwise. Two statements per request level
 * however many actions (the hazard types, then the points).
 */
export async function evacuationThreat(ctx: RequestContext, action: Pick<WarningResponseAction, 'evacuation' | 'deliveryId' | 'organizationId'>): Promise<ThreateningRiskPoints | null> {
  if (!action.evacuation) return null;
  const hazardType = await deliveryHazardTypes(ctx).load(action.deliveryId);
  return hazardType && RISK_POINT_HAZARDS.has(hazardType) ? threateningRiskPoints(ctx).load(action.organizationId) : null;
}
