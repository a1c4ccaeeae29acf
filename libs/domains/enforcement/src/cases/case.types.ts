import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@platform/core';
import { PenaltyCaseWarningKind } from './case.enums';

@ObjectType({ description: '案件时限预警。A deadline of a penalty case that is near or past (decision, hearing request, service, payment); shown, not refused.' })
export class PenaltyCaseWarning {
  @Field(() => PenaltyCaseWarningKind, { description: '预警类别。Which deadline and whether it is near or past.' })
  kind: PenaltyCaseWarningKind;

  @Field(() => LocalDateScalar, { description: '期限。The deadline.' })
  dueOn: string;

  @Field(() => Int, { description: '剩余天数。Calendar days from today to the deadline (negative when past).' })
  daysLeft: number;

  @Field({ description: '说明。What the warning is about, in Chinese.' })
  message: string;
}
