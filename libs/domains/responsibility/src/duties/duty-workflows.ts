import { defineWorkflow } from '@platform/core';
import { DutyList } from './duty-list.entity';
import { DutyReport } from './duty-report.entity';
import { DutyListStatus, DutyReportStatus } from './duty.enums';
import { DutyPermission } from './duties.permissions';
import { dutyEvents } from './duties.events';

/**
 * A duty list's life cycle: DRAFT → (sign) SIGNED. Signed is final: a change is a revision (a new
 * draft copied from it). Audit action `responsibility.duty-list.sign`.
 */
export const DUTY_LIST_WORKFLOW = defineWorkflow({
  name: 'responsibility.duty-list',
  entity: DutyList,
  entityName: 'DutyList',
  state: 'status',
  steps: {
    sign: { from: [DutyListStatus.DRAFT], to: DutyListStatus.SIGNED, permission: DutyPermission.Manage, event: dutyEvents['responsibility.duty-list.signed'], description: '签订。Signed by its official.' },
  },
  payload: (list) => ({ id: list.id, personId: list.personId, organizationId: list.organizationId, year: list.year }),
});

/** A duty report's life cycle: DRAFT → (submit) SUBMITTED, then immutable. Audit action `responsibility.duty-report.submit`. */
export const DUTY_REPORT_WORKFLOW = defineWorkflow({
  name: 'responsibility.duty-report',
  entity: DutyReport,
  entityName: 'DutyReport',
  state: 'status',
  steps: {
    submit: { from: [DutyReportStatus.DRAFT], to: DutyReportStatus.SUBMITTED, permission: DutyPermission.Record, event: dutyEvents['responsibility.duty-report.submitted'], description: '提交。Submitted and archived.' },
  },
  payload: (report) => ({ id: report.id, personId: report.personId, organizationId: report.organizationId }),
});
