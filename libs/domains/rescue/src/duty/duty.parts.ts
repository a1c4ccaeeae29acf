import type { ModuleParts } from '../shared/module-parts';
import { DutyAssignment, DutyRequirement, DutyShift } from './duty.entity';
import { DutyAssignmentResolver, DutyCoverageResolver, DutyDoubleBookingResolver, DutyGapResolver, DutyRequirementResolver, DutyShiftResolver } from './duty.resolver';
import { seedDuty } from './duty.seed';
import { CreateDutyRosters1764402100000 } from '../migrations/1764402100000-create-duty-rosters';

/** 值班值守 (work plan point 十二): shift templates, assignments through hand-over, coverage rules as data and the coverage query. */
export const dutyParts: ModuleParts = {
  entities: [DutyShift, DutyAssignment, DutyRequirement],
  resolvers: [DutyShiftResolver, DutyAssignmentResolver, DutyRequirementResolver, DutyCoverageResolver, DutyGapResolver, DutyDoubleBookingResolver],
  migrations: [CreateDutyRosters1764402100000],
  seed: seedDuty,
};
