import { Arg, Args, Ctx, FieldResolver, Float, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, GeoJSONPolygonOrMultiPolygonScalar, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { DirectoryPermission, Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { AccessPermission, User, UserReference } from '@platform/access';
import { Warning } from '../model/warning.entity';
import { WarningDelivery, WarningEscalationPolicy } from '../model/warning-delivery.entity';
import { NeverAcknowledgedOrganization, WarningFigures, WarningPeriodFigures } from './warning.types';
import {
  AcknowledgeWarningDeliveryInput,
  CancelWarningInput,
  EscalationPolicyListArgs,
  IssueWarningInput,
  LiveWarningListArgs,
  UpdateEscalationPolicyInput,
  UpdateWarningInput,
  WarningDeliveryListArgs,
  WarningFiguresArgs,
  WarningListArgs,
} from './warning.inputs';
import { WARNING_KEY_PROPERTIES, WarningService } from './warning.service';
import { WarningDeliveryPages, WarningReference, warningById, warningChains, warningFiguresOf, warningTargetIds } from './warning.loaders';
import { warningPeriodFigures } from './warning-figures';
import { WarningPermission } from '../permissions';

export const WarningConnection = Connection(Warning, '预警信息');
export const WarningDeliveryConnection = Connection(WarningDelivery, '预警送达');
export const WarningEscalationPolicyConnection = Connection(WarningEscalationPolicy, '叫应升级策略');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => Warning)
export class WarningResolver {
  private readonly service = new WarningService();

  @Query(() => Warning, { nullable: true, description: '预警详情。One warning record by id; null when there is none aimed at your area.' })
  @RequirePermission(WarningPermission.WarningRead)
  warning(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Warning record id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<Warning | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, Warning, info, SELF));
  }

  @Query(() => WarningConnection, { description: '预警列表。Warning records aimed at your area (or issued by it), newest sent first; filter by hazard type, level, state, time or subtree.' })
  @RequirePermission(WarningPermission.WarningRead)
  warnings(@Ctx() ctx: RequestContext, @Args(() => WarningListArgs) args: WarningListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Warning>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Warning, info, NODE, WARNING_KEY_PROPERTIES));
  }

  @Query(() => WarningConnection, { description: '生效预警（大屏）。ACTIVE records in force now (effectiveAt ≤ now < expiresAt) aimed at your area, most severe level first, then newest; select figures for the call-and-response progress. With filter.updatedSince, every record changed since, in force or not (those updated, cancelled or expired since say so in their status).' })
  @RequirePermission(WarningPermission.WarningRead)
  liveWarnings(@Ctx() ctx: RequestContext, @Args(() => LiveWarningListArgs) args: LiveWarningListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Warning>> {
    return this.service.live(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Warning, info, NODE, WARNING_KEY_PROPERTIES));
  }

  @Query(() => WarningPeriodFigures, { description: '叫应统计。Call-and-response figures of the deliveries made in a period that you may read: ack rate, median and 90th percentile seconds to acknowledge, organizations that never answered.' })
  @RequirePermission(WarningPermission.WarningRead)
  warningFigures(@Ctx() ctx: RequestContext, @Args(() => WarningFiguresArgs) args: WarningFiguresArgs): Promise<WarningPeriodFigures> {
    return warningPeriodFigures(ctx, args);
  }

  @Mutation(() => Warning, { description: '发布预警。Issues a graded warning to villages and communities: the record (CAP Alert, national identifier) and one delivery each, to be acknowledged before its level\'s deadline.' })
  @RequirePermission(WarningPermission.WarningIssue)
  issueWarning(@Ctx() ctx: RequestContext, @Arg('input', () => IssueWarningInput, input) data: IssueWarningInput): Promise<Warning> {
    return this.service.issue(ctx, data);
  }

  @Mutation(() => Warning, { description: '更新预警。Updates the ACTIVE record of a warning (CAP Update): a new record supersedes it and is delivered afresh; the old one\'s pending deliveries are cancelled. Needs the version you read.' })
  @RequirePermission(WarningPermission.WarningIssue)
  updateWarning(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateWarningInput, input) data: UpdateWarningInput): Promise<Warning> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => Warning, { description: '解除预警。Cancels the ACTIVE record of a warning (CAP Cancel): the cancellation is a new record delivered to the same targets without escalation. Needs the version you read.' })
  @RequirePermission(WarningPermission.WarningIssue)
  cancelWarning(@Ctx() ctx: RequestContext, @Arg('input', () => CancelWarningInput, input) data: CancelWarningInput): Promise<Warning> {
    return this.service.cancel(ctx, data);
  }

  @FieldResolver(() => [Organization], { description: '目标村（社区）。The villages and communities the record is aimed at, those within your scope.' })
  @ReadsColumns('id')
  async targets(@Ctx() ctx: RequestContext, @Root() w: Warning): Promise<Organization[]> {
    const ids = await warningTargetIds(ctx).load(w.id);
    const orgs = await organizationById(ctx).loadMany(ids);
    return orgs.filter((o): o is Organization => o !== null && !(o instanceof Error));
  }

  @FieldResolver(() => WarningDeliveryConnection, { description: '送达与叫应。The record\'s deliveries within your scope, latest first.' })
  @ReadsColumns('id')
  @ReadsRelation(WarningDeliveryPages)
  deliveries(@Ctx() ctx: RequestContext, @Root() w: Warning, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<WarningDelivery>> {
    return WarningDeliveryPages.load(ctx, w.id, page, info);
  }

  @FieldResolver(() => Warning, { nullable: true, description: '所替代的记录。The record this update or cancellation replaces; null for a first issue or when you may not read it.' })
  @ReadsColumns('supersedesId')
  @ReadsRelation(WarningReference, 'supersedesId')
  supersedes(@Ctx() ctx: RequestContext, @Root() w: Warning): Promise<Warning | null> | null {
    return w.supersedesId ? warningById(ctx).load(w.supersedesId) : null;
  }

  @FieldResolver(() => [Warning], { description: '预警链。Every record of this warning you may read (issue, updates, cancellation), oldest first.' })
  @ReadsColumns('chainId')
  chain(@Ctx() ctx: RequestContext, @Root() w: Warning): Promise<Warning[]> {
    return warningChains(ctx).load(w.chainId);
  }

  @FieldResolver(() => GeoJSONPolygonOrMultiPolygonScalar, { nullable: true, description: '预警区域。The area as a GeoJSON Polygon or MultiPolygon (WGS 84); null when none was given.' })
  @ReadsColumns('areaPolygon')
  areaPolygon(@Root() w: Warning): Record<string, unknown> | null {
    return w.areaPolygon ?? null;
  }

  @FieldResolver(() => WarningFigures, { description: '叫应进度。Call-and-response figures of this record over the deliveries you may read.' })
  @ReadsColumns('id')
  figures(@Ctx() ctx: RequestContext, @Root() w: Warning): Promise<WarningFigures> {
    return warningFiguresOf(ctx).load(w.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '发布单位。The organization issuing the warning (needs directory.organization:read); null when it is outside your scope.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  @ReadsColumns('issuerOrganizationId')
  @ReadsRelation(OrganizationReference, 'issuerOrganizationId')
  issuerOrganization(@Ctx() ctx: RequestContext, @Root() w: Warning): Promise<Organization | null> {
    return organizationById(ctx).load(w.issuerOrganizationId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: '发布账号。The user who sent this record (needs access.user:read); null when an integration or the system sent it, or the account is beyond your administering reach.',
  })
  @RequirePermission(AccessPermission.UserRead)
  @ReadsColumns('sentByUserId')
  @ReadsRelation(UserReference, 'sentByUserId')
  sentByUser(@Ctx() ctx: RequestContext, @Root() w: Warning): Promise<User | null> | null {
    return w.sentByUserId ? UserReference.byId(ctx).load(w.sentByUserId) : null;
  }
}

@Resolver(() => WarningDelivery)
export class WarningDeliveryResolver {
  private readonly service = new WarningService();

  @Query(() => WarningDeliveryConnection, { description: '预警送达列表。Deliveries to organizations in your scope, latest first; filter by record, organization, subtree or state.' })
  @RequirePermission(WarningPermission.WarningRead)
  warningDeliveries(@Ctx() ctx: RequestContext, @Args(() => WarningDeliveryListArgs) args: WarningDeliveryListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<WarningDelivery>> {
    return this.service.deliveries(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => WarningDelivery, { description: '叫应。Acknowledges a PENDING delivery to your organization: records when, who and how, and stops its escalation.' })
  @RequirePermission(WarningPermission.WarningRespond)
  acknowledgeWarningDelivery(@Ctx() ctx: RequestContext, @Arg('input', () => AcknowledgeWarningDeliveryInput, input) data: AcknowledgeWarningDeliveryInput): Promise<WarningDelivery> {
    return this.service.acknowledge(ctx, data);
  }

  @FieldResolver(() => Warning, { nullable: true, description: '预警记录。The record delivered; null when you may not read it.' })
  @ReadsRelation(WarningReference, 'warningId')
  warning(@Ctx() ctx: RequestContext, @Root() d: WarningDelivery): Promise<Warning | null> {
    return warningById(ctx).load(d.warningId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '接收单位。The village or community; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() d: WarningDelivery): Promise<Organization | null> {
    return organizationById(ctx).load(d.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '责任人。Who must answer now; null when none or you may not read the person.' })
  @ReadsRelation(PersonReference, 'responsiblePersonId')
  responsiblePerson(@Ctx() ctx: RequestContext, @Root() d: WarningDelivery): Promise<Person | null> | null {
    return d.responsiblePersonId ? personById(ctx).load(d.responsiblePersonId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: '叫应人。The person who acknowledged it; null while pending or when you may not read the person.' })
  @ReadsRelation(PersonReference, 'acknowledgedByPersonId')
  acknowledgedBy(@Ctx() ctx: RequestContext, @Root() d: WarningDelivery): Promise<Person | null> | null {
    return d.acknowledgedByPersonId ? personById(ctx).load(d.acknowledgedByPersonId) : null;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: '叫应账号。The user account that acknowledged it (needs access.user:read); null while pending, when acknowledged through an integration, or when the account is beyond your administering reach.',
  })
  @RequirePermission(AccessPermission.UserRead)
  @ReadsColumns('acknowledgedByUserId')
  @ReadsRelation(UserReference, 'acknowledgedByUserId')
  acknowledgedByUser(@Ctx() ctx: RequestContext, @Root() d: WarningDelivery): Promise<User | null> | null {
    return d.acknowledgedByUserId ? UserReference.byId(ctx).load(d.acknowledgedByUserId) : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: '叫应用时（秒）。Seconds from delivery to acknowledgement; null while not acknowledged.' })
  secondsToAck(@Root() d: WarningDelivery): number | null {
    return d.acknowledgedAt ? (d.acknowledgedAt.getTime() - d.deliveredAt.getTime()) / 1000 : null;
  }
}

@Resolver(() => WarningEscalationPolicy)
export class WarningEscalationPolicyResolver {
  private readonly service = new WarningService();

  @Query(() => WarningEscalationPolicyConnection, { description: '叫应升级策略。Per level, the minutes a delivery may stay unanswered before it escalates and the steps that follow; most severe level first.' })
  @RequirePermission(WarningPermission.WarningRead)
  escalationPolicies(@Ctx() ctx: RequestContext, @Args(() => EscalationPolicyListArgs) args: EscalationPolicyListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<WarningEscalationPolicy>> {
    return this.service.policies(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => WarningEscalationPolicy, { description: '修改叫应升级策略。Changes a level\'s deadline minutes and escalation steps for deliveries made from now on; needs the version you read.' })
  @RequirePermission(WarningPermission.WarningIssue)
  updateEscalationPolicy(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateEscalationPolicyInput, input) data: UpdateEscalationPolicyInput): Promise<WarningEscalationPolicy> {
    return this.service.updatePolicy(ctx, data);
  }
}

@Resolver(() => NeverAcknowledgedOrganization)
export class NeverAcknowledgedOrganizationResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '组织。The organization; null when you may not read organizations there.' })
  organization(@Ctx() ctx: RequestContext, @Root() n: NeverAcknowledgedOrganization): Promise<Organization | null> {
    return organizationById(ctx).load(n.organizationId);
  }
}
