import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Actor, actorOf, type ActorRecord } from '@platform/access';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { DutyItem, DutyList } from './duty-list.entity';
import { DutyItemChange } from './duty-diff';
import { AddDutyItemInput, CreateDutyListInput, DutyItemListArgs, DutyItemsWithoutActionArgs, DutyListDiffArgs, DutyListListArgs, RemoveDutyItemInput, ReviseDutyListInput, SignDutyListInput, UpdateDutyItemInput } from './duty-list.inputs';
import { DUTY_LIST_KEY_PROPERTIES, DutyListService } from './duty-list.service';
import { DUTY_ITEM_KEY_PROPERTIES, DutyActionService } from './duty-action.service';
import { DutyActionPages, DutyItemPages, DutyListReference } from './duty.loaders';
import { DutyActionConnection } from './duty-action.resolver';
import { DUTY_LIST_WORKFLOW } from './duty-workflows';
import { DutyPermission } from './duties.permissions';
import type { DutyAction } from './duty-list.entity';

export const DutyListConnection = Connection(DutyList, '职责清单');
export const DutyItemConnection = Connection(DutyItem, '职责条目');
export const DutyItemChangeConnection = Connection(DutyItemChange, '职责条目变化');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => DutyList)
export class DutyListResolver {
  private readonly service = new DutyListService();

  @Query(() => DutyList, { nullable: true, description: '职责清单详情。One duty list by id; null when there is none in your scope.' })
  @RequirePermission(DutyPermission.Read)
  dutyList(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。List id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<DutyList | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, DutyList, info, SELF));
  }

  @Query(() => DutyListConnection, { description: '职责清单。Duty lists in your scope, latest year first; filter by official, organization, subtree, year and status.' })
  @RequirePermission(DutyPermission.Read)
  dutyLists(@Ctx() ctx: RequestContext, @Args(() => DutyListListArgs) args: DutyListListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyList>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, DutyList, info, NODE, DUTY_LIST_KEY_PROPERTIES));
  }

  @Query(() => DutyItemConnection, { description: '职责条目。Duties of the lists in your scope, by place in the list; filter by list, official, year and category.' })
  @RequirePermission(DutyPermission.Read)
  dutyItems(@Ctx() ctx: RequestContext, @Args(() => DutyItemListArgs) args: DutyItemListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyItem>> {
    return this.service.items(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, DutyItem, info, NODE, DUTY_ITEM_KEY_PROPERTIES));
  }

  @Query(() => DutyItemChangeConnection, {
    description: '职责清单比对。The differences between two lists of the same official (typically years N−1 and N), matched by item key: items added, removed, and changed in text, legal basis or category.',
  })
  @RequirePermission(DutyPermission.Read)
  dutyListDiff(@Ctx() ctx: RequestContext, @Args(() => DutyListDiffArgs) args: DutyListDiffArgs): Promise<ConnectionResult<DutyItemChange>> {
    return this.service.diff(ctx, args);
  }

  @FieldResolver(() => DutyItemConnection, { description: '职责条目。Its duties, by place in the list.' })
  @ReadsColumns('id')
  @ReadsRelation(DutyItemPages)
  items(@Ctx() ctx: RequestContext, @Root() l: DutyList, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyItem>> {
    return DutyItemPages.load(ctx, l.id, page, info, selectedProperties(ctx.manager, DutyItem, info, NODE, DUTY_ITEM_KEY_PROPERTIES));
  }

  @FieldResolver(() => Person, { nullable: true, description: '责任人。The official; null when you may not read persons there.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() l: DutyList): Promise<Person | null> {
    return personById(ctx).load(l.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '任职单位。The organization of the position; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() l: DutyList): Promise<Organization | null> {
    return organizationById(ctx).load(l.organizationId);
  }

  @FieldResolver(() => DutyList, { nullable: true, description: '上一版。The list this one was revised from; null for a first list or one beyond your scope.' })
  @ReadsColumns('previousId')
  @ReadsRelation(DutyListReference, 'previousId')
  previous(@Ctx() ctx: RequestContext, @Root() l: DutyList): Promise<DutyList | null> {
    return l.previousId ? DutyListReference.byId(ctx).load(l.previousId) : Promise.resolve(null);
  }

  @FieldResolver(() => Person, { nullable: true, description: '签订人。The person who signed (the signing account\'s person); null for a draft, an account of no person, or one you may not read.' })
  @ReadsColumns('signedByPersonId')
  @ReadsRelation(PersonReference, 'signedByPersonId')
  signer(@Ctx() ctx: RequestContext, @Root() l: DutyList): Promise<Person | null> {
    return l.signedByPersonId ? personById(ctx).load(l.signedByPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => Actor, { nullable: true, description: '签订操作者。The user or API client that recorded the signing; null for a draft, the system (seed), and when you may not read that account.' })
  @ReadsColumns('signedByKind', 'signedById')
  signedBy(@Ctx() ctx: RequestContext, @Root() l: DutyList): Promise<ActorRecord | null> | null {
    return l.signedByKind ? actorOf(ctx, l.signedByKind, l.signedById) : null;
  }

  @Mutation(() => DutyList, { description: '新建职责清单。Draws up a draft duty list for an official (a person in a current position at an organization) and a year, with its duties.' })
  @RequirePermission(DutyPermission.Manage)
  createDutyList(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDutyListInput, input) data: CreateDutyListInput): Promise<DutyList> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => DutyItem, { description: '新增职责条目。Adds a duty to a draft list (a signed list is immutable: refused with `state`).' })
  @RequirePermission(DutyPermission.Manage)
  addDutyItem(@Ctx() ctx: RequestContext, @Arg('input', () => AddDutyItemInput, input) data: AddDutyItemInput): Promise<DutyItem> {
    return this.service.addItem(ctx, data);
  }

  @Mutation(() => DutyItem, { description: '修改职责条目。Changes a duty of a draft list (its key stays); needs the version you read.' })
  @RequirePermission(DutyPermission.Manage)
  updateDutyItem(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDutyItemInput, input) data: UpdateDutyItemInput): Promise<DutyItem> {
    return this.service.updateItem(ctx, data);
  }

  @Mutation(() => DutyList, { description: '删除职责条目。Removes a duty from a draft list; answers the list.' })
  @RequirePermission(DutyPermission.Manage)
  removeDutyItem(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveDutyItemInput, input) data: RemoveDutyItemInput): Promise<DutyList> {
    return this.service.removeItem(ctx, data);
  }

  @Mutation(() => DutyList, { description: '签订职责清单。Records that the official signed a draft list with at least one duty (who and when); the list is immutable from then on.' })
  @RequirePermission(DUTY_LIST_WORKFLOW.permissionOf('sign'))
  signDutyList(@Ctx() ctx: RequestContext, @Arg('input', () => SignDutyListInput, input) data: SignDutyListInput): Promise<DutyList> {
    return this.service.sign(ctx, data);
  }

  @Mutation(() => DutyList, { description: '修订职责清单。A new draft from a signed list, its duties copied with their keys: the next year\'s list, or a new revision of the same year (once per list).' })
  @RequirePermission(DutyPermission.Manage)
  reviseDutyList(@Ctx() ctx: RequestContext, @Arg('input', () => ReviseDutyListInput, input) data: ReviseDutyListInput): Promise<DutyList> {
    return this.service.revise(ctx, data);
  }
}

@Resolver(() => DutyItem)
export class DutyItemResolver {
  private readonly actionService = new DutyActionService();

  @Query(() => DutyItemConnection, {
    description:
      '无履职记录的职责。An official\'s duties with no action recorded on a day of the period (both days included): the items of their signed lists in force (the newest signed revision of each year the period touches), by place in the list.',
  })
  @RequirePermission(DutyPermission.Read)
  dutyItemsWithoutAction(@Ctx() ctx: RequestContext, @Args(() => DutyItemsWithoutActionArgs) args: DutyItemsWithoutActionArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyItem>> {
    return this.actionService.withoutAction(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, DutyItem, info, NODE, DUTY_ITEM_KEY_PROPERTIES));
  }

  @FieldResolver(() => DutyList, { nullable: true, description: '职责清单。The list the duty belongs to (read with the duty, so null only for one that no longer exists).' })
  @ReadsColumns('listId')
  @ReadsRelation(DutyListReference, 'listId')
  list(@Ctx() ctx: RequestContext, @Root() i: DutyItem): Promise<DutyList | null> {
    return DutyListReference.byId(ctx).load(i.listId);
  }

  @FieldResolver(() => DutyActionConnection, { description: '履职记录。The actions recorded against the duty, latest first.' })
  @ReadsColumns('id')
  @ReadsRelation(DutyActionPages)
  actions(@Ctx() ctx: RequestContext, @Root() i: DutyItem, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyAction>> {
    return DutyActionPages.load(ctx, i.id, page, info);
  }
}
