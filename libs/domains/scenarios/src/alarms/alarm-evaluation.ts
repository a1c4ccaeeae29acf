import { SortDirection, audit, createRecord, recordEvent, sql, transaction, unscoped, updateRecord, type Patch, type RequestContext } from '@platform/core';
import { organizationIdWithinSubtree } from '@platform/directory';
import { Alarm } from './alarm.entity';
import type { AlarmRule } from './alarm-rule.entity';
import { AlarmClearance, AlarmComparison, AlarmKind, AlarmRuleKind, AlarmStatus } from './alarms.enums';
import { AlarmRules, Alarms } from './alarms.entities';
import { alarmEvents } from './alarms.events';
import { alarmPayload } from './alarm-workflow';
import { conditionRuns, datastreamsOfRule, lockRuleEvaluation, propertiesOf, type ConditionRun } from './alarm-evaluation.sql';

/** Why the evaluation reads and writes every alarm and rule: it acts for nobody (the ingest event, the catch-up job, the seed). */
const EVALUATION = 'the alarm evaluation is not on a caller\'s behalf: it judges every datastream against every rule';

/** What to evaluate: readings in (from, to], of these datastreams (every one when absent), against these rules (every active one when absent). */
export interface AlarmEvaluation {
  readonly from: Date;
  readonly to: Date;
  readonly datastreamIds?: readonly string[] | null;
  readonly ruleIds?: readonly string[] | null;
}

/** What an evaluation changed. */
export interface AlarmEvaluationOutcome {
  /** Alarms raised. */
  readonly triggered: string[];
  /** Open alarms whose condition ended or whose peak grew. */
  readonly updated: string[];
  /** Acknowledged or converted alarms cleared because their condition ended. */
  readonly cleared: string[];
}

/** When an alarm whose condition ended is cleared: at the end, or when it was acknowledged or converted after the end (never before its own steps). */
const clearedAtOf = (a: Alarm, endedAt: Date): Date => new Date(Math.max(endedAt.getTime(), a.acknowledgedAt?.getTime() ?? 0, a.convertedAt?.getTime() ?? 0));

/** The more alarming of two values for the rule's comparison. */
const worse = (rule: AlarmRule, a: number | null, b: number): number => (a === null ? b : rule.comparison === AlarmComparison.AT_LEAST ? Math.max(a, b) : Math.min(a, b));

/**
 * 报警评估: for each active rule, the runs of its condition over the readings in the span (computed
 * in SQL: rolling windows, hysteresis, minimum duration, maintenance), written as alarms. Idempotent:
 * a run raises one alarm (one open alarm per rule and datastream; a later run while one is open
 * joins it); a run that ended records its end, and clears the alarm when it was acknowledged or
 * converted (one nobody acknowledged stays open: it must be seen). Each rule in a transaction of its
 * own under the rule's evaluation lock; each alarm written with its audit entry and event.
 */
export async function evaluateAlarms(ctx: RequestContext, e: AlarmEvaluation): Promise<AlarmEvaluationOutcome> {
  const outcome: AlarmEvaluationOutcome = { triggered: [], updated: [], cleared: [] };
  let rules = unscoped(ctx, AlarmRules, EVALUATION).where(sql`t.active`);
  if (e.ruleIds) rules = rules.where(sql`t.id = ANY(CAST(${e.ruleIds} AS uuid[]))`);
  // After an ingestion only the rules of the observed properties it touched can change anything.
  if (e.datastreamIds) rules = rules.where(sql`t.observed_property = ANY(${[...(await propertiesOf(ctx, e.datastreamIds))]})`);
  const list = await rules.list({ keys: [{ column: 't.code', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: 500 });
  for (const rule of list) {
    const before = outcome.triggered.length + outcome.updated.length + outcome.cleared.length;
    await transaction(ctx, async (tx) => {
      await lockRuleEvaluation(tx, rule.id);
      let ids: string[];
      if (rule.kind === AlarmRuleKind.COMBINED) {
        ids = !e.datastreamIds || rule.datastreamIds.some((id) => e.datastreamIds!.includes(id)) ? rule.datastreamIds : [];
      } else {
        ids = await datastreamsOfRule(tx, rule, e.datastreamIds ?? null, rule.organizationId ? organizationIdWithinSubtree('d.organization_id', rule.organizationId) : null);
      }
      const runs = await conditionRuns(tx, rule, ids, e.from, e.to);
      for (const run of runs) await applyRun(tx, rule, run, outcome);
      await clearEnded(tx, rule, outcome);
      const changed = outcome.triggered.length + outcome.updated.length + outcome.cleared.length - before;
      if (changed) await audit(tx, { action: 'scenarios.alarm.evaluate', entityType: 'AlarmRule', entityId: rule.id, changes: { from: e.from.toISOString(), to: e.to.toISOString(), runs: runs.length } });
    });
  }
  return outcome;
}

/** Clears the rule's acknowledged or converted alarms whose condition ended (acknowledged after it ended, beyond the runs' lookback). */
async function clearEnded(tx: RequestContext, rule: AlarmRule, outcome: AlarmEvaluationOutcome): Promise<void> {
  const ended = await unscoped(tx, Alarms, EVALUATION)
    .where(sql`t.rule_id = ${rule.id} AND t.status IN ('ACKNOWLEDGED', 'CONVERTED') AND t.condition_ended_at IS NOT NULL`)
    .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 500, properties: ['id'] });
  for (const { id } of ended) {
    const current = await unscoped(tx, Alarms, EVALUATION).lock(id);
    if (current.status !== AlarmStatus.ACKNOWLEDGED && current.status !== AlarmStatus.CONVERTED) continue;
    await updateRecord(tx, Alarm, 'Alarm', current, current.version, { status: AlarmStatus.CLEARED, clearedAt: clearedAtOf(current, current.conditionEndedAt!), clearance: AlarmClearance.CONDITION_ENDED }, {
      action: 'scenarios.alarm.clear-condition',
      ...recordEvent(alarmEvents['scenarios.alarm.cleared'], alarmPayload),
    });
    outcome.cleared.push(id);
  }
}

/** Writes one run: a new alarm, or the change of the alarm it belongs to (the same run, or the open one it joins). */
async function applyRun(tx: RequestContext, rule: AlarmRule, run: ConditionRun, outcome: AlarmEvaluationOutcome): Promise<void> {
  const [existing] = await unscoped(tx, Alarms, EVALUATION)
    .where(sql`t.rule_id = ${rule.id} AND t.datastream_id = ${run.datastreamId}`)
    .where(sql`(t.status <> 'CLEARED' OR (t.condition_since <= ${run.triggeredAt} AND coalesce(t.condition_ended_at, t.cleared_at, 'infinity') >= ${run.since}))`)
    .list({ keys: [{ column: 't.triggered_at', direction: SortDirection.DESC }, { column: 't.id', direction: SortDirection.DESC }], limit: 1 });
  if (!existing) {
    const alarm = await createRecord(
      tx,
      Alarm,
      'Alarm',
      {
        ruleId: rule.id,
        kind: AlarmKind.RULE,
        datastreamId: run.datastreamId,
        thingId: run.thingId,
        organizationId: run.organizationId,
        level: rule.level,
        status: AlarmStatus.TRIGGERED,
        conditionSince: run.since,
        triggeredAt: run.triggeredAt,
        value: run.value,
        peakValue: run.peak,
        conditionEndedAt: run.endedAt,
      },
      { action: 'scenarios.alarm.trigger', ...recordEvent(alarmEvents['scenarios.alarm.triggered'], alarmPayload) },
    );
    outcome.triggered.push(alarm.id);
    return;
  }
  if (existing.status === AlarmStatus.CLEARED) return;
  const current = await unscoped(tx, Alarms, EVALUATION).lock(existing.id);
  // An earlier run than the alarm's own was written when it happened (or belongs to a cleared alarm).
  if (run.since.getTime() < current.conditionSince.getTime()) return;
  const peak = worse(rule, current.peakValue, run.peak);
  const endedAt = run.endedAt;
  const patch: Patch<Alarm> = {};
  if (peak !== current.peakValue) patch.peakValue = peak;
  if ((endedAt?.getTime() ?? null) !== (current.conditionEndedAt?.getTime() ?? null)) patch.conditionEndedAt = endedAt;
  const clear = endedAt !== null && (current.status === AlarmStatus.ACKNOWLEDGED || current.status === AlarmStatus.CONVERTED);
  if (clear) Object.assign(patch, { status: AlarmStatus.CLEARED, clearedAt: clearedAtOf(current, endedAt), clearance: AlarmClearance.CONDITION_ENDED });
  if (!Object.keys(patch).length) return;
  const event = clear ? alarmEvents['scenarios.alarm.cleared'] : undefined;
  await updateRecord(tx, Alarm, 'Alarm', current, current.version, patch, { action: clear ? 'scenarios.alarm.clear-condition' : 'scenarios.alarm.update-condition', ...(event ? recordEvent(event, alarmPayload) : {}) });
  (clear ? outcome.cleared : outcome.updated).push(current.id);
}
