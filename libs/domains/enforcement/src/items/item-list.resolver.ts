import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, LocalDateScalar, ON_DAY_ARGUMENT, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { EnforcementItem, EnforcementItemList } from './item.entity';
import { CreateEnforcementItemListInput, EnforcementItemListListArgs, PublishEnforcementItemListInput, UpdateEnforcementItemListInput } from './item.inputs';
import { ITEM_LIST_KEY_PROPERTIES, EnforcementItemListService } from './item-list.service';
import { ITEM_KEY_PROPERTIES } from './item.service';
import { EnforcementItemListReference, ListItemPages } from './item.loaders';
import { listInForce } from './item-queries';
import { ITEM_LIST_WORKFLOW } from './item-list-workflow';
import { ItemPermission } from './items.permissions';

export const EnforcementItemListConnection = Connection(EnforcementItemList, '执法事项清单');
export const EnforcementItemConnection = Connection(EnforcementItem, '执法事项');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => EnforcementItemList)
export class EnforcementItemListResolver {
  private readonly service = new EnforcementItemListService();

  @Query(() => EnforcementItemList, { nullable: true, description: '执法事项清单详情。One list version by id; null when there is none in your scope.' })
  @RequirePermission(ItemPermission.Read)
  enforcementItemList(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。List id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<EnforcementItemList | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, EnforcementItemList, info, SELF));
  }

  @Query(() => EnforcementItemListConnection, { description: '执法事项清单。The enforcement item list versions in your scope, the latest effective first; filter by organization, status and the day in force.' })
  @RequirePermission(ItemPermission.Read)
  enforcementItemLists(@Ctx() ctx: RequestContext, @Args(() => EnforcementItemListListArgs) args: EnforcementItemListListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementItemList>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, EnforcementItemList, info, NODE, ITEM_LIST_KEY_PROPERTIES));
  }

  @FieldResolver(() => Boolean, { description: '是否有效。Whether the list is published and in force on the day.' })
  @ReadsColumns('status', 'effectiveFrom', 'effectiveTo')
  inForce(@Ctx() ctx: RequestContext, @Root() l: EnforcementItemList, @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string): boolean {
    return listInForce(l, on ?? ctx.clock.today());
  }

  @FieldResolver(() => EnforcementItemConnection, { description: '执法事项。Its items, by code.' })
  @ReadsColumns('id')
  @ReadsRelation(ListItemPages)
  items(@Ctx() ctx: RequestContext, @Root() l: EnforcementItemList, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementItem>> {
    return ListItemPages.load(ctx, l.id, page, info, selectedProperties(ctx.manager, EnforcementItem, info, NODE, ITEM_KEY_PROPERTIES));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The legal subject the list belongs to; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() l: EnforcementItemList): Promise<Organization | null> {
    return organizationById(ctx).load(l.organizationId);
  }

  @FieldResolver(() => EnforcementItemList, { nullable: true, description: '复制来源。The published list this one was copied from; null for a list drawn up empty or one beyond your scope.' })
  @ReadsColumns('previousId')
  @ReadsRelation(EnforcementItemListReference, 'previousId')
  previous(@Ctx() ctx: RequestContext, @Root() l: EnforcementItemList): Promise<EnforcementItemList | null> {
    return l.previousId ? EnforcementItemListReference.byId(ctx).load(l.previousId) : Promise.resolve(null);
  }

  @Mutation(() => EnforcementItemList, { description: '新建执法事项清单。Draws up a DRAFT list version for a legal subject in your scope: empty, or a copy of one of its published lists (items, basis articles and bands).' })
  @RequirePermission(ItemPermission.Manage)
  createEnforcementItemList(@Ctx() ctx: RequestContext, @Arg('input', () => CreateEnforcementItemListInput, input) data: CreateEnforcementItemListInput): Promise<EnforcementItemList> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => EnforcementItemList, { description: '修改执法事项清单。Changes a DRAFT list\'s code, title, document number, effective day or note; a published list never changes.' })
  @RequirePermission(ItemPermission.Manage)
  updateEnforcementItemList(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateEnforcementItemListInput, input) data: UpdateEnforcementItemListInput): Promise<EnforcementItemList> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => EnforcementItemList, {
    description: '发布执法事项清单。Publishes a DRAFT list with at least one item: in force from its effective day, which must be after that of the organization\'s list in force; that list becomes SUPERSEDED, its last day the day before.',
  })
  @RequirePermission(ITEM_LIST_WORKFLOW.permissionOf('publish'))
  publishEnforcementItemList(@Ctx() ctx: RequestContext, @Arg('input', () => PublishEnforcementItemListInput, input) data: PublishEnforcementItemListInput): Promise<EnforcementItemList> {
    return this.service.publish(ctx, data);
  }
}
