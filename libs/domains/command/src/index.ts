export { commandModule } from './command.module';
export { CommandPermission } from './permissions';
// The duty shift interval, for the warnings' escalation chain (who is on duty when a delivery is escalated).
export { DUTY_INTERVAL_SQL } from './duty/duty.sql';
