import { Field, Int, ObjectType } from 'type-graphql';
import { UUIDScalar } from '@platform/core';

@ObjectType({ description: '数据健康评估结果。What an evaluation of data health changed (a second run at the same instant changes nothing).' })
export class DataHealthResult {
  @Field(() => Int, { description: '新缺口。Gaps found.' })
  gapsFound: number;

  @Field(() => Int, { description: '更新缺口。Known gaps that ended or grew.' })
  gapsChanged: number;

  @Field(() => [UUIDScalar], { description: '新数据中断报警。STALE alarms raised.' })
  staleAlarmsRaised: string[];

  @Field(() => [UUIDScalar], { description: '更新数据中断报警。STALE alarms whose data resumed.' })
  staleAlarmsChanged: string[];

  @Field(() => Int, { description: '新执法线索。Enforcement leads found.' })
  leadsFound: number;
}
