export { warningsModule } from './warnings.module';
export { WarningPermission } from './permissions';
export { WarningLevel, WarningHazardType, WarningMessageType, WarningStatus } from './model/warning.enums';
export { Warning } from './model/warning.entity';
