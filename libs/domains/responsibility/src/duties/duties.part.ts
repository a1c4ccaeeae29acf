import type { ResponsibilityPart } from '../responsibility.part';
import { DutyAction, DutyItem, DutyList } from './duty-list.entity';
import { DutyReport } from './duty-report.entity';
import { DutyItemResolver, DutyListResolver } from './duty-list.resolver';
import { DutyActionResolver } from './duty-action.resolver';
import { DutyReportResolver } from './duty-report.resolver';
import { dutyListCoverage } from './duty-indicator';
import { seedDuties } from './duty.seed';
import { CreateDuties1764403830000 } from '../migrations/1764403830000-create-duties';
import { dutyBusinessRules } from '../business-rules/duties';
import { dutyNodeEntities } from './duties.entities';
import { dutyEvents } from './duties.events';
import { dutyPermissions } from './duties.permissions';

/** 职责清单与述职 (point 一): officials' duty lists per year (signed, revised, compared), the actions recorded against them, duty reports, and duty-list coverage. */
export const dutiesPart: ResponsibilityPart = {
  entities: [DutyList, DutyItem, DutyAction, DutyReport],
  resolvers: [DutyListResolver, DutyItemResolver, DutyActionResolver, DutyReportResolver],
  migrations: [CreateDuties1764403830000],
  permissions: dutyPermissions,
  scopedEntities: dutyNodeEntities,
  events: [dutyEvents],
  businessRules: dutyBusinessRules,
  indicators: [dutyListCoverage],
  seed: seedDuties,
};
