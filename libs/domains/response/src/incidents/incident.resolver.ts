import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, DateTimeScalar, GeoPoint, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, pageRequest, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationConnection, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { AccessPermission, User, UserReference } from '@platform/access';
import { Hazard, HazardReference, hazardById } from '@domains/risk';
import { DamageReport, Incident, IncidentHazard, IncidentWarning } from './incident.entity';
import { IncidentTypeDamage } from './incident.types';
import {
  AddDamageReportInput,
  IncidentDamageSummaryArgs,
  IncidentListArgs,
  LinkIncidentHazardsInput,
  LinkIncidentWarningsInput,
  MoveIncidentInput,
  OpenIncidentInput,
  UpdateIncidentInput,
} from './incident.inputs';
import { DAMAGE_REPORT_KEY_PROPERTIES, INCIDENT_KEY_PROPERTIES, IncidentService } from './incident.service';
import { IncidentReference, IncidentReports, affectedOrganizationPages, countingReportByIncident, incidentById, incidentHazardPages, incidentWarningPages, linkedWarningById } from './incident.loaders';
import { Warning, WarningLevel, WarningPermission, WarningReference, warningById } from '@domains/warnings';
import { ResponsePermission } from '../permissions';

export const IncidentConnection = Connection(Incident, '灾情');
export const DamageReportConnection = Connection(DamageReport, '灾情报告');
export const IncidentWarningConnection = Connection(IncidentWarning, '灾情关联预警');
export const IncidentHazardConnection = Connection(IncidentHazard, '灾情关联隐患');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
/** The object itself (a field returning one record). */
const SELF = [] as const;

@Resolver(() => Incident)
export class IncidentResolver {
  private readonly service = new IncidentService();

  @Query(() => Incident, { nullable: true, description: '灾情详情。One incident by id; null when there is none in your scope (reported by, or affecting, an organization in your scope).' })
  @RequirePermission(ResponsePermission.IncidentRead)
  incident(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Incident id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<Incident | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, Incident, info, SELF));
  }

  @Query(() => IncidentConnection, { description: '灾情列表。Incidents reported by, or affecting, organizations in your scope, latest first; filter by types, statuses, period and subtree.' })
  @RequirePermission(ResponsePermission.IncidentRead)
  incidents(@Ctx() ctx: RequestContext, @Args(() => IncidentListArgs) args: IncidentListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Incident>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Incident, info, NODE, INCIDENT_KEY_PROPERTIES));
  }

  @Query(() => [IncidentTypeDamage], {
    description:
      '分灾种灾情汇总。Per incident type, for incidents in your scope that happened in the period (China days): how many, and the sums of each incident\'s counting figures (its verified report, else its latest). At most one row per type, most incidents first; a fixed, small list, so not paginated.',
  })
  @RequirePermission(ResponsePermission.IncidentRead)
  incidentDamageSummary(@Ctx() ctx: RequestContext, @Args(() => IncidentDamageSummaryArgs) args: IncidentDamageSummaryArgs): Promise<IncidentTypeDamage[]> {
    return this.service.damageSummary(ctx, args);
  }

  @Mutation(() => Incident, { description: '报送灾情。Opens an incident under an organization in your scope, with the villages affected and optionally its initial damage report (初报), all in one transaction.' })
  @RequirePermission(ResponsePermission.IncidentReport)
  openIncident(@Ctx() ctx: RequestContext, @Arg('input', () => OpenIncidentInput, input) data: OpenIncidentInput): Promise<Incident> {
    return this.service.open(ctx, data);
  }

  @Mutation(() => Incident, { description: '修改灾情。Changes an incident that is not closed (details, affected villages); needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(ResponsePermission.IncidentReport)
  updateIncident(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateIncidentInput, input) data: UpdateIncidentInput): Promise<Incident> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => Incident, { description: '变更灾情状态。Moves an incident to its next status (OPEN → RESPONDING → RECOVERING → CLOSED); closing needs rescue.incident:verify; needs the version you read.' })
  @RequirePermission(ResponsePermission.IncidentReport)
  moveIncident(@Ctx() ctx: RequestContext, @Arg('input', () => MoveIncidentInput, input) data: MoveIncidentInput): Promise<Incident> {
    return this.service.move(ctx, data);
  }

  @Mutation(() => Incident, { description: '关联预警。Sets the warnings linked to an incident that is not closed (among those you may read); needs the version you read.' })
  @RequirePermission(ResponsePermission.IncidentReport)
  linkIncidentWarnings(@Ctx() ctx: RequestContext, @Arg('input', () => LinkIncidentWarningsInput, input) data: LinkIncidentWarningsInput): Promise<Incident> {
    return this.service.linkWarnings(ctx, data);
  }

  @Mutation(() => Incident, { description: '关联隐患。Sets the hazards linked to an incident that is not closed (among those you may read, risk.hazard:read); needs the version you read.' })
  @RequirePermission(ResponsePermission.IncidentReport)
  linkIncidentHazards(@Ctx() ctx: RequestContext, @Arg('input', () => LinkIncidentHazardsInput, input) data: LinkIncidentHazardsInput): Promise<Incident> {
    return this.service.linkHazards(ctx, data);
  }

  @Mutation(() => DamageReport, {
    description: '报送灾情报告。Sends a damage report of an incident that is not closed: INITIAL (初报) first and once, then CONTINUED (续报), and at most one VERIFIED (核报, needs rescue.incident:verify) as the last. The incident\'s version is not changed.',
  })
  @RequirePermission(ResponsePermission.IncidentReport)
  addDamageReport(@Ctx() ctx: RequestContext, @Arg('input', () => AddDamageReportInput, input) data: AddDamageReportInput): Promise<DamageReport> {
    return this.service.addReport(ctx, data);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置。Location (WGS 84), with GeoJSON for maps; null when unknown.' })
  @ReadsColumns('longitude', 'latitude')
  location(@Root() i: Incident): GeoPoint | null {
    return GeoPoint.of(i.longitude, i.latitude);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '报送单位。The organization that reports it; null when you may not read organizations there.' })
  @ReadsColumns('reportingOrganizationId')
  @ReadsRelation(OrganizationReference, 'reportingOrganizationId')
  reportingOrganization(@Ctx() ctx: RequestContext, @Root() i: Incident): Promise<Organization | null> {
    return organizationById(ctx).load(i.reportingOrganizationId);
  }

  @FieldResolver(() => OrganizationConnection, { description: '受灾村（社区）。The villages and communities affected, those you may read, by name.' })
  @ReadsColumns('id')
  affectedOrganizations(@Ctx() ctx: RequestContext, @Root() i: Incident, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Organization>> {
    return affectedOrganizationPages(ctx, pageRequest(page, info)).load(i.id);
  }

  @FieldResolver(() => DamageReport, { nullable: true, description: '最新灾情数据。The report whose figures count: the verified report (核报) if sent, else the latest; null before the first report.' })
  @ReadsColumns('id')
  latestFigures(@Ctx() ctx: RequestContext, @Root() i: Incident): Promise<DamageReport | null> {
    return countingReportByIncident(ctx).load(i.id);
  }

  @FieldResolver(() => DamageReportConnection, { description: '灾情报告。The damage reports, by sequence (初报 first).' })
  @ReadsColumns('id')
  @ReadsRelation(IncidentReports)
  reports(@Ctx() ctx: RequestContext, @Root() i: Incident, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DamageReport>> {
    return IncidentReports.load(ctx, i.id, page, info, selectedProperties(ctx.manager, DamageReport, info, NODE, DAMAGE_REPORT_KEY_PROPERTIES));
  }

  @FieldResolver(() => IncidentWarningConnection, { description: '关联预警。Linked warnings you may read (rescue.warning:read over the issuer or a target village), in the order linked.' })
  @ReadsColumns('id')
  warnings(@Ctx() ctx: RequestContext, @Root() i: Incident, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<IncidentWarning>> {
    return incidentWarningPages(ctx, pageRequest(page, info)).load(i.id);
  }

  @FieldResolver(() => IncidentHazardConnection, { description: '关联隐患。Linked hazards you may read (risk.hazard:read), in the order linked.' })
  @ReadsColumns('id')
  hazards(@Ctx() ctx: RequestContext, @Root() i: Incident, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<IncidentHazard>> {
    return incidentHazardPages(ctx, pageRequest(page, info)).load(i.id);
  }
}

@Resolver(() => DamageReport)
export class DamageReportResolver {
  @FieldResolver(() => Incident, { nullable: true, description: '灾情。The incident reported on (read with the report, so null only for one that no longer exists).' })
  @ReadsColumns('incidentId')
  @ReadsRelation(IncidentReference, 'incidentId')
  incident(@Ctx() ctx: RequestContext, @Root() r: DamageReport): Promise<Incident | null> {
    return incidentById(ctx).load(r.incidentId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '报送人。The person who sent it; null when unknown or you may not read persons there.' })
  @ReadsColumns('reportedByPersonId')
  @ReadsRelation(PersonReference, 'reportedByPersonId')
  reportedBy(@Ctx() ctx: RequestContext, @Root() r: DamageReport): Promise<Person | null> {
    return r.reportedByPersonId ? personById(ctx).load(r.reportedByPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: '报送账号。The user account that sent the report (needs access.user:read); null when an integration or the system sent it, or the account is beyond your administering reach.',
  })
  @RequirePermission(AccessPermission.UserRead)
  @ReadsColumns('reportedByUserId')
  @ReadsRelation(UserReference, 'reportedByUserId')
  reportedByUser(@Ctx() ctx: RequestContext, @Root() r: DamageReport): Promise<User | null> | null {
    return r.reportedByUserId ? UserReference.byId(ctx).load(r.reportedByUserId) : null;
  }
}

@Resolver(() => IncidentWarning)
export class IncidentWarningResolver {
  @FieldResolver(() => String, { description: '预警标题。Headline of the warning, e.g. 南平镇人民政府发布暴雨橙色预警.' })
  async headline(@Ctx() ctx: RequestContext, @Root() l: IncidentWarning): Promise<string> {
    return (await linkedWarningById(ctx).load(l.warningId))!.headline;
  }

  @FieldResolver(() => WarningLevel, { description: '预警级别。Colour level of the warning.' })
  async level(@Ctx() ctx: RequestContext, @Root() l: IncidentWarning): Promise<WarningLevel> {
    return (await linkedWarningById(ctx).load(l.warningId))!.level;
  }

  @FieldResolver(() => DateTimeScalar, { description: '发送时间。When the warning record was sent.' })
  async sentAt(@Ctx() ctx: RequestContext, @Root() l: IncidentWarning): Promise<Date> {
    return (await linkedWarningById(ctx).load(l.warningId))!.sentAt;
  }

  @FieldResolver(() => Warning, { nullable: true, description: '预警记录。The linked warning record itself (needs rescue.warning:read); null when it is not aimed at your area.' })
  @RequirePermission(WarningPermission.WarningRead)
  @ReadsRelation(WarningReference, 'warningId')
  warning(@Ctx() ctx: RequestContext, @Root() l: IncidentWarning): Promise<Warning | null> {
    return warningById(ctx).load(l.warningId);
  }
}

@Resolver(() => IncidentHazard)
export class IncidentHazardResolver {
  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The hazard itself; null when outside your hazard read scope.' })
  @ReadsRelation(HazardReference, 'hazardId')
  hazard(@Ctx() ctx: RequestContext, @Root() l: IncidentHazard): Promise<Hazard | null> {
    return hazardById(ctx).load(l.hazardId);
  }
}
