import { TipOutcome, TipStatus, type Tip } from '../tips/public';
import { extendedDueAt, FINISHED_STATUSES } from './tip-clock';

/**
 * A tip as the public sees it (the reporter's tracking, the Open311 view): open or closed, a status
 * note in Chinese, and when it is expected to be handled. Never the reporter, the handler or the reason
 * of an escalation beyond its kind.
 */

/** Open311's status: `closed` once the tip is closed, rejected or sent back; `open` otherwise. */
export function tipPublicStatus(tip: Pick<Tip, 'status'>): 'open' | 'closed' {
  return FINISHED_STATUSES.includes(tip.status) ? 'closed' : 'open';
}

const STATUS_NOTES: Record<TipStatus, string> = {
  [TipStatus.RECEIVED]: '已收到，待受理。',
  [TipStatus.ACCEPTED]: '已受理，正在分派办理。',
  [TipStatus.REJECTED]: '不予受理。',
  [TipStatus.SENT_BACK]: '已退回12345热线。',
  [TipStatus.ASSIGNED]: '已分派承办单位核查。',
  [TipStatus.VERIFYING]: '正在现场核查。',
  [TipStatus.VERIFIED]: '经核查属实，已纳入隐患整改。',
  [TipStatus.NOT_VERIFIED]: '经核查不属实，待办结。',
  [TipStatus.HANDLED]: '隐患正在整改，整改验收后办结。',
  [TipStatus.ESCALATED]: '已报区级人民政府核查。',
  [TipStatus.CLOSED]: '已办结。',
};

const OUTCOME_NOTES: Record<TipOutcome, string> = {
  [TipOutcome.FIXED]: '已办结：隐患已整改销号。',
  [TipOutcome.NOT_RESPONSIBLE]: '已办结：不属本镇职责，已告知处理途径。',
  [TipOutcome.DUPLICATE]: '已办结：与其他举报为同一事项，合并办理。',
  [TipOutcome.NO_HAZARD_FOUND]: '已办结：经核查未发现隐患。',
  [TipOutcome.NOT_VERIFIED]: '已办结：经核查举报内容不属实。',
  [TipOutcome.REJECTED]: '不予受理。',
  [TipOutcome.SENT_BACK]: '已退回12345热线。',
  [TipOutcome.ESCALATED]: '已办结：由区级人民政府核查处理。',
};

/** The Chinese status note for the public (Open311 `status_notes`, the reporter's tracking page). */
export function tipStatusNote(tip: Pick<Tip, 'status' | 'outcome'>): string {
  return tip.outcome ? OUTCOME_NOTES[tip.outcome] : STATUS_NOTES[tip.status];
}

/** When handling is expected to be done (Open311 `expected_datetime`): the handling due time with extensions; null before the clocks were set. */
export function tipExpectedAt(tip: Pick<Tip, 'handleDueAt' | 'extendedDays'>): Date | null {
  return extendedDueAt(tip);
}
