import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Attachment, Connection, ReadsColumns, ReadsRelation, RequirePermission, attachmentsOf, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { FireFourOnesItem } from './fire-four-ones.entity';
import { FourOnesGap } from './fire-four-ones.types';
import { FireFourOnesItemListArgs, FourOnesGapArgs, RecordFireFourOnesItemInput } from './fire-four-ones.inputs';
import { FireFourOnesService } from './fire-four-ones.service';
import { RegistriesPermission } from './registries.permissions';

export const FireFourOnesItemConnection = Connection(FireFourOnesItem, '“四个一”事项记录');
export const FourOnesGapConnection = Connection(FourOnesGap, '“四个一”缺项部门');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const KEY_PROPERTIES = ['year', 'departmentId', 'kind'];

@Resolver(() => FireFourOnesItem)
export class FireFourOnesItemResolver {
  private readonly service = new FireFourOnesService();

  @Query(() => FireFourOnesItemConnection, { description: '行业消防安全“四个一”。The items recorded by the departments in your scope, by year, department and item; filter by year and department.' })
  @RequirePermission(RegistriesPermission.Read)
  fireFourOnesItems(@Ctx() ctx: RequestContext, @Args(() => FireFourOnesItemListArgs) args: FireFourOnesItemListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<FireFourOnesItem>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, FireFourOnesItem, info, NODE, KEY_PROPERTIES));
  }

  @Query(() => FourOnesGapConnection, { description: '“四个一”缺项部门。The industry departments in your scope (those holding a supervision assignment in force during the year) that have not recorded all four items for the year, with the items missing; most missing first.' })
  @RequirePermission(RegistriesPermission.Read)
  fireFourOnesGaps(@Ctx() ctx: RequestContext, @Args(() => FourOnesGapArgs) args: FourOnesGapArgs): Promise<ConnectionResult<FourOnesGap>> {
    return this.service.gaps(ctx, args);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '部门。The department; null when you may not read it.' })
  @ReadsColumns('departmentId')
  @ReadsRelation(OrganizationReference, 'departmentId')
  department(@Ctx() ctx: RequestContext, @Root() i: FireFourOnesItem): Promise<Organization | null> {
    return organizationById(ctx).load(i.departmentId);
  }

  @FieldResolver(() => [Attachment], { description: '佐证材料。Files attached as evidence (at most 20).' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() i: FireFourOnesItem): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'FireFourOnesItem').load(i.id);
  }

  @Mutation(() => FireFourOnesItem, { description: '填报“四个一”事项。Records one item of a department\'s fire-safety "四个一" for a year, with evidence; once per item and year.' })
  @RequirePermission(RegistriesPermission.FourOnesRecord)
  recordFireFourOnesItem(@Ctx() ctx: RequestContext, @Arg('input', () => RecordFireFourOnesItemInput, input) data: RecordFireFourOnesItemInput): Promise<FireFourOnesItem> {
    return this.service.record(ctx, data);
  }
}

@Resolver(() => FourOnesGap)
export class FourOnesGapResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '部门。The department; null when you may not read it.' })
  department(@Ctx() ctx: RequestContext, @Root() g: FourOnesGap): Promise<Organization | null> {
    return organizationById(ctx).load(g.departmentId);
  }
}
