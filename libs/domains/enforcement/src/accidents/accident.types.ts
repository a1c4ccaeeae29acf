import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@platform/core';
import { AccidentWarningKind } from './accident.enums';

@ObjectType({ description: '事故调查预警。A warning on an investigation: a report or reply due soon or overdue, the team incomplete, the accident reported late; shown, not refused.' })
export class AccidentWarning {
  @Field(() => AccidentWarningKind, { description: '预警类别。What it warns of.' })
  kind: AccidentWarningKind;

  @Field({ description: '说明。What the warning is about, in Chinese.' })
  message: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '期限。The due day it is about; null for TEAM_INCOMPLETE and REPORTED_LATE.' })
  dueOn: string | null;
}
