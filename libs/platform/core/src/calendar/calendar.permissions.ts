import { EVERY_STAFF_ROLE, definePermissions } from '../access/permission';

/** Permissions of the working-day calendar. */
export const CalendarPermission = {
  Read: 'kernel.calendar:read',
  Manage: 'kernel.calendar:manage',
} as const;

export const calendarPermissions = definePermissions([
  {
    code: CalendarPermission.Read,
    nameZh: '查看工作日历',
    description: 'Read the working-day calendar (holidays and make-up working days) and compute working-day deadlines.',
    grantedTo: { ...EVERY_STAFF_ROLE, 'integration-readonly': 'ALL' },
  },
  {
    code: CalendarPermission.Manage,
    nameZh: '维护工作日历',
    description: 'Enter, change and remove the days of the working-day calendar as the State Council notices set them.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
]);
