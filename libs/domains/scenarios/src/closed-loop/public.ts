// The closed loop's public face (re-exported by the module's index.ts).
export { ClosedLoopPermission } from './closed-loop.permissions';
export { ClosedLoopGrouping } from './closed-loop.enums';
export { ClosedLoopRow, ClosedLoopSourceCount, ClosedLoopStageTime } from './closed-loop.types';
export { closedLoopPage, type ClosedLoopQuery } from './closed-loop.sql';
export { closedLoopMedianDaysToConfirm, closedLoopMedianDaysToVerify } from './closed-loop-indicators';
export { medianDaysToStepSql, type MeasuredStep } from './closed-loop.sql';
