import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, RequirePermission, SortDirection, records, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { IndustrySector } from './industry-sector.entity';
import { IndustrySectors } from '../directory.entities';
import { DirectoryPermission } from '../permissions';

export const IndustrySectorConnection = Connection(IndustrySector, '行业类别');

@Resolver(() => IndustrySector)
export class IndustrySectorResolver {
  @Query(() => IndustrySectorConnection, { description: '行业类别代码表。The industry sector code list, in display order.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  industrySectors(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<IndustrySector>> {
    return records(ctx, IndustrySectors).page({ keys: [{ column: 't.sort_order', direction: SortDirection.ASC }], page, withCount: selectsField(info, 'totalCount') });
  }
}
