import { pageKey, records, sql, SortDirection, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { EmergencyPlan } from './emergency-plan.entity';
import type { Drill, DrillProblem } from './drill.entity';
import type { DrillRule } from './drill-rule.entity';
import { DrillProblems, DrillRules, Drills, EmergencyPlans } from '../preparedness.entities';

/** Plan revisions by id within the caller's plan scope; one out of scope loads as null. */
export function planById(ctx: RequestContext): DataLoader<string, EmergencyPlan | null> {
  return ctx.loaders.get('rescue.plan.byId', undefined, (ids: readonly string[]) => records(ctx, EmergencyPlans).many(ids));
}

/** Every revision of many plan chains (keyed by chain id), newest first, one statement per request level. */
export function planRevisionPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<EmergencyPlan>> {
  return ctx.loaders.get('rescue.plan.revisions', pageKey(page), async (chainIds: readonly string[]) => {
    const pages = await records(ctx, EmergencyPlans).byParent('chain_id', chainIds, {
      keys: [
        { column: 't.revision', direction: SortDirection.DESC },
        { column: 't.id', direction: SortDirection.DESC },
      ],
      page,
    });
    return chainIds.map((id) => pages.get(id)!);
  });
}

/** Drills by id within the caller's plan read scope, else null: one statement per request level. */
export function drillById(ctx: RequestContext): DataLoader<string, Drill | null> {
  return ctx.loaders.get('rescue.drill.byId', undefined, (ids: readonly string[]) => records(ctx, Drills).many(ids));
}

/** The problems of many drills in the order recorded, one statement per request level (in scope with their drill). */
export function drillProblemPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<DrillProblem>> {
  return ctx.loaders.get('rescue.drill.problems', pageKey(page), async (drillIds: readonly string[]) => {
    const pages = await records(ctx, DrillProblems).byParent('drill_id', drillIds, {
      keys: [
        { column: 't.position', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page,
    });
    return drillIds.map((id) => pages.get(id)!);
  });
}

/** Drill rules by id (rules are town-wide data, read by whoever may read plans). */
export function drillRuleById(ctx: RequestContext): DataLoader<string, DrillRule | null> {
  return ctx.loaders.get('rescue.drillRule.byId', undefined, (ids: readonly string[]) => records(ctx, DrillRules).many(ids));
}

/**
 * Day (YYYY-MM-DD) of the latest drill held by each of many organizations, among the drills the
 * caller may read (rescue.plan:read); null when there is none or none is readable. One aggregate
 * statement per request level, grouped by organization (on the (organization_id, held_on) index).
 * Other modules (a rescue team's last drill) read it here instead of querying the drill table.
 */
export function latestDrillOn(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get('rescue.drill.latestOn', undefined, async (ids: readonly string[]) => {
    const rows = await records(ctx, Drills)
      .where(sql`t.organization_id = ANY(CAST(${ids} AS uuid[]))`)
      .aggregate<{ organizationId: string; heldOn: string }>(sql`t.organization_id AS "organizationId", max(t.held_on)::text AS "heldOn"`, { groupBy: sql`t.organization_id` });
    const byOrganization = new Map(rows.map((r) => [r.organizationId, r.heldOn]));
    return ids.map((id) => byOrganization.get(id) ?? null);
  });
}
