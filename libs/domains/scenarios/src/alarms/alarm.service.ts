import {
  SortDirection,
  applyStep,
  createRecord,
  globalIdOf,
  recordEvent,
  records,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { OrganizationKind, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { HazardCategory, HazardSource, reportHazard } from '@domains/risk';
import { LEVEL_COLOUR_ZH, WarningHazardType, draftWarning, issueWarningDraft, type WarningDraft } from '@domains/warnings';
import { Alarm } from './alarm.entity';
import { AlarmRule } from './alarm-rule.entity';
import { SensorMaintenanceWindow } from './maintenance-window.entity';
import { AlarmComparison, AlarmConversionTarget, AlarmKind, AlarmRuleKind } from './alarms.enums';
import { AlarmRules, Alarms, SensorMaintenanceWindows } from './alarms.entities';
import { AlarmPermission } from './alarms.permissions';
import { alarmEvents } from './alarms.events';
import { alarmsRules } from './alarms.rules';
import { ALARM_WORKFLOW } from './alarm-workflow';
import { AlarmOrder, AlarmRuleOrder, MaintenanceWindowOrder } from './alarms.orders';
import { alarmSubject } from './alarm-subject.sql';
import { SensorThings } from '../sensors/public';
import { evaluateAlarms, type AlarmEvaluationOutcome } from './alarm-evaluation';
import { MAX_EVALUATION_DAYS, type AcknowledgeAlarmInput, type AlarmListArgs, type ClearAlarmInput, type ConvertAlarmInput, type EvaluateAlarmsInput, type MaintenanceWindowListArgs, type RecordMaintenanceWindowInput } from './alarms.inputs';
import { isWindow, type AlarmRuleListArgs, type CreateAlarmRuleInput, type UpdateAlarmRuleInput } from './alarm-rule.inputs';

/** Properties the default keyset orders read (besides the id). */
export const ALARM_KEY_PROPERTIES = ['triggeredAt'];
export const ALARM_RULE_KEY_PROPERTIES = ['code'];
export const MAINTENANCE_KEY_PROPERTIES = ['startsAt'];

/** The event names of the warning hazard types, for a draft's event name. */
const EVENT_NAMES: Readonly<Record<WarningHazardType, string>> = {
  FOREST_FIRE: '森林火险',
  FLOOD: '山洪',
  DROUGHT: '干旱',
  RAINSTORM: '暴雨',
  METEOROLOGICAL: '气象灾害',
  GEOLOGICAL: '地质灾害',
};

/** Why a conversion reads the town government and the alarm organization's village whatever the caller's directory scope. */
const DRAFT_REASON = 'a warning draft names the town government as sender and the village of the alarm (read in the caller\'s alarm scope) as target';

const DEFAULT_VALID_HOURS = 12;

/** China time of an instant, to the minute: 2026-11-27 14:35. */
const chinaMinute = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Alarm rules, alarms (acknowledge, convert, clear) and maintenance windows. */
export class AlarmService {
  ruleById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<AlarmRule | null> {
    return records(ctx, AlarmRules).one(id, properties);
  }

  rules(ctx: RequestContext, args: AlarmRuleListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<AlarmRule>> {
    const f = args.filter ?? {};
    let rows = records(ctx, AlarmRules);
    if (f.observedProperty) rows = rows.where(sql`t.observed_property = ${f.observedProperty}`);
    if (f.active !== undefined && f.active !== null) rows = rows.where(sql`t.active = ${f.active}`);
    return whereChanged(rows, f).page({ keys: AlarmRuleOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  alarmById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Alarm | null> {
    return records(ctx, Alarms).one(id, properties);
  }

  alarms(ctx: RequestContext, args: AlarmListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Alarm>> {
    const f = args.filter ?? {};
    if (f.from && f.to && f.to <= f.from) throw alarmsRules.field('filter.to', 'afterFrom', 'must be after from.');
    let rows = records(ctx, Alarms);
    if (f.statuses?.length) rows = rows.where(sql`t.status = ANY(${f.statuses})`);
    if (f.levels?.length) rows = rows.where(sql`t.level = ANY(${f.levels})`);
    if (f.kind) rows = rows.where(sql`t.kind = ${f.kind}`);
    if (f.ruleId) rows = rows.where(sql`t.rule_id = ${f.ruleId}`);
    if (f.datastreamId) rows = rows.where(sql`t.datastream_id = ${f.datastreamId}`);
    if (f.withinSubtreeOf) rows = rows.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.from) rows = rows.where(sql`t.triggered_at >= ${f.from}`);
    if (f.to) rows = rows.where(sql`t.triggered_at < ${f.to}`);
    return whereChanged(rows, f).page({ keys: AlarmOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  maintenanceWindows(ctx: RequestContext, args: MaintenanceWindowListArgs, withCount: boolean): Promise<ConnectionResult<SensorMaintenanceWindow>> {
    const f = args.filter ?? {};
    let rows = records(ctx, SensorMaintenanceWindows);
    if (f.thingId) rows = rows.where(sql`t.thing_id = ${f.thingId}`);
    return whereChanged(rows, f).page({ keys: MaintenanceWindowOrder.keys(args.orderBy), page: args, withCount });
  }

  /** 新建报警规则: the kind's fields checked (window, hysteresis, COMBINED members), the organization in the caller's scope. */
  createRule(ctx: RequestContext, input: CreateAlarmRuleInput): Promise<AlarmRule> {
    const comparison = input.comparison ?? AlarmComparison.AT_LEAST;
    const clearValue = input.clearValue ?? input.triggerValue;
    const datastreamIds = input.datastreamIds ?? [];
    const windowed = input.kind === AlarmRuleKind.WINDOW_SUM || input.kind === AlarmRuleKind.RATE_OF_CHANGE;
    if (windowed && (input.windowHours === undefined || input.windowHours === null || !isWindow(input.windowHours))) throw alarmsRules.field('input.windowHours', 'windowHours', 'must be 1, 3, 6, 12 or 24 hours for this kind.');
    if (!windowed && input.windowHours !== undefined && input.windowHours !== null) throw alarmsRules.field('input.windowHours', 'windowHours', `a ${input.kind} rule has no window.`);
    this.checkHysteresis(comparison, input.triggerValue, clearValue, 'input.clearValue');
    if (input.kind === AlarmRuleKind.COMBINED) {
      if (datastreamIds.length < 2) throw alarmsRules.field('input.datastreamIds', 'ruleKind', 'a COMBINED rule names 2–20 datastreams.');
      if (!input.minDatastreams || input.minDatastreams > datastreamIds.length) throw alarmsRules.field('input.minDatastreams', 'ruleKind', `must be 2 to ${datastreamIds.length} (the datastreams named).`);
    } else if (input.minDatastreams !== undefined && input.minDatastreams !== null) throw alarmsRules.field('input.minDatastreams', 'ruleKind', 'only a COMBINED rule counts datastreams.');
    if ((input.conversionTarget === AlarmConversionTarget.WARNING) !== Boolean(input.warningHazardType)) {
      throw alarmsRules.field('input.warningHazardType', 'conversion', 'a WARNING rule names the warning hazard type; a HAZARD rule does not.');
    }
    return transaction(ctx, async (tx) => {
      if (input.organizationId) await records(tx, Organizations, AlarmPermission.RuleManage).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      const taken = await unscoped(tx, AlarmRules, 'rule codes are unique town-wide').where(sql`t.code = ${input.code}`).count();
      if (taken) throw alarmsRules.field('input.code', 'unique', `a rule with code ${input.code} exists.`);
      return createRecord(
        tx,
        AlarmRule,
        'AlarmRule',
        {
          organizationId: input.organizationId ?? null,
          code: input.code,
          name: input.name,
          observedProperty: input.observedProperty,
          datastreamIds: [...datastreamIds],
          kind: input.kind,
          windowHours: windowed ? input.windowHours! : null,
          comparison,
          triggerValue: input.triggerValue,
          clearValue,
          minimumDurationMinutes: input.minimumDurationMinutes ?? 0,
          minDatastreams: input.kind === AlarmRuleKind.COMBINED ? input.minDatastreams! : null,
          level: input.level,
          conversionTarget: input.conversionTarget,
          hazardCategory: input.hazardCategory,
          warningHazardType: input.warningHazardType ?? null,
          active: true,
          basis: input.basis ?? null,
        },
        { action: 'scenarios.alarm-rule.create', ...recordEvent(alarmEvents['scenarios.alarm-rule.created'], (r: AlarmRule) => ({ id: r.id, code: r.code })) },
      );
    });
  }

  /** 修改报警规则: the new values keep the hysteresis band. */
  updateRule(ctx: RequestContext, input: UpdateAlarmRuleInput): Promise<AlarmRule> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, AlarmRules, AlarmPermission.RuleManage).lock(input.id);
      const trigger = input.triggerValue ?? current.triggerValue;
      const clear = input.clearValue ?? current.clearValue;
      this.checkHysteresis(current.comparison, trigger, clear, input.clearValue !== undefined && input.clearValue !== null ? 'input.clearValue' : 'input.triggerValue');
      const patch: Patch<AlarmRule> = {};
      if (input.name !== undefined && input.name !== null) patch.name = input.name;
      if (input.triggerValue !== undefined && input.triggerValue !== null) patch.triggerValue = input.triggerValue;
      if (input.clearValue !== undefined && input.clearValue !== null) patch.clearValue = input.clearValue;
      if (input.minimumDurationMinutes !== undefined && input.minimumDurationMinutes !== null) patch.minimumDurationMinutes = input.minimumDurationMinutes;
      if (input.level) patch.level = input.level;
      if (input.active !== undefined && input.active !== null) patch.active = input.active;
      return updateRecord(tx, AlarmRule, 'AlarmRule', current, input.version, patch, { action: 'scenarios.alarm-rule.update', ...recordEvent(alarmEvents['scenarios.alarm-rule.updated'], (r: AlarmRule) => ({ id: r.id, code: r.code })) });
    });
  }

  private checkHysteresis(comparison: AlarmComparison, trigger: number, clear: number, field: string): void {
    const ok = comparison === AlarmComparison.AT_LEAST ? clear <= trigger : clear >= trigger;
    if (!ok) throw alarmsRules.field(field, 'hysteresis', comparison === AlarmComparison.AT_LEAST ? `the clear value must not exceed the trigger value (${trigger}).` : `the clear value must not be below the trigger value (${trigger}).`);
  }

  /** 确认. */
  acknowledge(ctx: RequestContext, input: AcknowledgeAlarmInput): Promise<Alarm> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Alarms, ALARM_WORKFLOW.permissionOf('acknowledge')).lock(input.id);
      return applyStep(tx, ALARM_WORKFLOW, 'acknowledge', {
        current,
        version: input.version,
        patch: { acknowledgedAt: tx.clock.now(), acknowledgedBy: tx.principal.id, acknowledgementNote: input.note ?? null },
      });
    });
  }

  /**
   * 转处置: into a hazard (risk's `reportHazard`, source SENSOR, origin the alarm; within the caller's
   * risk.hazard:report scope) or a warning draft (the warnings' `draftWarning`; issued at once through
   * the warnings' service when asked, within the caller's rescue.warning:issue scope). Written with
   * the step in one transaction: a refusal anywhere writes nothing.
   */
  convert(ctx: RequestContext, input: ConvertAlarmInput): Promise<Alarm> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Alarms, ALARM_WORKFLOW.permissionOf('convert')).lock(input.id);
      const rule = current.ruleId ? await unscoped(tx, AlarmRules, 'the rule of an alarm in scope').one(current.ruleId) : null;
      const target = input.target ?? rule?.conversionTarget ?? AlarmConversionTarget.HAZARD;
      return applyStep(tx, ALARM_WORKFLOW, 'convert', {
        current,
        version: input.version,
        check: () => {
          if (target === AlarmConversionTarget.WARNING && (current.kind === AlarmKind.STALE || !rule?.warningHazardType)) {
            throw alarmsRules.field('input.target', 'conversion', 'only an alarm of a rule with a warning hazard type converts into a warning draft; convert it into a hazard.');
          }
        },
        patch: async () => {
          const subject = await alarmSubject(tx, current.datastreamId);
          const where = subject ? `${subject.thingName}（${subject.datastreamName}）` : '监测设备';
          const unit = subject?.unitSymbol ?? '';
          const what = rule ? `${rule.name}：${current.value ?? ''}${unit}（峰值${current.peakValue ?? current.value ?? ''}${unit}）` : '监测数据中断（超过采样间隔的k倍未上报）';
          const description = `${where}于${chinaMinute(current.triggeredAt)}触发${LEVEL_COLOUR_ZH[current.level]}报警，${what}。${input.note ?? ''}`.slice(0, 2000);
          const now = tx.clock.now();
          if (target === AlarmConversionTarget.HAZARD) {
            const hazard = await reportHazard(tx, {
              organizationId: current.organizationId,
              title: input.title ?? `${where}${rule ? rule.name : '监测数据中断'}`.slice(0, 100),
              description,
              category: rule?.hazardCategory ?? HazardCategory.WORK_SAFETY,
              source: HazardSource.SENSOR,
              foundAt: now,
              originNodeId: globalIdOf(Alarms, current.id),
            });
            return { convertedTo: target, convertedAt: now, hazardId: hazard.id };
          }
          const draft = await this.warningDraft(tx, current, rule!, input, description, now);
          const warning = input.issue ? await issueWarningDraft(tx, draft) : null;
          return { convertedTo: target, convertedAt: now, warningDraft: { ...draft } as Record<string, unknown>, warningId: warning?.id ?? null };
        },
      });
    });
  }

  /** The warning draft of a rule's alarm: the rule's hazard type and level, the village of the alarm's organization (or the targets given), from now for the hours given. */
  private async warningDraft(tx: RequestContext, alarm: Alarm, rule: AlarmRule, input: ConvertAlarmInput, description: string, now: Date): Promise<WarningDraft> {
    const directory = unscoped(tx, Organizations, DRAFT_REASON);
    const [town] = await directory.where(sql`t.kind = ${OrganizationKind.TOWN_GOVERNMENT} AND t.archived_at IS NULL`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'name'] });
    let targets = input.targetOrganizationIds ?? [];
    if (!targets.length) {
      const own = await directory.one(alarm.organizationId, ['id', 'kind', 'parentId']);
      const village = own && (own.kind === OrganizationKind.VILLAGE || own.kind === OrganizationKind.COMMUNITY) ? own.id : own?.parentId;
      if (!village) throw alarmsRules.field('input.targetOrganizationIds', 'required', 'name the villages the warning targets: the alarm\'s organization lies in none.');
      targets = [village];
    }
    const hazardType = rule.warningHazardType!;
    const hours = input.validHours ?? DEFAULT_VALID_HOURS;
    return draftWarning(town?.name ?? '南平镇人民政府', {
      hazardType,
      eventName: input.title ?? EVENT_NAMES[hazardType],
      level: alarm.level,
      description,
      instruction: '请相关村（社区）立即启动叫应，组织巡查危险区域，必要时转移受威胁群众；密切关注雨情水情变化。',
      source: '南平镇监测预警系统',
      effectiveAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
      targetOrganizationIds: targets,
    });
  }

  /** 解除 by hand, with the reason. */
  clear(ctx: RequestContext, input: ClearAlarmInput): Promise<Alarm> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Alarms, ALARM_WORKFLOW.permissionOf('clear')).lock(input.id);
      return applyStep(tx, ALARM_WORKFLOW, 'clear', { current, version: input.version, patch: { clearedAt: tx.clock.now(), clearance: 'BY_HAND' as Alarm['clearance'], clearReason: input.reason } });
    });
  }

  /** 登记维护时段 of a thing in the caller's scope. */
  recordMaintenanceWindow(ctx: RequestContext, input: RecordMaintenanceWindowInput): Promise<SensorMaintenanceWindow> {
    if (input.endsAt.getTime() <= input.startsAt.getTime()) throw alarmsRules.field('input.endsAt', 'afterFrom', 'must be after startsAt.');
    if (input.endsAt.getTime() - input.startsAt.getTime() > 31 * 86_400_000) throw alarmsRules.field('input.endsAt', 'range', 'a window lasts at most 31 days.');
    return transaction(ctx, async (tx) => {
      // NOT_FOUND when missing or outside the caller's alarm-handling scope (the same answer).
      const thing = await records(tx, SensorThings, AlarmPermission.Handle).reference(input.thingId, 'input.thingId', { properties: ['id', 'organizationId'] });
      return createRecord(
        tx,
        SensorMaintenanceWindow,
        'SensorMaintenanceWindow',
        { thingId: input.thingId, organizationId: thing.organizationId, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason },
        { action: 'scenarios.maintenance-window.record', ...recordEvent(alarmEvents['scenarios.maintenance-window.recorded'], (w: SensorMaintenanceWindow) => ({ id: w.id, thingId: w.thingId, organizationId: w.organizationId })) },
      );
    });
  }

  /** 执行报警评估 by hand over a span of readings (at most 8 days, not in the future). */
  evaluate(ctx: RequestContext, input: EvaluateAlarmsInput): Promise<AlarmEvaluationOutcome> {
    if (input.to.getTime() <= input.from.getTime()) throw alarmsRules.field('input.to', 'afterFrom', 'must be after from.');
    if (input.to.getTime() - input.from.getTime() > MAX_EVALUATION_DAYS * 86_400_000) throw alarmsRules.field('input.to', 'range', `spans at most ${MAX_EVALUATION_DAYS} days.`);
    if (input.to.getTime() > ctx.clock.now().getTime()) throw alarmsRules.field('input.to', 'notFuture', 'must not be in the future.');
    return evaluateAlarms(ctx, { from: input.from, to: input.to, ruleIds: input.ruleIds ?? null });
  }
}
