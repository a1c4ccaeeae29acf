import { byKeys, pageKey, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import { Hazard, RiskPermission } from '@domains/risk';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { EmergencyPlan } from './emergency-plan.entity';
import { DrillProblem } from './drill.entity';
import { DrillRule } from './drill-rule.entity';
import { PreparednessPermission } from '../permissions';

/** Plan revisions by id within the caller's plan scope; one out of scope loads as null. */
export function planById(ctx: RequestContext): DataLoader<string, EmergencyPlan | null> {
  return ctx.loaders.get('rescue.plan.byId', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, PreparednessPermission.PlanRead, 'p.organization_id');
    const rows = await ctx.manager.createQueryBuilder(EmergencyPlan, 'p').where(scope.sql, scope.params).andWhere('p.id IN (:...ids)', { ids }).getMany();
    return byKeys(ids, rows, (p) => p.id);
  });
}

/** Every revision of many plan chains (keyed by chain id), newest first, one statement per request level. */
export function planRevisionPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<EmergencyPlan>> {
  return ctx.loaders.get('rescue.plan.revisions', pageKey(page), async (chainIds: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, PreparednessPermission.PlanRead, 't.organization_id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: EmergencyPlan,
      table: 'emergency_plan',
      parentColumn: 'chain_id',
      parentIds: chainIds,
      where: scope.sql,
      params: scope.params,
      keys: [
        { column: 't.revision', direction: SortDirection.DESC },
        { column: 't.id', direction: SortDirection.DESC },
      ],
      page,
    });
    return chainIds.map((id) => pages.get(id)!);
  });
}

/** The problems of many drills in the order recorded, one statement per request level (drills are loaded in scope first). */
export function drillProblemPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<DrillProblem>> {
  return ctx.loaders.get('rescue.drill.problems', pageKey(page), async (drillIds: readonly string[]) => {
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: DrillProblem,
      table: 'drill_problem',
      parentColumn: 'drill_id',
      parentIds: drillIds,
      keys: [
        { column: 't.position', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page,
    });
    return drillIds.map((id) => pages.get(id)!);
  });
}

/** Drill rules by id (rules are town-wide data). */
export function drillRuleById(ctx: RequestContext): DataLoader<string, DrillRule | null> {
  return ctx.loaders.get('rescue.drillRule.byId', undefined, async (ids: readonly string[]) => byKeys(ids, await ctx.manager.findBy(DrillRule, { id: In([...ids]) }), (r) => r.id));
}

/** Hazards by id within the caller's hazard read scope (risk.hazard:read); one out of scope loads as null. */
export function drillHazardById(ctx: RequestContext): DataLoader<string, Hazard | null> {
  return ctx.loaders.get('rescue.drill.hazardById', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 'h.organization_id');
    const rows = await ctx.manager.createQueryBuilder(Hazard, 'h').where(scope.sql, scope.params).andWhere('h.id IN (:...ids)', { ids }).getMany();
    return byKeys(ids, rows, (h) => h.id);
  });
}
