// The tips' clocks (issue 21), below the intake and the handling parts, which both use them: the
// per-channel SLA rule, the due times computed on the kernel calendar (started at intake, with the
// escalation of tips involving deaths), whether a tip is past or met its clock, and the public status
// the reporter and the Open311 view see.
export { startTipClocks, DEATH_ESCALATION_REASON } from './tip-clocks.start';
export { tipExpectedAt, tipPublicStatus, tipStatusNote } from './tip-public-status';
export { TIP_SLA_RULE, TIP_SLA_RULE_SEEDS, type TipSla, type TipChannelClock, type TipDayKind } from '../business-rules/tips';
export {
  pastSla,
  pastSlaSql,
  slaMet,
  slaMetSql,
  extendedDueAt,
  extendedDueSql,
  runningClock,
  channelClock,
  daysAfter,
  dueTimes,
  storedSla,
  FINISHED_STATUSES,
  HANDLING_STATUSES,
} from './tip-clock';
