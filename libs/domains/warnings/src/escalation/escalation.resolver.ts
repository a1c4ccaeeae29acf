import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, ReadsColumns, ReadsRelation, RequirePermission, pageRequest, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { DirectoryPermission, Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { CommunityPermission, Household, JointDefenseGroup, householdById, jointDefenseGroupById } from '@domains/community';
import { RiskPoint } from '@domains/risk';
import { WarningEscalation, WarningResponseAction, WarningResponseTemplate } from './escalation.entity';
import { EvacuationHousehold, EvacuationHouseholds, EvacuationThreat } from './escalation.types';
import {
  CompleteWarningResponseActionInput,
  CreateWarningResponseTemplateInput,
  UpdateWarningResponseTemplateInput,
  WarningEscalationListArgs,
  WarningResponseTemplateListArgs,
} from './escalation.inputs';
import { WarningResponseActionService, WarningResponseTemplateService, listEscalations } from './escalation.service';
import { ResponseTemplateReference, escalationsByDelivery, evacuationHouseholds, evacuationThreat, responseActionsByDelivery, responseTemplateById } from './escalation.loaders';
import { WarningDelivery } from '../model/warning-delivery.entity';
import { PreparednessPermission } from '@domains/preparedness';
import { WarningPermission } from '../permissions';

export const WarningEscalationConnection = Connection(WarningEscalation, '叫应升级记录');
export const WarningResponseTemplateConnection = Connection(WarningResponseTemplate, '响应措施模板');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => WarningEscalation)
export class WarningEscalationResolver {
  @Query(() => WarningEscalationConnection, { description: '叫应升级记录。Escalations of warning deliveries to organizations in your scope, newest first; filter by period and subtree.' })
  @RequirePermission(WarningPermission.WarningRead)
  warningEscalations(@Ctx() ctx: RequestContext, @Args(() => WarningEscalationListArgs) args: WarningEscalationListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<WarningEscalation>> {
    return listEscalations(ctx, args, pageRequest(args, info));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '接收单位。The village or community the delivery went to; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() e: WarningEscalation): Promise<Organization | null> {
    return organizationById(ctx).load(e.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '原责任人。Who had to answer before the step; null when none or when you may not read persons there.' })
  @ReadsRelation(PersonReference, 'fromPersonId')
  fromPerson(@Ctx() ctx: RequestContext, @Root() e: WarningEscalation): Promise<Person | null> {
    return e.fromPersonId ? personById(ctx).load(e.fromPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => Person, { nullable: true, description: '升级对象。Who must answer from the step on; null when the chain found nobody or you may not read persons there.' })
  @ReadsRelation(PersonReference, 'toPersonId')
  toPerson(@Ctx() ctx: RequestContext, @Root() e: WarningEscalation): Promise<Person | null> {
    return e.toPersonId ? personById(ctx).load(e.toPersonId) : Promise.resolve(null);
  }
}

@Resolver(() => WarningResponseTemplate)
export class WarningResponseTemplateResolver {
  private readonly service = new WarningResponseTemplateService();

  @Query(() => WarningResponseTemplateConnection, { description: '响应措施模板列表。The response actions required per hazard type and level (town-wide), by sort order; filter by hazard type and level.' })
  @RequirePermission(WarningPermission.WarningRead)
  warningResponseTemplates(@Ctx() ctx: RequestContext, @Args(() => WarningResponseTemplateListArgs) args: WarningResponseTemplateListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<WarningResponseTemplate>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => WarningResponseTemplate, { description: '新建响应措施模板。Adds a response action for warnings of a hazard type (or any) at a level and above; deliveries get it when their actions are first made.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  createWarningResponseTemplate(@Ctx() ctx: RequestContext, @Arg('input', () => CreateWarningResponseTemplateInput, input) data: CreateWarningResponseTemplateInput): Promise<WarningResponseTemplate> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => WarningResponseTemplate, { description: '修改响应措施模板。Changes a template; needs the version you read. Actions already copied stay as they are.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  updateWarningResponseTemplate(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateWarningResponseTemplateInput, input) data: UpdateWarningResponseTemplateInput): Promise<WarningResponseTemplate> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => WarningResponseTemplate, { description: '归档响应措施模板。Retires a template; actions already copied stay.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  archiveWarningResponseTemplate(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<WarningResponseTemplate> {
    return this.service.archive(ctx, data);
  }
}

@Resolver(() => WarningResponseAction)
export class WarningResponseActionResolver {
  private readonly service = new WarningResponseActionService();

  @Mutation(() => WarningResponseAction, { description: '完成响应措施。Reports an open response action of a delivery to your organization done, with what was done; needs the version you read.' })
  @RequirePermission(WarningPermission.WarningRespond)
  completeWarningResponseAction(@Ctx() ctx: RequestContext, @Arg('input', () => CompleteWarningResponseActionInput, input) data: CompleteWarningResponseActionInput): Promise<WarningResponseAction> {
    return this.service.complete(ctx, data);
  }

  @FieldResolver(() => Person, { nullable: true, description: '完成人。Who reported it done; null while open or when you may not read persons there.' })
  @ReadsColumns('completedByPersonId')
  @ReadsRelation(PersonReference, 'completedByPersonId')
  completedBy(@Ctx() ctx: RequestContext, @Root() a: WarningResponseAction): Promise<Person | null> {
    return a.completedByPersonId ? personById(ctx).load(a.completedByPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => EvacuationHouseholds, {
    nullable: true,
    description: '待转移住户。For an evacuation action: the households of the delivery\'s organization to move (十户联防), vulnerable ones first where you may see them; null for other actions.',
  })
  householdsToEvacuate(@Ctx() ctx: RequestContext, @Root() a: WarningResponseAction): Promise<EvacuationHouseholds | null> {
    return a.evacuation ? evacuationHouseholds(ctx).load(a.organizationId) : Promise.resolve(null);
  }

  @FieldResolver(() => [RiskPoint], {
    nullable: true,
    description:
      '受威胁风险点。For an evacuation action of a geological, flood or rainstorm warning: the active geological-hazard and flood risk points (地灾隐患点, 风险点) of the delivery\'s organization and below that you may read (empty without risk.risk-point:read there), most threatened people first, at most 50; null for other actions and hazard types.',
  })
  async threatenedRiskPoints(@Ctx() ctx: RequestContext, @Root() a: WarningResponseAction): Promise<RiskPoint[] | null> {
    return (await evacuationThreat(ctx, a))?.points ?? null;
  }

  @FieldResolver(() => EvacuationThreat, {
    nullable: true,
    description: '受威胁情况。For the same evacuation actions: how many such risk points there are and the households and people they threaten (over all of them, not only the listed 50); null where threatenedRiskPoints is null.',
  })
  async threatened(@Ctx() ctx: RequestContext, @Root() a: WarningResponseAction): Promise<EvacuationThreat | null> {
    const threat = await evacuationThreat(ctx, a);
    return threat ? { riskPoints: threat.riskPoints, households: threat.households, people: threat.people } : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: '责任单位。The village or community that must act (needs directory.organization:read); null when it is outside your scope.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() a: WarningResponseAction): Promise<Organization | null> {
    return organizationById(ctx).load(a.organizationId);
  }

  @FieldResolver(() => WarningResponseTemplate, { nullable: true, description: '响应措施模板。The template the action was copied from, as it is now (needs rescue.warning:read; templates are town-wide, so it is null only for one that no longer exists).' })
  @RequirePermission(WarningPermission.WarningRead)
  @ReadsColumns('templateId')
  @ReadsRelation(ResponseTemplateReference, 'templateId')
  template(@Ctx() ctx: RequestContext, @Root() a: WarningResponseAction): Promise<WarningResponseTemplate | null> {
    return responseTemplateById(ctx).load(a.templateId);
  }
}

/** The records an evacuation list's household refers to, from the community module. */
@Resolver(() => EvacuationHousehold)
export class EvacuationHouseholdResolver {
  @FieldResolver(() => Household, { nullable: true, description: '住户。The household in the joint defense list (needs rescue.joint-defense:read); null when it is outside your scope.' })
  @RequirePermission(CommunityPermission.JointDefenseRead)
  household(@Ctx() ctx: RequestContext, @Root() h: EvacuationHousehold): Promise<Household | null> {
    return householdById(ctx).load(h.householdId);
  }

  @FieldResolver(() => JointDefenseGroup, { nullable: true, description: '联防组。The household\'s joint defense group (needs rescue.joint-defense:read); null when it is outside your scope.' })
  @RequirePermission(CommunityPermission.JointDefenseRead)
  group(@Ctx() ctx: RequestContext, @Root() h: EvacuationHousehold): Promise<JointDefenseGroup | null> {
    return jointDefenseGroupById(ctx).load(h.groupId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '联防组长。The group leader to tell along with the household, phone masked as everywhere (needs directory.person:read); null when the person is outside your scope.' })
  @RequirePermission(DirectoryPermission.PersonRead)
  leader(@Ctx() ctx: RequestContext, @Root() h: EvacuationHousehold): Promise<Person | null> {
    return personById(ctx).load(h.leaderPersonId);
  }
}

/** The escalation area's fields on the warnings core's WarningDelivery. */
@Resolver(() => WarningDelivery)
export class WarningDeliveryEscalationResolver {
  @FieldResolver(() => [WarningEscalation], { description: '升级记录。The escalations of the delivery, by step (at most the level\'s max steps).' })
  escalations(@Ctx() ctx: RequestContext, @Root() d: WarningDelivery): Promise<WarningEscalation[]> {
    return escalationsByDelivery(ctx).load(d.id);
  }

  @FieldResolver(() => [WarningResponseAction], { description: '响应措施。What the organization must do for the warning at its level (分级响应), in order; made from the templates when first seen; empty for cancellation notices.' })
  responseActions(@Ctx() ctx: RequestContext, @Root() d: WarningDelivery): Promise<WarningResponseAction[]> {
    return responseActionsByDelivery(ctx).load(d.id);
  }
}
