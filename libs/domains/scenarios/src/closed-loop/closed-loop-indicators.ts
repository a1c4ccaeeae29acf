import { IndicatorDirection, IndicatorUnit, defineIndicator } from '@platform/core';
import { ClosedLoopPermission } from './closed-loop.permissions';
import { medianDaysToStepSql } from './closed-loop.sql';

/** 隐患闭环用时中位数: the closed loop's stage time from found to verified (the view gives every stage). */
export const closedLoopMedianDaysToVerify = defineIndicator({
  code: 'scenarios.closed-loop-median-days-to-verify',
  nameZh: '隐患闭环用时中位数',
  nameEn: 'Median days to close the hazard loop (found to verified)',
  description: 'The median time between finding and verification of the hazards whose rectification was verified in the period (by China days), in calendar days with fractions; 0 when none was verified. The closed-loop view gives every stage (found → confirmed → rectified → verified) with its 90th percentile.',
  unit: IndicatorUnit.DAYS,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: ClosedLoopPermission.Read,
  compute: (ctx, s) => medianDaysToStepSql(ctx, 'verifyRectification', (c) => s.inSubtree(c), (c) => s.timeWithin(c)),
});

/** 隐患确认用时中位数: the first stage of the loop, found to confirmed. */
export const closedLoopMedianDaysToConfirm = defineIndicator({
  code: 'scenarios.closed-loop-median-days-to-confirm',
  nameZh: '隐患确认用时中位数',
  nameEn: 'Median days to confirm a hazard (found to confirmed)',
  description: 'The median time between finding and confirmation of the hazards confirmed in the period (by China days), in calendar days with fractions; 0 when none was confirmed.',
  unit: IndicatorUnit.DAYS,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: ClosedLoopPermission.Read,
  compute: (ctx, s) => medianDaysToStepSql(ctx, 'confirm', (c) => s.inSubtree(c), (c) => s.timeWithin(c)),
});

export const closedLoopIndicators = [closedLoopMedianDaysToVerify, closedLoopMedianDaysToConfirm];
