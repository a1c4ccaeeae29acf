import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  BusinessRuleVersion,
  BusinessRuleVersionReference,
  Connection,
  LocalDateScalar,
  ON_DAY_ARGUMENT,
  PageArgs,
  ReadsColumns,
  ReadsRelation,
  RequirePermission,
  UUIDScalar,
  compareDecimals,
  selectedProperties,
  selectsField,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { LawArticle, LawArticleConnection } from '../laws/public';
import { EnforcementDiscretionBand, EnforcementItem, EnforcementItemList } from './item.entity';
import { DiscretionSubject, EnforcementItemCategory } from './item.enums';
import { AddEnforcementItemInput, EnforcementItemListArgs, RemoveEnforcementItemInput, UpdateEnforcementItemInput } from './item.inputs';
import { ITEM_KEY_PROPERTIES, EnforcementItemService } from './item.service';
import { EnforcementItemListReference, EnforcementItemReference, ItemBandPages, ItemBasisPages } from './item.loaders';
import { EnforcementHearingThreshold, hearingThresholdOn, listInForce, sameItemIdOn, thresholdOf } from './item-queries';
import { EnforcementItemConnection } from './item-list.resolver';
import { ItemPermission } from './items.permissions';

export const EnforcementDiscretionBandConnection = Connection(EnforcementDiscretionBand, '裁量基准');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => EnforcementItem)
export class EnforcementItemResolver {
  private readonly service = new EnforcementItemService();

  @Query(() => EnforcementItem, { nullable: true, description: '执法事项详情。One item by id, whichever list version it belongs to; null when there is none in your scope.' })
  @RequirePermission(ItemPermission.Read)
  enforcementItem(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Item id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<EnforcementItem | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, EnforcementItem, info, SELF));
  }

  @Query(() => EnforcementItemConnection, {
    description: '执法事项。Items of the lists in your scope, by code; `filter.inForceOn` gives the items of the lists in force on a day (those a matter opened that day may name); filter also by list, kind, category, codes and text.',
  })
  @RequirePermission(ItemPermission.Read)
  enforcementItems(@Ctx() ctx: RequestContext, @Args(() => EnforcementItemListArgs) args: EnforcementItemListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementItem>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, EnforcementItem, info, NODE, ITEM_KEY_PROPERTIES));
  }

  @FieldResolver(() => EnforcementItemList, { nullable: true, description: '所属清单。The list version the item belongs to (read with the item, so null only for one that no longer exists).' })
  @ReadsColumns('listId')
  @ReadsRelation(EnforcementItemListReference, 'listId')
  list(@Ctx() ctx: RequestContext, @Root() i: EnforcementItem): Promise<EnforcementItemList | null> {
    return EnforcementItemListReference.byId(ctx).load(i.listId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '实施主体。The legal subject that exercises the item; null when you may not read it.' })
  @ReadsColumns('responsibleOrganizationId')
  @ReadsRelation(OrganizationReference, 'responsibleOrganizationId')
  responsibleOrganization(@Ctx() ctx: RequestContext, @Root() i: EnforcementItem): Promise<Organization | null> {
    return organizationById(ctx).load(i.responsibleOrganizationId);
  }

  @FieldResolver(() => LawArticleConnection, { description: '依据条文。The articles of the law catalog its legal basis cites, in the catalog\'s order.' })
  @ReadsColumns('id')
  @ReadsRelation(ItemBasisPages)
  basisArticles(@Ctx() ctx: RequestContext, @Root() i: EnforcementItem, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LawArticle>> {
    return ItemBasisPages.load(ctx, i.id, page, info);
  }

  @FieldResolver(() => EnforcementDiscretionBandConnection, { description: '裁量基准。Its discretion bands (penalty items only): the unit\'s first, then the persons\', each from minor to grave.' })
  @ReadsColumns('id')
  @ReadsRelation(ItemBandPages)
  discretionBands(@Ctx() ctx: RequestContext, @Root() i: EnforcementItem, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementDiscretionBand>> {
    return ItemBandPages.load(ctx, i.id, page, info);
  }

  @FieldResolver(() => EnforcementHearingThreshold, { nullable: true, description: '听证标准。For a PENALTY item, the fines at or above which a hearing may be asked for, by the rule version in force on the day; null for other items or when no version applies.' })
  @ReadsColumns('category')
  async hearingThreshold(@Ctx() ctx: RequestContext, @Root() i: EnforcementItem, @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string): Promise<EnforcementHearingThreshold | null> {
    if (i.category !== EnforcementItemCategory.PENALTY) return null;
    const rule = await hearingThresholdOn(ctx, on ?? ctx.clock.today());
    return rule ? thresholdOf(rule) : null;
  }

  @FieldResolver(() => Boolean, { description: '是否有效。Whether the item\'s list is published and in force on the day (an item of a superseded list still resolves, for the matters opened under it).' })
  @ReadsColumns('listId')
  async inForce(@Ctx() ctx: RequestContext, @Root() i: EnforcementItem, @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string): Promise<boolean> {
    const list = await EnforcementItemListReference.byId(ctx).load(i.listId);
    return list !== null && listInForce(list, on ?? ctx.clock.today());
  }

  @FieldResolver(() => EnforcementItem, { nullable: true, description: '同一事项。The item with the same code in the list of the same organization in force on the day (itself when its own list is); null when that list has no such item or none is in force.' })
  @ReadsColumns('id')
  async sameItemOn(@Ctx() ctx: RequestContext, @Root() i: EnforcementItem, @Arg('on', () => LocalDateScalar, { description: '日期。The day (YYYY-MM-DD).' }) on: string): Promise<EnforcementItem | null> {
    const id = await sameItemIdOn(ctx, i.id, on);
    return id ? EnforcementItemReference.byId(ctx).load(id) : null;
  }

  @Mutation(() => EnforcementItem, { description: '新增执法事项。Adds an item to a DRAFT list: its code unique there, source department for a delegated and entrusting body for an entrusted item, basis articles in force on the list\'s effective day, bands for a penalty.' })
  @RequirePermission(ItemPermission.Manage)
  addEnforcementItem(@Ctx() ctx: RequestContext, @Arg('input', () => AddEnforcementItemInput, input) data: AddEnforcementItemInput): Promise<EnforcementItem> {
    return this.service.add(ctx, data);
  }

  @Mutation(() => EnforcementItem, { description: '修改执法事项。Changes an item of a DRAFT list; given basis articles or bands replace the old ones.' })
  @RequirePermission(ItemPermission.Manage)
  updateEnforcementItem(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateEnforcementItemInput, input) data: UpdateEnforcementItemInput): Promise<EnforcementItem> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => EnforcementItemList, { description: '删除执法事项。Removes an item (with its basis links and bands) from a DRAFT list, and answers the list; a published list\'s items stay forever.' })
  @RequirePermission(ItemPermission.Manage)
  removeEnforcementItem(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveEnforcementItemInput, input) data: RemoveEnforcementItemInput): Promise<EnforcementItemList> {
    return this.service.remove(ctx, data);
  }
}

@Resolver(() => EnforcementDiscretionBand)
export class EnforcementDiscretionBandResolver {
  @FieldResolver(() => EnforcementItem, { nullable: true, description: '执法事项。The penalty item (read with the band, so null only for one that no longer exists).' })
  @ReadsColumns('itemId')
  @ReadsRelation(EnforcementItemReference, 'itemId')
  item(@Ctx() ctx: RequestContext, @Root() b: EnforcementDiscretionBand): Promise<EnforcementItem | null> {
    return EnforcementItemReference.byId(ctx).load(b.itemId);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: '达到听证标准。Whether the band\'s greatest fine reaches the hearing threshold for its subject (unit or person) in force on the day, so a fine at its top may be heard; null for a band set as a share of income (the amount depends on the person\'s income) or when no rule version applies.',
  })
  @ReadsColumns('subject', 'fineMaxYuan')
  async reachesHearingThreshold(@Ctx() ctx: RequestContext, @Root() b: EnforcementDiscretionBand, @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string): Promise<boolean | null> {
    if (b.fineMaxYuan === null) return null;
    const rule = await hearingThresholdOn(ctx, on ?? ctx.clock.today());
    if (!rule) return null;
    const threshold = b.subject === DiscretionSubject.UNIT ? rule.value.unitFineYuan : rule.value.personFineYuan;
    return compareDecimals(b.fineMaxYuan, String(threshold)) >= 0;
  }
}

@Resolver(() => EnforcementHearingThreshold)
export class EnforcementHearingThresholdResolver {
  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of rule enforcement.hearing-threshold the figures come from (document, jurisdiction, note); null when you may not read business rules.' })
  ruleVersion(@Ctx() ctx: RequestContext, @Root() h: EnforcementHearingThreshold): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(h.ruleVersionId);
  }
}
