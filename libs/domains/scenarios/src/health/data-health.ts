import { addDays, audit, raw, businessRules, createRecord, recordEvent, sql, todayInChina, transaction, unscoped, updateRecord, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import { WarningLevel } from '@domains/warnings';
import { Alarm, AlarmClearance, AlarmKind, AlarmStatus, Alarms, alarmEvents } from '../alarms/public';
import { alarmPayload } from '../alarms/alarm-workflow';
import { DATA_HEALTH_RULE } from '../business-rules/health';
import { lockHealthEvaluation, staleWork, upsertGaps, upsertLeads, type HealthSpan } from './data-health.sql';

const HEALTH = 'data health acts for nobody: it judges every datastream of every organization';
/** How many China days back the evaluation reads readings (gaps and tamper signals that ended since). */
export const HEALTH_LOOKBACK_DAYS = 7;

/** What an evaluation of data health changed. */
export interface DataHealthOutcome {
  readonly gapsFound: number;
  readonly gapsChanged: number;
  readonly staleAlarmsRaised: string[];
  readonly staleAlarmsChanged: string[];
  readonly leadsFound: number;
}

/**
 * 数据健康评估 at `at` (the clock's now by default): gaps of the last 7 China days (rule
 * scenarios.data-health in force that day: k × the sampling interval), STALE alarms of ongoing gaps
 * (one per gap; its end recorded when data resumes, and the alarm cleared then when it was
 * acknowledged or converted), and the enforcement leads of operating enterprises (刑法 第一百三十四条之一).
 * One transaction under the evaluation lock; idempotent; one audit entry when anything changed.
 */
export async function evaluateDataHealth(ctx: RequestContext, at: Date = ctx.clock.now()): Promise<DataHealthOutcome> {
  return transaction(ctx, async (tx) => {
    await lockHealthEvaluation(tx);
    const day = todayInChina(at);
    const rule = await businessRules.inForce(tx, DATA_HEALTH_RULE, day);
    const from = new Date(`${addDays(day, -HEALTH_LOOKBACK_DAYS)}T00:00:00+08:00`);
    const span: HealthSpan = { from, at, staleFactor: rule.value.staleFactor, leadMinimumMinutes: rule.value.leadMinimumMinutes };
    const gaps = await upsertGaps(tx, span);
    const raised: string[] = [];
    const changed: string[] = [];
    for (const w of await staleWork(tx, span.staleFactor)) {
      if (!w.alarmId) {
        // One open STALE alarm per datastream: an older open one (its gap ended unseen) takes the new gap's start as its end.
        if (w.openAlarmId) continue;
        const alarm = await createRecord(
          tx,
          Alarm,
          'Alarm',
          {
            ruleId: null,
            kind: AlarmKind.STALE,
            datastreamId: w.datastreamId,
            thingId: w.thingId,
            organizationId: w.organizationId,
            level: WarningLevel.YELLOW,
            status: AlarmStatus.TRIGGERED,
            conditionSince: new Date(w.startedAt),
            triggeredAt: new Date(w.staleAt),
            value: null,
            peakValue: null,
            conditionEndedAt: null,
          },
          { action: 'scenarios.alarm.stale', ...recordEvent(alarmEvents['scenarios.alarm.triggered'], alarmPayload) },
        );
        raised.push(alarm.id);
        continue;
      }
      const current = await unscoped(tx, Alarms, HEALTH).lock(w.alarmId);
      if (current.status === AlarmStatus.CLEARED || !w.endedAt) continue;
      const clear = current.status !== AlarmStatus.TRIGGERED;
      if (!clear && current.conditionEndedAt) continue;
      await updateRecord(
        tx,
        Alarm,
        'Alarm',
        current,
        current.version,
        { conditionEndedAt: new Date(w.endedAt), ...(clear ? { status: AlarmStatus.CLEARED, clearedAt: new Date(Math.max(new Date(w.endedAt).getTime(), current.acknowledgedAt?.getTime() ?? 0, current.convertedAt?.getTime() ?? 0)), clearance: AlarmClearance.DATA_RESUMED } : {}) },
        { action: clear ? 'scenarios.alarm.data-resumed' : 'scenarios.alarm.update-condition', ...(clear ? recordEvent(alarmEvents['scenarios.alarm.cleared'], alarmPayload) : {}) },
      );
      changed.push(current.id);
    }
    const operating = (column: string) => sql`EXISTS ${unscoped(tx, Organizations, HEALTH).as('eo').where(sql`eo.id = ${raw(column)} AND eo.archived_at IS NULL`).subquery(sql`1`)}`;
    const leads = await upsertLeads(tx, span, operating);
    const outcome: DataHealthOutcome = {
      gapsFound: gaps.filter((g) => g.inserted).length,
      gapsChanged: gaps.filter((g) => !g.inserted).length,
      staleAlarmsRaised: raised,
      staleAlarmsChanged: changed,
      leadsFound: leads.filter((l) => l.inserted).length,
    };
    if (gaps.length || raised.length || changed.length || leads.length) {
      await audit(tx, { action: 'scenarios.data-health.evaluate', entityType: 'SensorDataGap', entityId: null, changes: { at: at.toISOString(), ...outcome, leadsChanged: leads.length - outcome.leadsFound } });
    }
    return outcome;
  });
}
