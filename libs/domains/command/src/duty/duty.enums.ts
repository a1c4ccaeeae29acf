import { registerEnumType } from 'type-graphql';

/** Who a person is on a duty shift. */
export enum DutyRole {
  LEADER = 'LEADER',
  STAFF = 'STAFF',
}

/** Where a duty assignment stands: ASSIGNED → CONFIRMED → CHECKED_IN → HANDED_OVER, or CANCELLED before check-in. */
export enum DutyAssignmentStatus {
  ASSIGNED = 'ASSIGNED',
  CONFIRMED = 'CONFIRMED',
  CHECKED_IN = 'CHECKED_IN',
  HANDED_OVER = 'HANDED_OVER',
  CANCELLED = 'CANCELLED',
}

/** Which coverage rules apply on a day: the flood season (汛期, flood-season in @platform/core) is stricter. */
export enum DutySeason {
  NORMAL = 'NORMAL',
  FLOOD = 'FLOOD',
}

registerEnumType(DutyRole, {
  name: 'DutyRole',
  description: '值班角色。Who a person is on a duty shift.',
  valuesConfig: {
    LEADER: { description: '带班领导。The leader in charge of the shift.' },
    STAFF: { description: '值班人员。Staff on duty (phones, records, patrols).' },
  },
});
registerEnumType(DutyAssignmentStatus, {
  name: 'DutyAssignmentStatus',
  description: '排班状态。Where a duty assignment stands, in this order; CANCELLED only before check-in.',
  valuesConfig: {
    ASSIGNED: { description: '已排班。Put on the roster; the person has not confirmed yet.' },
    CONFIRMED: { description: '已确认。The person confirmed they will be on duty.' },
    CHECKED_IN: { description: '已签到。The person checked in at the start of the shift.' },
    HANDED_OVER: { description: '已交班。The shift was handed over with a note of what happened and what is pending.' },
    CANCELLED: { description: '已取消。Taken off the roster; not counted for coverage.' },
  },
});
registerEnumType(DutySeason, {
  name: 'DutySeason',
  description: '值班季节。Which coverage rules apply on a day.',
  valuesConfig: {
    NORMAL: { description: '平时。Outside the flood season.' },
    FLOOD: { description: '汛期。The flood season, May to September: stricter coverage.' },
  },
});
