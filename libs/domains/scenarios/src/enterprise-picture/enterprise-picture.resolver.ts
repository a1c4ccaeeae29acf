import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import {
  BusinessRuleVersion,
  BusinessRuleVersionReference,
  Connection,
  Node,
  NotFoundError,
  PageArgs,
  RequirePermission,
  SortDirection,
  UUIDScalar,
  nodeById,
  pageRequest,
  raw,
  records,
  selectsField,
  sql,
  type ConnectionResult,
  type RequestContext,
  type ScopedEntity,
  type SortKey,
  type Sql,
} from '@platform/core';
import { EnterpriseProfile, EnterpriseProfiles, Organization, organizationById } from '@platform/directory';
import { HazardConnection, Hazards, RiskPointConnection, RiskPoints, type Hazard, type RiskPoint } from '@domains/risk';
import { DrillConnection, DrillRule, DrillRuleReference, Drills, EmergencyPlanConnection, EmergencyPlans, type Drill, type EmergencyPlan } from '@domains/preparedness';
import {
  InspectionConnection,
  Inspections,
  PenaltyCaseConnection,
  PenaltyCases,
  SpecialOperationCertificateConnection,
  SpecialOperationCertificates,
  specialOperationStatusSql,
  type Inspection,
  type PenaltyCase,
  type SpecialOperationCertificate,
} from '@domains/enforcement';
import { InternalRewardMechanism, InternalRewardMechanisms, LiabilityInsurancePolicies, LiabilityInsurancePolicy, LiabilityInsurancePolicyConnection, LiabilityPolicyReference } from '@domains/reporting';
import { AlarmConnection, Alarms, type Alarm } from '../alarms/public';
import { SensorThingConnection, SensorThings, type SensorThing } from '../sensors/public';
import { EnterpriseEquipmentConnection, EnterpriseEquipments, type EnterpriseEquipment } from '../equipment/public';
import { EnterprisePicturePermission } from './enterprise-picture.permissions';
import { EnterpriseDrillStanding, EnterpriseInsuranceStanding, EnterprisePicture, EnterpriseRedListEntry, EnterpriseStatusReason } from './enterprise-picture.types';
import { EnterpriseRedListArgs } from './enterprise-picture.inputs';
import { EnterpriseRedListOrder, SECTION_ORDERS } from './enterprise-picture.orders';
import { redListPage, standingOf } from './enterprise-picture.sql';
import { pictureOf, redListEntryOf } from './enterprise-picture.read';

const P = EnterprisePicturePermission.Read;
export const EnterpriseRedListEntryConnection = Connection(EnterpriseRedListEntry, '企业红黑榜');

/**
 * One section of a picture: the records of `entity` of the enterprise (its `column` holding the
 * enterprise's id), narrowed by `where`, in the section's order: one statement (two with the total
 * count). Read under the entity's own read permission, so a section lists only what the caller may
 * open (and the record types' own fields resolve); the status and reasons are computed in this
 * part's scope instead (an inspector sees the INSURANCE_LAPSED reason without reading policies).
 */
function section<T extends ObjectLiteral>(ctx: RequestContext, entity: ScopedEntity<T>, column: string, enterpriseId: string, keys: readonly SortKey[], args: PageArgs, info: GraphQLResolveInfo, where?: Sql): Promise<ConnectionResult<T>> {
  let rows = records(ctx, entity).where(sql`${raw(`t.${column}`)} = CAST(${enterpriseId} AS uuid)`);
  if (where) rows = rows.where(where);
  return rows.page({ keys, page: pageRequest(args, info), withCount: selectsField(info, 'totalCount') });
}

@Resolver(() => EnterprisePicture)
export class EnterprisePictureResolver {
  @Query(() => EnterprisePicture, { description: '企业安全画像。One enterprise\'s whole safety picture today (企业安全管家) with its composite status (RED, YELLOW, GREEN) and the reasons; NOT_FOUND when the enterprise is not an active enterprise in your scope.' })
  @RequirePermission(P)
  async enterprisePicture(@Ctx() ctx: RequestContext, @Arg('enterpriseId', () => UUIDScalar, { description: '企业标识。The enterprise (an organization of kind ENTERPRISE).' }) enterpriseId: string): Promise<EnterprisePicture> {
    const today = ctx.clock.today();
    const row = await standingOf(ctx, enterpriseId, today);
    if (!row) throw new NotFoundError('Enterprise', enterpriseId, 'enterpriseId');
    return pictureOf(row, today);
  }

  @Query(() => EnterpriseRedListEntryConnection, { description: '企业红黑榜。The active enterprises in your scope ranked by score today (the sum of their reasons\' weights under scenarios.enterprise-status), each with its status and reasons; filter by status and subtree.' })
  @RequirePermission(P)
  async enterpriseRedList(@Ctx() ctx: RequestContext, @Args(() => EnterpriseRedListArgs) args: EnterpriseRedListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnterpriseRedListEntry>> {
    const f = args.filter ?? {};
    return redListPage(ctx, { today: ctx.clock.today(), withinSubtreeOf: f.withinSubtreeOf ?? null, statuses: f.statuses ?? null }, args, selectsField(info, 'totalCount'), EnterpriseRedListOrder.keys(args.orderBy), (rows) => rows.map(redListEntryOf));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise\'s directory record; null when you may not read organizations there.' })
  enterprise(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture): Promise<Organization | null> {
    return organizationById(ctx).load(p.enterpriseId);
  }

  @FieldResolver(() => EnterpriseProfile, { nullable: true, description: '企业档案。Its directory profile (sector, high-risk flag, size, responsible people); null when it has none or you may not read it.' })
  async profile(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture): Promise<EnterpriseProfile | null> {
    const [profile] = await records(ctx, EnterpriseProfiles)
      .where(sql`t.organization_id = CAST(${p.enterpriseId} AS uuid)`)
      .list({ keys: [{ column: 't.organization_id', direction: SortDirection.ASC }], limit: 1 });
    return profile ?? null;
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of scenarios.enterprise-status that set the levels and weights; null when none is in force or you may not read business rules.' })
  ruleVersion(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture): Promise<BusinessRuleVersion | null> {
    return p.ruleVersionId ? BusinessRuleVersionReference.byId(ctx).load(p.ruleVersionId) : Promise.resolve(null);
  }

  @FieldResolver(() => RiskPointConnection, { description: '风险点。Its active risk points, the reddest first, then by name.' })
  riskPoints(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<RiskPoint>> {
    return section(ctx, RiskPoints, 'organization_id', p.enterpriseId, SECTION_ORDERS.riskPoints, args, info, sql`t.archived_at IS NULL`);
  }

  @FieldResolver(() => HazardConnection, { description: '未销号隐患。Its open hazards (neither closed nor rejected), major first, then the oldest found.' })
  openHazards(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Hazard>> {
    return section(ctx, Hazards, 'organization_id', p.enterpriseId, SECTION_ORDERS.openHazards, args, info, sql`t.status NOT IN ('CLOSED', 'REJECTED')`);
  }

  @FieldResolver(() => InspectionConnection, { description: '行政检查。The inspections of it, the latest planned first.' })
  inspections(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Inspection>> {
    return section(ctx, Inspections, 'enterprise_id', p.enterpriseId, SECTION_ORDERS.inspections, args, info);
  }

  @FieldResolver(() => PenaltyCaseConnection, { description: '行政处罚案件。The penalty cases against it, the latest filed first.' })
  penaltyCases(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PenaltyCase>> {
    return section(ctx, PenaltyCases, 'enterprise_id', p.enterpriseId, SECTION_ORDERS.penaltyCases, args, info);
  }

  @FieldResolver(() => SpecialOperationCertificateConnection, { description: '待处理特种作业操作证。Its workers\' special-operation certificates needing action today (review due or overdue, expiring, expired), the one expiring first first.' })
  certificatesDue(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SpecialOperationCertificate>> {
    return section(ctx, SpecialOperationCertificates, 'enterprise_id', p.enterpriseId, SECTION_ORDERS.certificates, args, info, sql`${specialOperationStatusSql('t', p.asOf)} IN ('REVIEW_DUE', 'REVIEW_OVERDUE', 'EXPIRING', 'EXPIRED')`);
  }

  @FieldResolver(() => LiabilityInsurancePolicyConnection, { description: '安责险保单。Its liability insurance policies, the one ending last first.' })
  insurancePolicies(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LiabilityInsurancePolicy>> {
    return section(ctx, LiabilityInsurancePolicies, 'enterprise_id', p.enterpriseId, SECTION_ORDERS.insurancePolicies, args, info);
  }

  @FieldResolver(() => DrillConnection, { description: '应急演练。The drills it held, the latest first.' })
  drillsHeld(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Drill>> {
    return section(ctx, Drills, 'organization_id', p.enterpriseId, SECTION_ORDERS.drills, args, info);
  }

  @FieldResolver(() => EmergencyPlanConnection, { description: '应急预案。Its emergency plans in force or in draft (not superseded, not archived), by plan, the latest revision first.' })
  emergencyPlans(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EmergencyPlan>> {
    return section(ctx, EmergencyPlans, 'organization_id', p.enterpriseId, SECTION_ORDERS.emergencyPlans, args, info, sql`t.status IN ('DRAFT', 'EFFECTIVE')`);
  }

  @FieldResolver(() => SensorThingConnection, { description: '监测设备。The monitoring devices (things) watching it, by name.' })
  sensors(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SensorThing>> {
    return section(ctx, SensorThings, 'enterprise_id', p.enterpriseId, SECTION_ORDERS.sensors, args, info);
  }

  @FieldResolver(() => AlarmConnection, { description: '未解除报警。Its alarms not cleared, the latest triggered first.' })
  openAlarms(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Alarm>> {
    return section(ctx, Alarms, 'organization_id', p.enterpriseId, SECTION_ORDERS.openAlarms, args, info, sql`t.status <> 'CLEARED'`);
  }

  @FieldResolver(() => EnterpriseEquipmentConnection, { description: '在用设备。Its equipment in service (eliminated items included), by name.' })
  equipments(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture, @Args(() => PageArgs) args: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnterpriseEquipment>> {
    return section(ctx, EnterpriseEquipments, 'enterprise_id', p.enterpriseId, SECTION_ORDERS.equipments, args, info, sql`t.status = 'IN_SERVICE'`);
  }

  @FieldResolver(() => InternalRewardMechanism, { nullable: true, description: '内部举报奖励机制。Its internal reward mechanism as recorded (reporting); null when none is recorded or you may not read it.' })
  async internalRewardMechanism(@Ctx() ctx: RequestContext, @Root() p: EnterprisePicture): Promise<InternalRewardMechanism | null> {
    const [m] = await records(ctx, InternalRewardMechanisms)
      .where(sql`t.enterprise_id = CAST(${p.enterpriseId} AS uuid)`)
      .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1 });
    return m ?? null;
  }
}

@Resolver(() => EnterpriseRedListEntry)
export class EnterpriseRedListEntryResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise\'s directory record; null when you may not read organizations there.' })
  enterprise(@Ctx() ctx: RequestContext, @Root() e: EnterpriseRedListEntry): Promise<Organization | null> {
    return organizationById(ctx).load(e.enterpriseId);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of scenarios.enterprise-status that set the levels and weights; null when none is in force or you may not read business rules.' })
  ruleVersion(@Ctx() ctx: RequestContext, @Root() e: EnterpriseRedListEntry): Promise<BusinessRuleVersion | null> {
    return e.ruleVersionId ? BusinessRuleVersionReference.byId(ctx).load(e.ruleVersionId) : Promise.resolve(null);
  }
}

@Resolver(() => EnterpriseStatusReason)
export class EnterpriseStatusReasonResolver {
  @FieldResolver(() => Node, { nullable: true, description: '记录。The record it is about (a Hazard, SpecialOperationCertificate, LiabilityInsurancePolicy, Inspection, PenaltyCase, EmergencyPlan or DrillRule), read with its own type\'s read permission and scope; null when the reason has no record or you may not read it.' })
  record(@Ctx() ctx: RequestContext, @Root() r: EnterpriseStatusReason): Promise<ObjectLiteral | null> {
    return r.recordId ? nodeById(ctx).load(r.recordId) : Promise.resolve(null);
  }
}

@Resolver(() => EnterpriseInsuranceStanding)
export class EnterpriseInsuranceStandingResolver {
  @FieldResolver(() => LiabilityInsurancePolicy, { nullable: true, description: '有效保单。The covering policy ending last; null when not covered or when you may not read policies there.' })
  coveringPolicy(@Ctx() ctx: RequestContext, @Root() s: EnterpriseInsuranceStanding): Promise<LiabilityInsurancePolicy | null> {
    return s.coveringPolicyId ? LiabilityPolicyReference.byId(ctx).load(s.coveringPolicyId) : Promise.resolve(null);
  }
}

@Resolver(() => EnterpriseDrillStanding)
export class EnterpriseDrillStandingResolver {
  @FieldResolver(() => DrillRule, { nullable: true, description: '演练规则。The drill rule that applies; null when you may not read drill rules.' })
  rule(@Ctx() ctx: RequestContext, @Root() s: EnterpriseDrillStanding): Promise<DrillRule | null> {
    return DrillRuleReference.byId(ctx).load(s.ruleId);
  }
}
