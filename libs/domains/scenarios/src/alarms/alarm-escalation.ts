import { SortDirection, recordEvent, records, sql, transaction, unscoped, updateRecord, type RequestContext } from '@platform/core';
import { WarningEscalationPolicies, escalationTarget } from '@domains/warnings';
import { Alarm } from './alarm.entity';
import { AlarmStatus } from './alarms.enums';
import { Alarms } from './alarms.entities';
import { alarmEvents } from './alarms.events';
import { alarmPayload } from './alarm-workflow';

const SWEEP = 'the escalation sweep acts for nobody: it escalates every unacknowledged alarm';
/** Alarms escalated per sweep at most (the next sweep takes the rest). */
const BATCH = 200;

/**
 * 报警升级: a TRIGGERED alarm nobody acknowledged within the warnings' escalation policy of its level
 * (minutes from its trigger instant, and between steps; at most maxSteps) escalates one step along the
 * warnings' acknowledgement ladder (`escalationTarget`: the town's leader on duty by command's
 * `onDutyAt`, then the emergency office's head, then the town's lead). Each alarm in a transaction of
 * its own, locked and read again (the sweep and an acknowledgement never both win). Returns the ids escalated.
 */
export async function escalateAlarms(ctx: RequestContext): Promise<string[]> {
  const now = ctx.clock.now();
  const policies = await records(ctx, WarningEscalationPolicies).list({ keys: [{ column: 't.level', direction: SortDirection.ASC }], limit: 10 });
  const escalated: string[] = [];
  for (const policy of policies) {
    if (policy.maxSteps <= 0) continue;
    const due = await unscoped(ctx, Alarms, SWEEP)
      .where(sql`t.status = ${AlarmStatus.TRIGGERED} AND t.level = ${policy.level} AND t.escalation_step < ${policy.maxSteps}`)
      .where(sql`coalesce(t.escalated_at, t.triggered_at) + make_interval(mins => ${policy.minutes}) <= ${now}`)
      .list({ keys: [{ column: 't.created_at', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: BATCH, properties: ['id'] });
    for (const { id } of due) {
      await transaction(ctx, async (tx) => {
        const current = await unscoped(tx, Alarms, SWEEP).lock(id);
        if (current.status !== AlarmStatus.TRIGGERED || current.escalationStep >= policy.maxSteps) return;
        const step = current.escalationStep + 1;
        const target = await escalationTarget(tx, current.organizationId, step, now, current.escalatedToPersonId);
        await updateRecord(tx, Alarm, 'Alarm', current, current.version, { escalationStep: step, escalatedAt: now, escalatedToPersonId: target?.personId ?? current.escalatedToPersonId }, {
          action: 'scenarios.alarm.escalate',
          changes: { escalationStep: [current.escalationStep, step], personId: target?.personId ?? null, role: target?.role ?? null },
          ...recordEvent(alarmEvents['scenarios.alarm.escalated'], (a: Alarm) => ({ ...alarmPayload(a), step, personId: target?.personId ?? null })),
        });
        escalated.push(id);
      });
    }
  }
  return escalated;
}
