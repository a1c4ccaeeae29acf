import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import { Attachment, Connection, GeoPoint, Node, PageArgs, ReadsColumns, ReadsRelation, SqlForm, nodeById, selectedProperties, RequirePermission, UUIDScalar, attachmentsOf, sql, selectsField, sentFields, type ConnectionResult, type RequestContext } from '@platform/core';
import { DirectoryPermission, Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Actor, actorOf, type ActorRecord } from '@platform/access';
import { Hazard } from './hazard.entity';
import { HazardEvent } from './hazard-event.entity';
import { ConfirmHazardInput, HazardListArgs, HazardStepInput, PlanRectificationInput, RejectHazardInput, ReportHazardInput } from './hazard.inputs';
import { HazardService, overdueHazard } from './hazard.service';
import { HAZARD_KEY_PROPERTIES, HISTORY_KEY_PROPERTIES, HazardHistory, HazardReference, OrganizationHazards, hazardById } from './hazard.loaders';
import { HAZARD_WORKFLOW } from './hazard-transitions';
import { RiskPermission } from '../permissions';

export const HazardConnection = Connection(Hazard, '隐患');
export const HazardEventConnection = Connection(HazardEvent, '隐患处置记录');
const input = { description: '输入。The fields of the request.' };
/** Each step's mutation requires the permission the workflow table gives the step. */
const W = HAZARD_WORKFLOW;
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
/** The object itself (a field returning one hazard). */
const SELF = [] as const;

@Resolver(() => Hazard)
export class HazardResolver {
  private readonly service = new HazardService();

  @Query(() => Hazard, { nullable: true, description: '隐患详情。One hazard by id; null when there is none in your scope.' })
  @RequirePermission(RiskPermission.HazardRead)
  hazard(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Hazard id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<Hazard | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, Hazard, info, SELF));
  }

  @Query(() => HazardConnection, { description: '隐患列表。Hazards in your scope, newest found first; filter by state, grade, subtree, overdue or soon due.' })
  @RequirePermission(RiskPermission.HazardRead)
  hazards(@Ctx() ctx: RequestContext, @Args(() => HazardListArgs) args: HazardListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Hazard>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Hazard, info, NODE, HAZARD_KEY_PROPERTIES));
  }

  @Mutation(() => Hazard, { description: '上报隐患。Reports a hazard (an enterprise\'s self-check, a patrol, an inspection…) with photos.' })
  @RequirePermission(RiskPermission.HazardReport)
  reportHazard(@Ctx() ctx: RequestContext, @Arg('input', () => ReportHazardInput, input) data: ReportHazardInput): Promise<Hazard> {
    return this.service.report(ctx, data);
  }

  @Mutation(() => Hazard, { description: '确认定级。Confirms a reported hazard and grades it GENERAL or MAJOR (MAJOR with its criteria clause).' })
  @RequirePermission(W.permissionOf('confirm'))
  confirmHazard(@Ctx() ctx: RequestContext, @Arg('input', () => ConfirmHazardInput, input) data: ConfirmHazardInput): Promise<Hazard> {
    return this.service.step(ctx, 'confirm', data, { grade: data.grade, criteriaReference: data.criteriaReference ?? null });
  }

  @Mutation(() => Hazard, { description: '驳回。Rejects a report as not a hazard or a duplicate; final.' })
  @RequirePermission(W.permissionOf('reject'))
  rejectHazard(@Ctx() ctx: RequestContext, @Arg('input', () => RejectHazardInput, input) data: RejectHazardInput): Promise<Hazard> {
    return this.service.step(ctx, 'reject', { ...data, note: `${data.reason}${data.note ? `: ${data.note}` : ''}` });
  }

  @Mutation(() => Hazard, { description: '制定整改方案。Sets or revises the rectification plan: measures, responsible person, funds, deadline, listed supervision.' })
  @RequirePermission(W.permissionOf('planRectification'))
  planRectification(@Ctx() ctx: RequestContext, @Arg('input', () => PlanRectificationInput, input) data: PlanRectificationInput): Promise<Hazard> {
    return this.service.step(ctx, 'planRectification', data, {
      measures: data.measures,
      ...sentFields(data, ['emergencyMeasures']),
      responsiblePersonId: data.responsiblePersonId,
      funds: data.funds ?? null,
      deadline: data.deadline,
      overdueAnnouncedAt: null,
      ...sentFields(data, ['listedSupervision']),
    });
  }

  @Mutation(() => Hazard, { description: '开始整改。Starts carrying out the plan.' })
  @RequirePermission(W.permissionOf('startRectification'))
  startRectification(@Ctx() ctx: RequestContext, @Arg('input', () => HazardStepInput, input) data: HazardStepInput): Promise<Hazard> {
    return this.service.step(ctx, 'startRectification', data);
  }

  @Mutation(() => Hazard, { description: '提交整改。Submits the finished rectification with evidence for verification.' })
  @RequirePermission(W.permissionOf('submitRectification'))
  submitRectification(@Ctx() ctx: RequestContext, @Arg('input', () => HazardStepInput, input) data: HazardStepInput): Promise<Hazard> {
    return this.service.step(ctx, 'submitRectification', data);
  }

  @Mutation(() => Hazard, { description: '验收通过。Verifies a submitted rectification.' })
  @RequirePermission(W.permissionOf('verifyRectification'))
  verifyRectification(@Ctx() ctx: RequestContext, @Arg('input', () => HazardStepInput, input) data: HazardStepInput): Promise<Hazard> {
    return this.service.step(ctx, 'verifyRectification', data);
  }

  @Mutation(() => Hazard, { description: '退回整改。Sends a submitted rectification back to be continued, with the reason.' })
  @RequirePermission(W.permissionOf('sendBackRectification'))
  sendBackRectification(@Ctx() ctx: RequestContext, @Arg('input', () => HazardStepInput, input) data: HazardStepInput): Promise<Hazard> {
    return this.service.step(ctx, 'sendBackRectification', data);
  }

  @Mutation(() => Hazard, { description: '销号。Closes a verified hazard; final.' })
  @RequirePermission(W.permissionOf('close'))
  closeHazard(@Ctx() ctx: RequestContext, @Arg('input', () => HazardStepInput, input) data: HazardStepInput): Promise<Hazard> {
    return this.service.step(ctx, 'close', data);
  }

  @FieldResolver(() => Boolean, { description: '是否逾期。True when the deadline has passed and the hazard is neither closed nor rejected.' })
  @ReadsColumns('deadline', 'status')
  @SqlForm((row, ctx) => sql`COALESCE(${overdueHazard(row, ctx.clock.today())}, false)`)
  overdue(@Ctx() ctx: RequestContext, @Root() h: Hazard): boolean {
    return Boolean(h.deadline && h.deadline < ctx.clock.today() && h.status !== 'CLOSED' && h.status !== 'REJECTED');
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置。Where exactly (WGS 84), with GeoJSON for maps; null when not given.' })
  @ReadsColumns('longitude', 'latitude')
  location(@Root() h: Hazard): GeoPoint | null {
    return GeoPoint.of(h.longitude, h.latitude);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所在单位。The organization; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() h: Hazard): Promise<Organization | null> {
    return organizationById(ctx).load(h.organizationId);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: '整改责任人。The person responsible for the rectification, phone and ID number masked as everywhere (needs directory.person:read); null before a plan names one, or when the person is outside your scope.',
  })
  @RequirePermission(DirectoryPermission.PersonRead)
  @ReadsColumns('responsiblePersonId')
  @ReadsRelation(PersonReference, 'responsiblePersonId')
  responsiblePerson(@Ctx() ctx: RequestContext, @Root() h: Hazard): Promise<Person | null> | null {
    return h.responsiblePersonId ? personById(ctx).load(h.responsiblePersonId) : null;
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: '来源记录。The record in another module this hazard came from (e.g. the drill that found it); null when none, or when you may not read it.',
  })
  @ReadsColumns('originNodeId')
  origin(@Ctx() ctx: RequestContext, @Root() h: Hazard): Promise<ObjectLiteral | null> | null {
    return h.originNodeId ? nodeById(ctx).load(h.originNodeId) : null;
  }

  @FieldResolver(() => HazardEventConnection, { description: '处置记录。Every step of the hazard, oldest first.' })
  @ReadsColumns('id')
  @ReadsRelation(HazardHistory)
  history(@Ctx() ctx: RequestContext, @Root() h: Hazard, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<HazardEvent>> {
    return HazardHistory.load(ctx, h.id, page, info, selectedProperties(ctx.manager, HazardEvent, info, NODE, HISTORY_KEY_PROPERTIES));
  }
}

@Resolver(() => HazardEvent)
export class HazardEventResolver {
  @FieldResolver(() => [Attachment], { description: '证据。Photos and documents attached to this step (at most 20).' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() e: HazardEvent): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'HazardEvent').load(e.id);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description:
      '操作者。The user or API client that took the step (by actorKind and actorId); null for the system (e.g. the overdue sweep), and when you may not read that account (access.user:read) or client (access.api-client:read) within your administering reach.',
  })
  @ReadsColumns('actorKind', 'actorId')
  actor(@Ctx() ctx: RequestContext, @Root() e: HazardEvent): Promise<ActorRecord | null> | null {
    return actorOf(ctx, e.actorKind, e.actorId);
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The hazard the step belongs to (needs risk.hazard:read); null when it is outside your scope.' })
  @RequirePermission(RiskPermission.HazardRead)
  @ReadsColumns('hazardId')
  @ReadsRelation(HazardReference, 'hazardId')
  hazard(@Ctx() ctx: RequestContext, @Root() e: HazardEvent): Promise<Hazard | null> {
    return hazardById(ctx).load(e.hazardId);
  }
}

@Resolver(() => Organization)
export class OrganizationHazardsResolver {
  @FieldResolver(() => HazardConnection, { description: '隐患。Hazards at this organization in your scope, newest found first (needs risk.hazard:read).' })
  @RequirePermission(RiskPermission.HazardRead)
  @ReadsRelation(OrganizationHazards)
  hazards(@Ctx() ctx: RequestContext, @Root() org: Organization, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Hazard>> {
    return OrganizationHazards.load(ctx, org.id, page, info, selectedProperties(ctx.manager, Hazard, info, NODE, HAZARD_KEY_PROPERTIES));
  }
}
