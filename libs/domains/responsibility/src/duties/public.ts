// The part's public face (re-exported by the module's index.ts): other modules read duty lists and reports through these declarations.
export { DutyPermission } from './duties.permissions';
export { DutyLists, DutyItems, DutyActions, DutyReports } from './duties.entities';
export { DutyList, DutyItem, DutyAction } from './duty-list.entity';
// Scoped readers by id (DataLoader), for other modules' relation fields (e.g. scenarios' DutyLedger.list).
export { DutyListReference, DutyItemReference } from './duty.loaders';
export { DutyReport } from './duty-report.entity';
export { DutyListStatus, DutyReportStatus, DutyCategory, DutyItemChangeKind, DutyItemField } from './duty.enums';
export { dutyEvents, type DutyEvents } from './duties.events';
export { dutyRules, type DutyRule } from './duties.rules';
export { DUTY_REPORT_DEADLINE } from '../business-rules/duties';
export { dutyListCoverage } from './duty-indicator';
