import { byKeys, can, pageKey, pagesByParent, scopeOf, SortDirection, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { organizationIdInScope, organizationScope } from '@platform/directory';
import type DataLoader from 'dataloader';
import { Household } from '@domains/community';
import { ReliefCase, ReliefCaseStep, ReliefPayment } from './relief.entity';
import { CommunityPermission } from '@domains/community';
import { ResponsePermission } from '../permissions';

/** The steps of many cases, oldest first, one statement per request level. */
export function reliefStepPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<ReliefCaseStep>> {
  return ctx.loaders.get('rescue.reliefCase.steps', pageKey(page), async (ids: readonly string[]) => {
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: ReliefCaseStep,
      table: 'relief_case_step',
      parentColumn: 'case_id',
      parentIds: ids,
      keys: [
        { column: 't.at', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The payments of many cases, by the day paid, one statement per request level (index relief_payment_case_idx). */
export function reliefPaymentPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<ReliefPayment>> {
  return ctx.loaders.get('rescue.reliefCase.payments', pageKey(page), async (ids: readonly string[]) => {
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: ReliefPayment,
      table: 'relief_payment',
      parentColumn: 'case_id',
      parentIds: ids,
      keys: [
        { column: 't.paid_on', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** Cases by id within the caller's relief read scope; out of scope loads as null. */
export function reliefCaseById(ctx: RequestContext): DataLoader<string, ReliefCase | null> {
  return ctx.loaders.get('rescue.reliefCase.byId', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, ResponsePermission.ReliefRead, 'c.organization_id');
    const rows = await ctx.manager.createQueryBuilder(ReliefCase, 'c').where('c.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    return byKeys(ids, rows, (c) => c.id);
  });
}

/** Joint defense households by id within the caller's joint-defense read scope (removed ones too); else null. */
export function reliefHouseholdById(ctx: RequestContext): DataLoader<string, Household | null> {
  return ctx.loaders.get('rescue.reliefCase.household', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, CommunityPermission.JointDefenseRead, 'h.organization_id');
    const rows = await ctx.manager.createQueryBuilder(Household, 'h').where('h.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    return byKeys(ids, rows, (h) => h.id);
  });
}

/**
 * Whether the caller holds rescue.relief:pay for each organization (the payment's village): only
 * payers see the payee's ID number and account unmasked. No statement when it holds it nowhere or
 * everywhere, else one per request level.
 */
export function reliefPayableAt(ctx: RequestContext): DataLoader<string, boolean> {
  return ctx.loaders.get('rescue.relief.payableAt', undefined, async (ids: readonly string[]) => {
    if (!can(ctx.principal, ResponsePermission.ReliefPay)) return ids.map(() => false);
    if (scopeOf(ctx.principal, ResponsePermission.ReliefPay)?.all) return ids.map(() => true);
    const scope = organizationScope(ctx.principal, ResponsePermission.ReliefPay, 'o.path', 'o.id');
    const rows = await ctx.manager.createQueryBuilder().select('o.id', 'id').from('organization', 'o').where('o.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getRawMany<{ id: string }>();
    const payable = new Set(rows.map((r) => r.id));
    return ids.map((id) => payable.has(id));
  });
}
