import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, ReadsColumns, ReadsRelation, RequirePermission, selectsField, sql, transaction, records, updateRecord, whereChanged, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { AlarmPermission } from '../alarms/public';
import { Datastream, DatastreamReference, SensorThing, SensorThingReference, datastreamById, sensorThingById } from '../sensors/public';
import { DataGapOrder, MonitoringLeadOrder } from './health.orders';
import { SensorDataGapReference, sensorDataGapById } from './health.loaders';
import { SensorDataGap } from './data-gap.entity';
import { MonitoringEnforcementLead } from './monitoring-lead.entity';
import { MonitoringLeadStatus } from './health.enums';
import { MonitoringEnforcementLeads, SensorDataGaps } from './health.entities';
import { DataHealthPermission } from './health.permissions';
import { healthRules } from './health.rules';
import { DataHealthResult } from './health.types';
import { evaluateDataHealth } from './data-health';
import { DataGapListArgs, EvaluateDataHealthInput, MonitoringLeadListArgs, ReviewMonitoringLeadInput } from './health.inputs';

export const SensorDataGapConnection = Connection(SensorDataGap, '数据缺口');
export const MonitoringEnforcementLeadConnection = Connection(MonitoringEnforcementLead, '监测执法线索');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => SensorDataGap)
export class DataHealthResolver {
  @Query(() => SensorDataGapConnection, { description: '数据缺口报告。Gaps in the data of datastreams in your scope (no reading for k × the sampling interval), the latest start first; filter by datastream, ongoing and enterprise monitoring.' })
  @RequirePermission(DataHealthPermission.Read)
  sensorDataGaps(@Ctx() ctx: RequestContext, @Args(() => DataGapListArgs) args: DataGapListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SensorDataGap>> {
    const f = args.filter ?? {};
    let rows = records(ctx, SensorDataGaps);
    if (f.datastreamId) rows = rows.where(sql`t.datastream_id = ${f.datastreamId}`);
    if (f.ongoing !== undefined && f.ongoing !== null) rows = rows.where(f.ongoing ? sql`t.ended_at IS NULL` : sql`t.ended_at IS NOT NULL`);
    if (f.enterprise !== undefined && f.enterprise !== null) rows = rows.where(f.enterprise ? sql`t.enterprise_id IS NOT NULL` : sql`t.enterprise_id IS NULL`);
    return whereChanged(rows, f).page({ keys: DataGapOrder.keys(args.orderBy), page: args, withCount: selectsField(info, 'totalCount') });
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The datastream\'s organization; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() g: SensorDataGap): Promise<Organization | null> {
    return organizationById(ctx).load(g.organizationId);
  }

  @FieldResolver(() => Datastream, { nullable: true, description: '数据流。The datastream; null when you may no longer read it.' })
  @ReadsColumns('datastreamId')
  @ReadsRelation(DatastreamReference, 'datastreamId')
  datastream(@Ctx() ctx: RequestContext, @Root() g: SensorDataGap): Promise<Datastream | null> {
    return datastreamById(ctx).load(g.datastreamId);
  }

  @FieldResolver(() => SensorThing, { nullable: true, description: '监测设备。Its thing; null when you may no longer read it.' })
  @ReadsColumns('thingId')
  @ReadsRelation(SensorThingReference, 'thingId')
  thing(@Ctx() ctx: RequestContext, @Root() g: SensorDataGap): Promise<SensorThing | null> {
    return sensorThingById(ctx).load(g.thingId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise the thing monitors; null for a village\'s thing, or when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() g: SensorDataGap): Promise<Organization | null> {
    return g.enterpriseId ? organizationById(ctx).load(g.enterpriseId) : Promise.resolve(null);
  }

  @Mutation(() => DataHealthResult, { description: '执行数据健康评估。Evaluates data health at an instant (now by default), as the job does every 5 minutes: gaps, STALE alarms, enforcement leads; idempotent.' })
  @RequirePermission(AlarmPermission.RuleManage)
  evaluateDataHealth(@Ctx() ctx: RequestContext, @Arg('input', () => EvaluateDataHealthInput, input) data: EvaluateDataHealthInput): Promise<DataHealthResult> {
    const at = data.at ?? ctx.clock.now();
    if (at.getTime() > ctx.clock.now().getTime()) throw healthRules.field('input.at', 'notFuture', 'must not be in the future.');
    return evaluateDataHealth(ctx, at);
  }
}

@Resolver(() => MonitoringEnforcementLead)
export class MonitoringLeadResolver {
  @Query(() => MonitoringEnforcementLeadConnection, { description: '监测执法线索。Gaps and tamper signals of operating enterprises\' monitoring in your scope (刑法 第一百三十四条之一), the latest first; filter by kind, status and enterprise.' })
  @RequirePermission(DataHealthPermission.Read)
  monitoringEnforcementLeads(@Ctx() ctx: RequestContext, @Args(() => MonitoringLeadListArgs) args: MonitoringLeadListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<MonitoringEnforcementLead>> {
    const f = args.filter ?? {};
    let rows = records(ctx, MonitoringEnforcementLeads);
    if (f.kind) rows = rows.where(sql`t.kind = ${f.kind}`);
    if (f.status) rows = rows.where(sql`t.status = ${f.status}`);
    if (f.organizationId) rows = rows.where(sql`t.organization_id = ${f.organizationId}`);
    return whereChanged(rows, f).page({ keys: MonitoringLeadOrder.keys(args.orderBy), page: args, withCount: selectsField(info, 'totalCount') });
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业（所属单位）。The enterprise whose monitoring it concerns (its organization); null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() l: MonitoringEnforcementLead): Promise<Organization | null> {
    return organizationById(ctx).load(l.organizationId);
  }

  @FieldResolver(() => Datastream, { nullable: true, description: '数据流。The datastream; null when you may no longer read it.' })
  @ReadsColumns('datastreamId')
  @ReadsRelation(DatastreamReference, 'datastreamId')
  datastream(@Ctx() ctx: RequestContext, @Root() l: MonitoringEnforcementLead): Promise<Datastream | null> {
    return datastreamById(ctx).load(l.datastreamId);
  }

  @FieldResolver(() => SensorThing, { nullable: true, description: '监测设备。Its thing; null when you may no longer read it.' })
  @ReadsColumns('thingId')
  @ReadsRelation(SensorThingReference, 'thingId')
  thing(@Ctx() ctx: RequestContext, @Root() l: MonitoringEnforcementLead): Promise<SensorThing | null> {
    return sensorThingById(ctx).load(l.thingId);
  }

  @FieldResolver(() => SensorDataGap, { nullable: true, description: '数据缺口。The gap it was raised for; null for a TAMPER lead, or when you may no longer read the gap.' })
  @ReadsColumns('gapId')
  @ReadsRelation(SensorDataGapReference, 'gapId')
  gap(@Ctx() ctx: RequestContext, @Root() l: MonitoringEnforcementLead): Promise<SensorDataGap | null> {
    return l.gapId ? sensorDataGapById(ctx).load(l.gapId) : Promise.resolve(null);
  }

  @Mutation(() => MonitoringEnforcementLead, { description: '核查监测执法线索。Records the outcome of reviewing an OPEN lead in your scope.' })
  @RequirePermission(DataHealthPermission.Review)
  reviewMonitoringLead(@Ctx() ctx: RequestContext, @Arg('input', () => ReviewMonitoringLeadInput, input) data: ReviewMonitoringLeadInput): Promise<MonitoringEnforcementLead> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, MonitoringEnforcementLeads, DataHealthPermission.Review).lock(data.id);
      if (current.status !== MonitoringLeadStatus.OPEN) throw healthRules.field('input.id', 'state', `the lead is ${current.status}; only an OPEN lead is reviewed.`);
      return updateRecord(tx, MonitoringEnforcementLead, 'MonitoringEnforcementLead', current, data.version, { status: MonitoringLeadStatus.REVIEWED, reviewedAt: tx.clock.now(), reviewNote: data.note }, { action: 'scenarios.monitoring-lead.review' });
    });
  }
}
