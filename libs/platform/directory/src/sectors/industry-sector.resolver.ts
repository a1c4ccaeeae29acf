import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, RequirePermission, records, selectsField, whereChanged, type ConnectionResult, type RequestContext } from '@platform/core';
import { IndustrySector } from './industry-sector.entity';
import { IndustrySectorListArgs, IndustrySectorOrder } from './industry-sector.inputs';
import { IndustrySectors } from '../directory.entities';
import { DirectoryPermission } from '../permissions';

export const IndustrySectorConnection = Connection(IndustrySector, '行业类别');

@Resolver(() => IndustrySector)
export class IndustrySectorResolver {
  @Query(() => IndustrySectorConnection, { description: '行业类别代码表。The industry sector code list, in display order unless ordered otherwise.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  industrySectors(@Ctx() ctx: RequestContext, @Args(() => IndustrySectorListArgs) args: IndustrySectorListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<IndustrySector>> {
    return whereChanged(records(ctx, IndustrySectors), args.filter).page({ keys: IndustrySectorOrder.keys(args.orderBy), page: args, withCount: selectsField(info, 'totalCount') });
  }
}
