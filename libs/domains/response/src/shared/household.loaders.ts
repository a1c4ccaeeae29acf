import { records, type RequestContext } from '@platform/core';
import { Households, type Household } from '@domains/community';
import type DataLoader from 'dataloader';

/**
 * Joint defense households by id within the caller's joint-defense read scope (the community's
 * `Households`; removed ones too), else null: the household of a relief case or of a supply issue.
 */
export function householdById(ctx: RequestContext): DataLoader<string, Household | null> {
  return ctx.loaders.get('rescue.response.household', undefined, (ids: readonly string[]) => records(ctx, Households).many(ids));
}
