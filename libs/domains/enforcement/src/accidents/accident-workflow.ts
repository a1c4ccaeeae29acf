import { defineWorkflow, type StepDeclaration } from '@platform/core';
import { AccidentInvestigation } from './accident.entity';
import { AccidentInvestigationStatus } from './accident.enums';
import { AccidentPermission } from './accidents.permissions';
import { accidentEvents, type AccidentInvestigationPayload } from './accidents.events';

const S = AccidentInvestigationStatus;
const E = accidentEvents;

/**
 * An investigation's life cycle as data: INVESTIGATING → REPORTED (调查报告, with the team complete)
 * → REPLIED (批复) → CLOSED (every 四不放过 item met). Each step's mutation takes its permission,
 * state check, audit action `enforcement.accident.<step>` and event from here.
 */
export const ACCIDENT_STEPS = {
  submitReport: { from: [S.INVESTIGATING], to: S.REPORTED, permission: AccidentPermission.Investigate, event: E['enforcement.accident.submitReport'], description: '提交调查报告。The report submitted; the reply falls due (submitAccidentReport).' },
  recordReply: { from: [S.REPORTED], to: S.REPLIED, permission: AccidentPermission.Investigate, event: E['enforcement.accident.recordReply'], description: '批复。The government\'s reply recorded (recordAccidentReply).' },
  close: { from: [S.REPLIED], to: S.CLOSED, permission: AccidentPermission.Investigate, event: E['enforcement.accident.close'], description: '结案。Closed when every 四不放过 item is met (closeAccidentInvestigation).' },
} as const satisfies Record<string, StepDeclaration<AccidentInvestigationStatus>>;

/** The payload of every event of an investigation. */
export const accidentPayload = (a: AccidentInvestigation): AccidentInvestigationPayload => ({ id: a.id, incidentId: a.incidentId, organizationId: a.organizationId, status: a.status, grade: a.grade });

export const ACCIDENT_WORKFLOW = defineWorkflow({
  name: 'enforcement.accident',
  entity: AccidentInvestigation,
  entityName: 'AccidentInvestigation',
  state: 'status',
  steps: ACCIDENT_STEPS,
  payload: accidentPayload,
});

export type AccidentStep = keyof typeof ACCIDENT_STEPS;
