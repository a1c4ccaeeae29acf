import { can, pageKey, records, scopeOf, SortDirection, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import type DataLoader from 'dataloader';
import type { ReliefCase, ReliefCaseStep, ReliefPayment } from './relief.entity';
import { ReliefCaseSteps, ReliefCases, ReliefPayments } from '../response.entities';
import { ResponsePermission } from '../permissions';

/** The steps of many cases, oldest first, one statement per request level. */
export function reliefStepPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<ReliefCaseStep>> {
  return ctx.loaders.get('rescue.reliefCase.steps', pageKey(page), async (ids: readonly string[]) => {
    const pages = await records(ctx, ReliefCaseSteps).byParent('case_id', ids, {
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
    const pages = await records(ctx, ReliefPayments).byParent('case_id', ids, {
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
  return ctx.loaders.get('rescue.reliefCase.byId', undefined, (ids: readonly string[]) => records(ctx, ReliefCases).many(ids));
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
    return (await records(ctx, Organizations, ResponsePermission.ReliefPay).many(ids, ['id'])).map((o) => o !== null);
  });
}
