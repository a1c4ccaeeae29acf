import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@platform/core';
import { HazardSource } from '@domains/risk';
import { ClosedLoopGrouping } from './closed-loop.enums';

/** Hazards found from one source. */
@ObjectType({ description: '来源隐患数。The hazards found in the period from one source.' })
export class ClosedLoopSourceCount {
  @Field(() => HazardSource, { description: '来源。How they were found.' })
  source: HazardSource;

  @Field(() => Int, { description: '隐患数。How many.' })
  found: number;
}

/** Days between two stages of the loop. */
@ObjectType({ description: '阶段用时。Calendar days (with fractions) between two stages, over the hazards that reached both.' })
export class ClosedLoopStageTime {
  @Field(() => Int, { description: '样本数。Hazards that reached both stages.' })
  count: number;

  @Field(() => Float, { nullable: true, description: '中位数（天）。Median days; null without a sample.' })
  p50Days: number | null;

  @Field(() => Float, { nullable: true, description: '90分位（天）。90th percentile in days; null without a sample.' })
  p90Days: number | null;
}

/** One row of the closed loop: a village, a sector or the town. */
@ObjectType({ description: '隐患闭环行。The closed loop of one group (a village or community, an industry sector, or everything in your scope) over a period: risk points → hazards found by source → confirmed → rectified (on time) → verified (on time), with the days between the stages.' })
export class ClosedLoopRow {
  @Field(() => ClosedLoopGrouping, { description: '分组方式。How the row was grouped.' })
  grouping: ClosedLoopGrouping;

  @Field({ description: '分组键。The village\'s or community\'s id, the sector\'s code, or TOWN.' })
  groupKey: string;

  @Field({ description: '分组名称。The village\'s or sector\'s name, or 合计.' })
  groupName: string;

  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period (hazards found from it).' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。The day after the period (exclusive).' })
  to: string;

  @Field(() => Int, { description: '风险点数。Risk points (not archived) in the group now.' })
  riskPoints: number;

  @Field(() => Int, { description: '发现隐患数。Hazards found in the period.' })
  found: number;

  @Field(() => [ClosedLoopSourceCount], { description: '按来源。The hazards found by source (every source, zero included).' })
  bySource: ClosedLoopSourceCount[];

  @Field(() => Int, { description: '已确认数。Of them, confirmed (the confirm step taken).' })
  confirmed: number;

  @Field(() => Int, { description: '驳回数。Of them, rejected (not a hazard or a duplicate).' })
  rejected: number;

  @Field(() => Int, { description: '已整改数。Of them, rectification submitted for verification.' })
  rectified: number;

  @Field(() => Int, { description: '按期整改数。Of them, rectification submitted (last time) on or before the deadline, by China days.' })
  rectifiedOnTime: number;

  @Field(() => Int, { description: '已验收数。Of them, rectification verified.' })
  verified: number;

  @Field(() => Int, { description: '按期验收数。Of them, verified on or before the deadline, by China days.' })
  verifiedOnTime: number;

  @Field(() => Int, { description: '应验收数。Of them, those with a deadline that are verified or past their deadline (the on-time share\'s denominator).' })
  due: number;

  @Field(() => Float, { nullable: true, description: '按期闭环率。verifiedOnTime ÷ due; null when nothing was due.' })
  onTimeShare: number | null;

  @Field(() => Int, { description: '举报数。Public tips received in the period in the group.' })
  tipsReceived: number;

  @Field(() => Int, { description: '举报转隐患数。Of them, tips turned into a hazard.' })
  tipsToHazards: number;

  @Field(() => Int, { description: '监测报警转隐患数。Hazards found in the period from a sensor alarm (source SENSOR).' })
  alarmsToHazards: number;

  @Field(() => ClosedLoopStageTime, { description: '发现到确认。Days from found to confirmed.' })
  foundToConfirmed: ClosedLoopStageTime;

  @Field(() => ClosedLoopStageTime, { description: '确认到整改。Days from confirmed to the (last) submission of the rectification.' })
  confirmedToRectified: ClosedLoopStageTime;

  @Field(() => ClosedLoopStageTime, { description: '整改到验收。Days from the (last) submission to the verification.' })
  rectifiedToVerified: ClosedLoopStageTime;

  @Field(() => ClosedLoopStageTime, { description: '发现到验收。Days from found to verified: the whole loop.' })
  foundToVerified: ClosedLoopStageTime;
}
