import { SortDirection, defineReference, records, sql, type RequestContext } from '@platform/core';
import { threateningRiskPoints, type ThreateningRiskPoints } from '@domains/risk';
import { householdsInOrganizations } from '@domains/community';
import type DataLoader from 'dataloader';
import { WarningEscalation, WarningResponseAction, type WarningResponseTemplate } from './escalation.entity';
import type { EvacuationHouseholds } from './escalation.types';
import { responseActionSortKeys } from './escalation.service';
import { WarningHazardType } from '../model/warning.enums';
import { WarningDeliveries, WarningEscalations, WarningResponseActions, WarningResponseTemplates, Warnings } from '../warnings.entities';

/** Escalation steps of one delivery at most (a level's policy allows up to 5). */
const MAX_ESCALATION_STEPS = 5;
/** Response actions of one delivery at most (one per template that applies). */
const MAX_RESPONSE_ACTIONS = 1000;

/** Response action templates by id (town-wide, for whoever may read warnings; archived ones too), else null: one statement per request level. */
export const ResponseTemplateReference = defineReference(WarningResponseTemplates, 'rescue.warningResponseTemplate.byId');
export const responseTemplateById = (ctx: RequestContext): DataLoader<string, WarningResponseTemplate | null> => ResponseTemplateReference.byId(ctx);

/**
 * The escalations of many deliveries (which the caller has read already), by step, one statement per
 * request level. A delivery has at most its level's max steps (≤ 5), so it is a plain list.
 */
export function escalationsByDelivery(ctx: RequestContext): DataLoader<string, WarningEscalation[]> {
  return ctx.loaders.get('rescue.warningDelivery.escalations', undefined, async (ids: readonly string[]) => {
    const pages = await records(ctx, WarningEscalations).byParent('delivery_id', ids, {
      keys: [
        { column: 't.step', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page: { first: MAX_ESCALATION_STEPS, withCount: false, withCursors: false },
    });
    return ids.map((id) => pages.get(id)?.edges.map((e) => e.node) ?? []);
  });
}

/**
 * The response actions of many deliveries in template order, one statement per request level.
 * Bounded by the number of templates, so a plain list.
 */
export function responseActionsByDelivery(ctx: RequestContext): DataLoader<string, WarningResponseAction[]> {
  return ctx.loaders.get('rescue.warningDelivery.responseActions', undefined, async (ids: readonly string[]) => {
    const pages = await records(ctx, WarningResponseActions).byParent('delivery_id', ids, {
      keys: responseActionSortKeys,
      page: { first: MAX_RESPONSE_ACTIONS, withCount: false, withCursors: false },
    });
    return ids.map((id) => pages.get(id)?.edges.map((e) => e.node) ?? []);
  });
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
    // A delivery in scope is aimed at a target in scope, so its record is readable too.
    const hazardType = records(ctx, Warnings).as('w').where(sql`w.id = t.warning_id`).subquery(sql`w.hazard_type`);
    const rows = await records(ctx, WarningDeliveries)
      .where(sql`t.id = ANY(CAST(${ids} AS uuid[]))`)
      .aggregate<{ id: string; hazardType: string | null }>(sql`t.id AS "id", ${hazardType} AS "hazardType"`);
    const byId = new Map(rows.map((r) => [r.id, r.hazardType]));
    return ids.map((id) => byId.get(id) ?? null);
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
