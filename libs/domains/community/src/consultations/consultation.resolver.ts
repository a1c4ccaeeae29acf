import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationConnection, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Consultation, ConsultationActionItem } from './consultation.entity';
import { ConsultationFloodSeasonMonth } from './consultation.types';
import {
  AddConsultationActionItemInput,
  CancelConsultationActionItemInput,
  CompleteConsultationActionItemInput,
  ConsultationActionItemListArgs,
  ConsultationGapsArgs,
  ConsultationListArgs,
  RecordConsultationInput,
  UpdateConsultationInput,
} from './consultation.inputs';
import { ACTION_ITEM_KEY_PROPERTIES, CONSULTATION_KEY_PROPERTIES, ConsultationService, actionItemOverdue } from './consultation.service';
import { ConsultationActionItemPages, ConsultationDepartmentPages, ConsultationReference, consultationById } from './consultation.loaders';
import { ACTION_ITEM_WORKFLOW } from './action-item-workflow';
import { CommunityPermission } from '../permissions';

export const ConsultationConnection = Connection(Consultation, '会商研判会议');
export const ConsultationActionItemConnection = Connection(ConsultationActionItem, '会商任务');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
/** The object itself (a field returning one record). */
const SELF = [] as const;

@Resolver(() => Consultation)
export class ConsultationResolver {
  private readonly service = new ConsultationService();

  @Query(() => Consultation, { nullable: true, description: '会商研判详情。One consultation by id (archived ones too); null when there is none in your scope.' })
  @RequirePermission(CommunityPermission.ConsultationRead)
  consultation(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Consultation id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<Consultation | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, Consultation, info, SELF));
  }

  @Query(() => ConsultationConnection, { description: '会商研判列表。Consultation meetings in your scope, latest held first; filter by subtree, kinds and period.' })
  @RequirePermission(CommunityPermission.ConsultationRead)
  consultations(@Ctx() ctx: RequestContext, @Args(() => ConsultationListArgs) args: ConsultationListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Consultation>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Consultation, info, NODE, CONSULTATION_KEY_PROPERTIES));
  }

  @Query(() => ConsultationActionItemConnection, {
    description: '会商任务列表。Action items across the meetings in your scope (archived meetings aside), earliest due first; filter by subtree, statuses (e.g. [OPEN]), overdue and owner organization.',
  })
  @RequirePermission(CommunityPermission.ConsultationRead)
  consultationActionItems(
    @Ctx() ctx: RequestContext,
    @Args(() => ConsultationActionItemListArgs) args: ConsultationActionItemListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<ConsultationActionItem>> {
    return this.service.actionItems(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, ConsultationActionItem, info, NODE, ACTION_ITEM_KEY_PROPERTIES));
  }

  @Query(() => [ConsultationFloodSeasonMonth], {
    description:
      '汛期月度研判缺失情况。For a convening organization (default the town government) and a year: each flood-season month (May–September) up to the current month (China time), HELD, MISSING or UPCOMING, with the meetings held. A fixed, small list of at most 5 months, so not paginated.',
  })
  @RequirePermission(CommunityPermission.ConsultationRead)
  floodSeasonConsultationGaps(@Ctx() ctx: RequestContext, @Args(() => ConsultationGapsArgs) args: ConsultationGapsArgs): Promise<ConsultationFloodSeasonMonth[]> {
    return this.service.floodSeasonGaps(ctx, args);
  }

  @Mutation(() => Consultation, { description: '记录会商研判。Records a consultation meeting with its departments and action items, under an organization in your scope.' })
  @RequirePermission(CommunityPermission.ConsultationWrite)
  recordConsultation(@Ctx() ctx: RequestContext, @Arg('input', () => RecordConsultationInput, input) data: RecordConsultationInput): Promise<Consultation> {
    return this.service.record(ctx, data);
  }

  @Mutation(() => Consultation, { description: '修改会商研判。Changes a consultation (details, departments); needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(CommunityPermission.ConsultationWrite)
  updateConsultation(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateConsultationInput, input) data: UpdateConsultationInput): Promise<Consultation> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => Consultation, { description: '归档会商研判。Archives a consultation recorded by mistake; it and its action items leave the lists, the record is kept.' })
  @RequirePermission(CommunityPermission.ConsultationWrite)
  archiveConsultation(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<Consultation> {
    return this.service.archive(ctx, data);
  }

  @Mutation(() => ConsultationActionItem, { description: '新增会商任务。Adds an action item to a consultation; the consultation\'s version is not changed.' })
  @RequirePermission(CommunityPermission.ConsultationWrite)
  addConsultationActionItem(@Ctx() ctx: RequestContext, @Arg('input', () => AddConsultationActionItemInput, input) data: AddConsultationActionItemInput): Promise<ConsultationActionItem> {
    return this.service.addActionItem(ctx, data);
  }

  @Mutation(() => ConsultationActionItem, { description: '完成会商任务。Marks an open action item done on a day, with a note; needs the version you read.' })
  @RequirePermission(ACTION_ITEM_WORKFLOW.permissionOf('complete'))
  completeConsultationActionItem(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CompleteConsultationActionItemInput, input) data: CompleteConsultationActionItemInput,
  ): Promise<ConsultationActionItem> {
    return this.service.completeActionItem(ctx, data);
  }

  @Mutation(() => ConsultationActionItem, { description: '取消会商任务。Drops an open action item, with the reason; needs the version you read.' })
  @RequirePermission(ACTION_ITEM_WORKFLOW.permissionOf('cancel'))
  cancelConsultationActionItem(@Ctx() ctx: RequestContext, @Arg('input', () => CancelConsultationActionItemInput, input) data: CancelConsultationActionItemInput): Promise<ConsultationActionItem> {
    return this.service.cancelActionItem(ctx, data);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '召集单位。The organization that convened it; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() c: Consultation): Promise<Organization | null> {
    return organizationById(ctx).load(c.organizationId);
  }

  @FieldResolver(() => OrganizationConnection, { description: '参会部门。Organizations that took part (the 7 of 1+7+N and others), those you may read, by name.' })
  @ReadsColumns('id')
  @ReadsRelation(ConsultationDepartmentPages)
  departments(@Ctx() ctx: RequestContext, @Root() c: Consultation, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Organization>> {
    return ConsultationDepartmentPages.load(ctx, c.id, page, info);
  }

  @FieldResolver(() => ConsultationActionItemConnection, { description: '会商任务。The action items agreed, earliest due first.' })
  @ReadsColumns('id')
  @ReadsRelation(ConsultationActionItemPages)
  actionItems(@Ctx() ctx: RequestContext, @Root() c: Consultation, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ConsultationActionItem>> {
    return ConsultationActionItemPages.load(ctx, c.id, page, info, selectedProperties(ctx.manager, ConsultationActionItem, info, NODE, ACTION_ITEM_KEY_PROPERTIES));
  }
}

@Resolver(() => ConsultationActionItem)
export class ConsultationActionItemResolver {
  @FieldResolver(() => Boolean, { description: '是否逾期。True when the item is open and its due day is before today (China time).' })
  @ReadsColumns('status', 'dueOn')
  overdue(@Ctx() ctx: RequestContext, @Root() i: ConsultationActionItem): boolean {
    return actionItemOverdue(i, ctx.clock.today());
  }

  @FieldResolver(() => Consultation, { nullable: true, description: '会商研判。The meeting that agreed the item (read with the item, so null only for one that no longer exists).' })
  @ReadsColumns('consultationId')
  @ReadsRelation(ConsultationReference, 'consultationId')
  consultation(@Ctx() ctx: RequestContext, @Root() i: ConsultationActionItem): Promise<Consultation | null> {
    return consultationById(ctx).load(i.consultationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '责任单位。The organization responsible; null when none is named or you may not read it.' })
  @ReadsColumns('ownerOrganizationId')
  @ReadsRelation(OrganizationReference, 'ownerOrganizationId')
  ownerOrganization(@Ctx() ctx: RequestContext, @Root() i: ConsultationActionItem): Promise<Organization | null> {
    return i.ownerOrganizationId ? organizationById(ctx).load(i.ownerOrganizationId) : Promise.resolve(null);
  }

  @FieldResolver(() => Person, { nullable: true, description: '责任人。The person responsible; null when none is named or you may not read persons there.' })
  @ReadsColumns('ownerPersonId')
  @ReadsRelation(PersonReference, 'ownerPersonId')
  owner(@Ctx() ctx: RequestContext, @Root() i: ConsultationActionItem): Promise<Person | null> {
    return i.ownerPersonId ? personById(ctx).load(i.ownerPersonId) : Promise.resolve(null);
  }
}
