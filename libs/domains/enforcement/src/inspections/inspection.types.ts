import { Field, Float, Int, ObjectType } from 'type-graphql';
import { UUIDScalar } from '@platform/core';
import { InspectionWarningKind } from './inspection.enums';

@ObjectType({ description: '检查预警。A warning on an inspection (国办发〔2024〕54号 big-data alerts): a repeat of another inspection of the same enterprise, or the yearly cap reached; shown, not refused.' })
export class InspectionWarning {
  @Field(() => InspectionWarningKind, { description: '预警类别。REPEAT or NEAR_CAP.' })
  kind: InspectionWarningKind;

  @Field({ description: '说明。What the warning is about, in Chinese.' })
  message: string;

  @Field(() => UUIDScalar, { nullable: true, description: '相关检查标识。The other inspection a REPEAT is about; null for NEAR_CAP.' })
  relatedInspectionId: string | null;
}

@ObjectType({ description: '计划月度进度。One month of an annual inspection plan: inspections planned (by the entries\' planned months) and done (visits recorded by the plan\'s legal subject at enterprises of the plan), by class, and cumulative from January.' })
export class InspectionPlanMonthProgress {
  @Field(() => Int, { description: '月份。1 to 12.' })
  month: number;

  @Field(() => Int, { description: '计划检查数（重点）。Inspections of key enterprises planned in the month.' })
  plannedKey: number;

  @Field(() => Int, { description: '计划检查数（一般）。Inspections of ordinary enterprises planned in the month.' })
  plannedOrdinary: number;

  @Field(() => Int, { description: '计划检查数。All inspections planned in the month.' })
  planned: number;

  @Field(() => Int, { description: '完成检查数（重点）。Visits recorded in the month at key enterprises of the plan.' })
  doneKey: number;

  @Field(() => Int, { description: '完成检查数（一般）。Visits recorded in the month at ordinary enterprises of the plan.' })
  doneOrdinary: number;

  @Field(() => Int, { description: '完成检查数。All visits recorded in the month at enterprises of the plan.' })
  done: number;

  @Field(() => Int, { description: '累计计划数。Inspections planned from January to this month.' })
  cumulativePlanned: number;

  @Field(() => Int, { description: '累计完成数。Visits recorded from January to this month.' })
  cumulativeDone: number;

  @Field(() => Float, { nullable: true, description: '累计执行率。cumulativeDone ÷ cumulativePlanned; null when nothing was planned yet (may exceed 1).' })
  cumulativeRate: number | null;
}

@ObjectType({ description: '计划执行进度。How far an annual inspection plan has come: inspections planned and done over the year, by class and month, within your scope for inspections.' })
export class InspectionPlanProgress {
  @Field(() => Int, { description: '计划检查数。Inspections planned over the year.' })
  planned: number;

  @Field(() => Int, { description: '完成检查数。Visits recorded over the year by the plan\'s legal subject at enterprises of the plan.' })
  done: number;

  @Field(() => Float, { nullable: true, description: '执行率。done ÷ planned; null when nothing is planned.' })
  rate: number | null;

  @Field(() => [InspectionPlanMonthProgress], { description: '月度进度。Twelve months, January first.' })
  months: InspectionPlanMonthProgress[];
}
