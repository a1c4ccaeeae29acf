import { defineWorkflow, type StepDeclaration } from '@platform/core';
import { PenaltyCase } from './penalty-case.entity';
import { PenaltyCaseStatus } from './case.enums';
import { CasePermission } from './cases.permissions';
import { caseEvents, type PenaltyCasePayload } from './cases.events';

const S = PenaltyCaseStatus;
const E = caseEvents;

/**
 * A case's procedure as data: FILED (立案审批表) → INVESTIGATING → LEGAL_REVIEW (法制审核, where
 * required) → NOTIFIED (行政处罚告知书; 陈述申辩) → HEARING (听证通知书, when requested in time) → DECIDED
 * (行政处罚决定书 or 不予行政处罚决定书) → SERVED (送达回执) → EXECUTING → CLOSED (结案审批表) → ARCHIVED.
 * A no-penalty or transfer decision may come straight after the investigation or review. Each step's
 * mutation takes its permission, state check, audit action `enforcement.case.<step>` and event from here.
 */
export const CASE_STEPS = {
  investigate: { from: [S.FILED], to: S.INVESTIGATING, permission: CasePermission.Manage, event: E['enforcement.case.investigating'], description: '开始调查取证。Investigation begun (startPenaltyCaseInvestigation).' },
  endInvestigation: { from: [S.INVESTIGATING], to: S.LEGAL_REVIEW, permission: CasePermission.Manage, event: E['enforcement.case.investigated'], description: '调查终结。Investigation ended and sent to legal review (endPenaltyCaseInvestigation).' },
  review: { from: [S.LEGAL_REVIEW], to: S.LEGAL_REVIEW, permission: CasePermission.Review, event: E['enforcement.case.reviewed'], description: '法制审核。The legal review recorded (reviewPenaltyCase).' },
  notify: { from: [S.INVESTIGATING, S.LEGAL_REVIEW], to: S.NOTIFIED, permission: CasePermission.Manage, event: E['enforcement.case.notified'], description: '告知。The party notified (notifyPenaltyCase).' },
  notifyHearing: { from: [S.NOTIFIED], to: S.HEARING, permission: CasePermission.Manage, event: E['enforcement.case.hearingNotified'], description: '听证通知。A hearing requested in time and notified (notifyPenaltyCaseHearing).' },
  recordHearing: { from: [S.HEARING], to: S.HEARING, permission: CasePermission.Manage, event: E['enforcement.case.heard'], description: '听证。The hearing held and recorded (recordPenaltyCaseHearing).' },
  decide: { from: [S.INVESTIGATING, S.LEGAL_REVIEW, S.NOTIFIED, S.HEARING], to: S.DECIDED, permission: CasePermission.Decide, event: E['enforcement.case.decided'], description: '决定。Decided by the head (decidePenaltyCase).' },
  serve: { from: [S.DECIDED], to: S.SERVED, permission: CasePermission.Manage, event: E['enforcement.case.served'], description: '送达。The decision served (servePenaltyCase).' },
  execute: { from: [S.SERVED], to: S.EXECUTING, permission: CasePermission.Manage, event: E['enforcement.case.executing'], description: '执行。Execution begun (executePenaltyCase).' },
  close: { from: [S.SERVED, S.EXECUTING], to: S.CLOSED, permission: CasePermission.Decide, event: E['enforcement.case.closed'], description: '结案。Closed with the head\'s approval (closePenaltyCase).' },
  archive: { from: [S.CLOSED], to: S.ARCHIVED, permission: CasePermission.Manage, event: E['enforcement.case.archived'], description: '归档。Archived; kept permanently (archivePenaltyCase).' },
} as const satisfies Record<string, StepDeclaration<PenaltyCaseStatus>>;

/** The payload of every event of a case. */
export const casePayload = (c: PenaltyCase): PenaltyCasePayload => ({ id: c.id, code: c.code, enterpriseId: c.enterpriseId, status: c.status });

export const CASE_WORKFLOW = defineWorkflow({
  name: 'enforcement.case',
  entity: PenaltyCase,
  entityName: 'PenaltyCase',
  state: 'status',
  steps: CASE_STEPS,
  payload: casePayload,
});

export type CaseStep = keyof typeof CASE_STEPS;
