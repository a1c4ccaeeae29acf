import { can, defineChildPages, defineReference, records, scopeOf, SortDirection, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import type DataLoader from 'dataloader';
import type { ReliefCase } from './relief.entity';
import { ReliefCaseSteps, ReliefCases, ReliefPayments } from '../response.entities';
import { ResponsePermission } from '../permissions';

/** The steps of a case, oldest first. */
export const ReliefCaseStepPages = defineChildPages(ReliefCaseSteps, {
  name: 'rescue.reliefCase.steps',
  parentColumn: 'case_id',
  keys: [
    { column: 't.at', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
});

/** The payments of a case, by the day paid (index relief_payment_case_idx). */
export const ReliefCasePayments = defineChildPages(ReliefPayments, {
  name: 'rescue.reliefCase.payments',
  parentColumn: 'case_id',
  keys: [
    { column: 't.paid_on', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
});

/** Cases by id within the caller's relief read scope; out of scope loads as null. */
export const ReliefCaseReference = defineReference(ReliefCases, 'rescue.reliefCase.byId');
export const reliefCaseById = (ctx: RequestContext): DataLoader<string, ReliefCase | null> => ReliefCaseReference.byId(ctx);

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
