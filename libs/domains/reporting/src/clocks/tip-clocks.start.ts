import { applyStep, businessRules, todayInChina, transaction, updateRecord, type RequestContext } from '@platform/core';
import { Tip, TIP_WORKFLOW } from '../tips/public';
import { TIP_SLA_RULE } from '../business-rules/tips';
import { dueTimes } from './tip-clock';

/** The reason recorded on a tip escalated at intake because it reports deaths. */
export const DEATH_ESCALATION_REASON = '举报涉及人员死亡，依照《安全生产法》第七十三条由县级以上人民政府负责核查，已报区级人民政府。';

/**
 * Starts a new tip's clocks (called by the intake inside its transaction): the version of
 * reporting.tip-sla in force on the day it came in is stored with the acceptance and handling due
 * times of its channel (the tip keeps that version); a tip involving deaths is then escalated to the
 * district (安全生产法 第七十三条: tips involving deaths are verified by the county-level government):
 * status ESCALATED with its reason, audit entry and event `reporting.tip.escalated`.
 */
export function startTipClocks(ctx: RequestContext, tip: Tip): Promise<Tip> {
  return transaction(ctx, async (tx) => {
    const rule = await businessRules.inForce(tx, TIP_SLA_RULE, todayInChina(tip.receivedAt), 'input.receivedAt');
    const due = await dueTimes(tx, rule.value, tip.channel, tip.receivedAt);
    const clocked = await updateRecord(tx, Tip, 'Tip', tip, tip.version, { slaRuleVersionId: rule.id, ...due }, {
      action: 'reporting.tip.startClocks',
      changes: { slaRuleVersionId: rule.id, acceptDueAt: due.acceptDueAt.toISOString(), handleDueAt: due.handleDueAt.toISOString() },
    });
    if (!clocked.involvesDeaths) return clocked;
    return applyStep(tx, TIP_WORKFLOW, 'escalate', { current: clocked, version: clocked.version, patch: { statusReason: DEATH_ESCALATION_REASON } });
  });
}
