import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Hazard, HazardReference, hazardById } from '@domains/risk';
import { Warning, WarningReference, warningById } from '@domains/warnings';
import { Datastream, DatastreamReference, SensorThing, SensorThingReference, datastreamById, sensorThingById } from '../sensors/public';
import { Alarm } from './alarm.entity';
import { AlarmRule } from './alarm-rule.entity';
import { SensorMaintenanceWindow } from './maintenance-window.entity';
import { AlarmPermission } from './alarms.permissions';
import { ALARM_WORKFLOW } from './alarm-workflow';
import { AlarmEvaluationResult, AlarmWarningDraft } from './alarms.types';
import { AlarmRuleReference, RuleAlarmPages, alarmRuleById } from './alarms.loaders';
import { ALARM_KEY_PROPERTIES, ALARM_RULE_KEY_PROPERTIES, AlarmService } from './alarm.service';
import { AcknowledgeAlarmInput, AlarmListArgs, ClearAlarmInput, ConvertAlarmInput, EvaluateAlarmsInput, MaintenanceWindowListArgs, RecordMaintenanceWindowInput } from './alarms.inputs';
import { AlarmRuleListArgs, CreateAlarmRuleInput, UpdateAlarmRuleInput } from './alarm-rule.inputs';

export const AlarmConnection = Connection(Alarm, '报警');
export const AlarmRuleConnection = Connection(AlarmRule, '报警规则');
export const SensorMaintenanceWindowConnection = Connection(SensorMaintenanceWindow, '设备维护时段');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => AlarmRule)
export class AlarmRuleResolver {
  private readonly service = new AlarmService();

  @Query(() => AlarmRule, { nullable: true, description: '报警规则详情。One rule by id; null when there is none.' })
  @RequirePermission(AlarmPermission.Read)
  alarmRule(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Rule id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<AlarmRule | null> {
    return this.service.ruleById(ctx, id, selectedProperties(ctx.manager, AlarmRule, info, SELF));
  }

  @Query(() => AlarmRuleConnection, { description: '报警规则。The town\'s alarm rules, by code; filter by observed property and whether active.' })
  @RequirePermission(AlarmPermission.Read)
  alarmRules(@Ctx() ctx: RequestContext, @Args(() => AlarmRuleListArgs) args: AlarmRuleListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AlarmRule>> {
    return this.service.rules(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, AlarmRule, info, NODE, ALARM_RULE_KEY_PROPERTIES));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '适用单位。The organization whose subtree the rule covers; null for a town-wide rule, or when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() r: AlarmRule): Promise<Organization | null> {
    return r.organizationId ? organizationById(ctx).load(r.organizationId) : Promise.resolve(null);
  }

  @FieldResolver(() => [Datastream], { description: '指定数据流。The datastreams it reads (datastreamIds) that you may read, in its order; empty for a rule over every datastream of its observed property.' })
  @ReadsColumns('datastreamIds')
  async datastreams(@Ctx() ctx: RequestContext, @Root() r: AlarmRule): Promise<Datastream[]> {
    if (!r.datastreamIds?.length) return [];
    const found = await datastreamById(ctx).loadMany(r.datastreamIds);
    return found.filter((d): d is Datastream => d !== null && !(d instanceof Error));
  }

  @FieldResolver(() => AlarmConnection, { description: '报警。The rule\'s alarms in your scope, the latest first.' })
  @ReadsColumns('id')
  @ReadsRelation(RuleAlarmPages)
  alarms(@Ctx() ctx: RequestContext, @Root() r: AlarmRule, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Alarm>> {
    return RuleAlarmPages.load(ctx, r.id, page, info);
  }

  @Mutation(() => AlarmRule, { description: '新建报警规则。Creates a rule: threshold, rolling-window sum (1/3/6/12/24 h), rate of change or combined, with its clear value, minimum duration, level and conversion target.' })
  @RequirePermission(AlarmPermission.RuleManage)
  createAlarmRule(@Ctx() ctx: RequestContext, @Arg('input', () => CreateAlarmRuleInput, input) data: CreateAlarmRuleInput): Promise<AlarmRule> {
    return this.service.createRule(ctx, data);
  }

  @Mutation(() => AlarmRule, { description: '修改报警规则。Changes a rule\'s name, values, minimum duration, level or whether it is active; alarms raised keep their values.' })
  @RequirePermission(AlarmPermission.RuleManage)
  updateAlarmRule(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateAlarmRuleInput, input) data: UpdateAlarmRuleInput): Promise<AlarmRule> {
    return this.service.updateRule(ctx, data);
  }

  @Mutation(() => AlarmEvaluationResult, { description: '执行报警评估。Evaluates the active rules over the readings of a span (at most 8 days, not in the future), as the ingest event and the catch-up job do; idempotent.' })
  @RequirePermission(AlarmPermission.RuleManage)
  evaluateAlarmRules(@Ctx() ctx: RequestContext, @Arg('input', () => EvaluateAlarmsInput, input) data: EvaluateAlarmsInput): Promise<AlarmEvaluationResult> {
    return this.service.evaluate(ctx, data);
  }
}

@Resolver(() => Alarm)
export class AlarmResolver {
  private readonly service = new AlarmService();

  @Query(() => Alarm, { nullable: true, description: '报警详情。One alarm by id; null when there is none in your scope.' })
  @RequirePermission(AlarmPermission.Read)
  alarm(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Alarm id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<Alarm | null> {
    return this.service.alarmById(ctx, id, selectedProperties(ctx.manager, Alarm, info, SELF));
  }

  @Query(() => AlarmConnection, { description: '监测报警。Alarms on datastreams in your scope, the latest triggered first; filter by status, level, kind, rule, datastream, subtree and time.' })
  @RequirePermission(AlarmPermission.Read)
  alarms(@Ctx() ctx: RequestContext, @Args(() => AlarmListArgs) args: AlarmListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Alarm>> {
    return this.service.alarms(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Alarm, info, NODE, ALARM_KEY_PROPERTIES));
  }

  @FieldResolver(() => AlarmRule, { nullable: true, description: '规则。The rule that raised it; null for STALE alarms.' })
  @ReadsColumns('ruleId')
  @ReadsRelation(AlarmRuleReference, 'ruleId')
  rule(@Ctx() ctx: RequestContext, @Root() a: Alarm): Promise<AlarmRule | null> {
    return a.ruleId ? alarmRuleById(ctx).load(a.ruleId) : Promise.resolve(null);
  }

  @FieldResolver(() => Datastream, { nullable: true, description: '数据流。The datastream it concerns (a COMBINED rule\'s first datastream); null when you may no longer read it.' })
  @ReadsColumns('datastreamId')
  @ReadsRelation(DatastreamReference, 'datastreamId')
  datastream(@Ctx() ctx: RequestContext, @Root() a: Alarm): Promise<Datastream | null> {
    return datastreamById(ctx).load(a.datastreamId);
  }

  @FieldResolver(() => SensorThing, { nullable: true, description: '监测设备。The thing of its datastream; null when you may no longer read it.' })
  @ReadsColumns('thingId')
  @ReadsRelation(SensorThingReference, 'thingId')
  thing(@Ctx() ctx: RequestContext, @Root() a: Alarm): Promise<SensorThing | null> {
    return sensorThingById(ctx).load(a.thingId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '升级通知人。The person on duty it last escalated to (command\'s roster); null when it was not escalated, nobody was on duty, or you may not read persons there.' })
  @ReadsColumns('escalatedToPersonId')
  @ReadsRelation(PersonReference, 'escalatedToPersonId')
  escalatedTo(@Ctx() ctx: RequestContext, @Root() a: Alarm): Promise<Person | null> {
    return a.escalatedToPersonId ? personById(ctx).load(a.escalatedToPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The datastream\'s organization; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() a: Alarm): Promise<Organization | null> {
    return organizationById(ctx).load(a.organizationId);
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The hazard it was converted into (risk module); null unless converted into a hazard or when you may not read it there.' })
  @ReadsColumns('hazardId')
  @ReadsRelation(HazardReference, 'hazardId')
  hazard(@Ctx() ctx: RequestContext, @Root() a: Alarm): Promise<Hazard | null> {
    return a.hazardId ? hazardById(ctx).load(a.hazardId) : Promise.resolve(null);
  }

  @FieldResolver(() => Warning, { nullable: true, description: '预警。The warning issued from its draft (warnings module); null unless issued or when you may not read it there.' })
  @ReadsColumns('warningId')
  @ReadsRelation(WarningReference, 'warningId')
  warning(@Ctx() ctx: RequestContext, @Root() a: Alarm): Promise<Warning | null> {
    return a.warningId ? warningById(ctx).load(a.warningId) : Promise.resolve(null);
  }

  @FieldResolver(() => AlarmWarningDraft, { nullable: true, description: '预警草稿。The warning draft it was converted into; null unless converted into a warning.' })
  @ReadsColumns('warningDraft')
  warningDraft(@Root() a: Alarm): AlarmWarningDraft | null {
    const d = a.warningDraft as (Omit<AlarmWarningDraft, 'effectiveAt' | 'expiresAt'> & { effectiveAt: string; expiresAt: string }) | null;
    return d ? Object.assign(new AlarmWarningDraft(), { ...d, effectiveAt: new Date(d.effectiveAt), expiresAt: new Date(d.expiresAt) }) : null;
  }

  @Mutation(() => Alarm, { description: '确认报警。Acknowledges a TRIGGERED alarm (its escalation stops).' })
  @RequirePermission(ALARM_WORKFLOW.permissionOf('acknowledge'))
  acknowledgeAlarm(@Ctx() ctx: RequestContext, @Arg('input', () => AcknowledgeAlarmInput, input) data: AcknowledgeAlarmInput): Promise<Alarm> {
    return this.service.acknowledge(ctx, data);
  }

  @Mutation(() => Alarm, { description: '报警转处置。Converts a TRIGGERED or ACKNOWLEDGED alarm into a hazard (risk, source SENSOR; needs risk.hazard:report there) or a warning draft (issued at once when asked; needs rescue.warning:issue over its targets), in one transaction.' })
  @RequirePermission(ALARM_WORKFLOW.permissionOf('convert'))
  convertAlarm(@Ctx() ctx: RequestContext, @Arg('input', () => ConvertAlarmInput, input) data: ConvertAlarmInput): Promise<Alarm> {
    return this.service.convert(ctx, data);
  }

  @Mutation(() => Alarm, { description: '解除报警。Clears an open alarm by hand, with its reason.' })
  @RequirePermission(ALARM_WORKFLOW.permissionOf('clear'))
  clearAlarm(@Ctx() ctx: RequestContext, @Arg('input', () => ClearAlarmInput, input) data: ClearAlarmInput): Promise<Alarm> {
    return this.service.clear(ctx, data);
  }
}

@Resolver(() => SensorMaintenanceWindow)
export class MaintenanceWindowResolver {
  private readonly service = new AlarmService();

  @Query(() => SensorMaintenanceWindowConnection, { description: '设备维护时段。Maintenance windows of things in your scope, the latest start first.' })
  @RequirePermission(AlarmPermission.Read)
  sensorMaintenanceWindows(@Ctx() ctx: RequestContext, @Args(() => MaintenanceWindowListArgs) args: MaintenanceWindowListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SensorMaintenanceWindow>> {
    return this.service.maintenanceWindows(ctx, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => SensorThing, { nullable: true, description: '监测设备。The thing under maintenance; null when you may no longer read it.' })
  @ReadsColumns('thingId')
  @ReadsRelation(SensorThingReference, 'thingId')
  thing(@Ctx() ctx: RequestContext, @Root() w: SensorMaintenanceWindow): Promise<SensorThing | null> {
    return sensorThingById(ctx).load(w.thingId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The thing\'s organization; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() w: SensorMaintenanceWindow): Promise<Organization | null> {
    return organizationById(ctx).load(w.organizationId);
  }

  @Mutation(() => SensorMaintenanceWindow, { description: '登记设备维护时段。Records a maintenance window of a thing in your scope: its readings in the window raise no alarm.' })
  @RequirePermission(AlarmPermission.Handle)
  recordSensorMaintenanceWindow(@Ctx() ctx: RequestContext, @Arg('input', () => RecordMaintenanceWindowInput, input) data: RecordMaintenanceWindowInput): Promise<SensorMaintenanceWindow> {
    return this.service.recordMaintenanceWindow(ctx, data);
  }
}

@Resolver(() => AlarmWarningDraft)
export class AlarmWarningDraftResolver {
  @FieldResolver(() => [Organization], { description: '目标村（社区）。The villages it targets (targetOrganizationIds) that you may read, in its order.' })
  async targetOrganizations(@Ctx() ctx: RequestContext, @Root() d: AlarmWarningDraft): Promise<Organization[]> {
    const found = await organizationById(ctx).loadMany(d.targetOrganizationIds);
    return found.filter((o): o is Organization => o !== null && !(o instanceof Error));
  }
}
