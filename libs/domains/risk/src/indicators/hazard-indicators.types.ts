import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { LocalDateScalar, UUIDScalar } from '@platform/core';
import { HazardGrade, HazardStatus } from '../hazards/hazard.enums';

@ArgsType()
export class HazardIndicatorArgs {
  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period (YYYY-MM-DD, China Standard Time).' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。Day after the period (YYYY-MM-DD, exclusive).' })
  to: string;

  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only hazards at this organization or below it (within your scope).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ObjectType({ description: '隐患数量。How many hazards found in the period have a grade and state.' })
export class HazardCount {
  @Field(() => HazardGrade, { nullable: true, description: '等级。Null for hazards not graded yet.' })
  grade: HazardGrade | null;

  @Field(() => HazardStatus, { description: '状态。Current state.' })
  status: HazardStatus;

  @Field(() => Int, { description: '数量。How many.' })
  count: number;
}

@ObjectType({ description: '逾期账龄。Open hazards past their deadline today, by days overdue.' })
export class OverdueAgeing {
  @Field(() => Int, { description: '1–7 天。Overdue 1 to 7 days.' })
  days1To7: number;

  @Field(() => Int, { description: '8–30 天。Overdue 8 to 30 days.' })
  days8To30: number;

  @Field(() => Int, { description: '31–90 天。Overdue 31 to 90 days.' })
  days31To90: number;

  @Field(() => Int, { description: '90 天以上。Overdue more than 90 days.' })
  over90: number;

  @Field(() => Int, { description: '合计。All overdue hazards.' })
  total: number;
}

@ObjectType({ description: '隐患指标。Hazard figures for an organization subtree and a period, within your scope, computed in the database.' })
export class HazardIndicators {
  @Field(() => [HazardCount], { description: '按等级和状态。Hazards found in the period by grade and state (at most 24 entries).' })
  byGradeAndStatus: HazardCount[];

  @Field(() => Int, { description: '期内发现。Hazards found in the period, rejected reports excluded.' })
  found: number;

  @Field(() => Int, { description: '企业自查发现。Of those, found by the enterprises themselves (自查自报).' })
  selfReported: number;

  @Field(() => Float, { nullable: true, description: '自查发现占比。selfReported ÷ found; null when nothing was found.' })
  selfReportedShare: number | null;

  @Field(() => Int, { description: '期内到期重大隐患。Major hazards whose rectification deadline falls in the period.' })
  majorDue: number;

  @Field(() => Int, { description: '按期整改重大隐患。Of those, closed on or before their deadline.' })
  majorClosedOnTime: number;

  @Field(() => Float, { nullable: true, description: '重大隐患按期整改率。majorClosedOnTime ÷ majorDue (work-plan target 1.0 = 100%); null when none was due.' })
  majorOnTimeRate: number | null;

  @Field(() => OverdueAgeing, { description: '逾期账龄。Open hazards overdue today, by age.' })
  overdue: OverdueAgeing;
}
