import { Field, Int, ObjectType } from 'type-graphql';
import { UUIDScalar, LocalDateScalar } from '@platform/core';
import { ConsultationMonthStatus } from './consultation.enums';

@ObjectType({ description: '月度研判会议。A flood-season monthly meeting held in a month (id, title and day only).' })
export class ConsultationMonthMeeting {
  @Field(() => UUIDScalar, { description: '会商标识。The consultation; read it in full with `consultation(id)`.' })
  id: string;

  @Field({ description: '会议名称。Title of the meeting.' })
  title: string;

  @Field(() => LocalDateScalar, { description: '会商日期。Day it was held (YYYY-MM-DD).' })
  heldOn: string;
}

@ObjectType({ description: '汛期月度研判情况。One flood-season month (May–September) of a year for one convening organization: whether its monthly consultation was held.' })
export class ConsultationFloodSeasonMonth {
  @Field(() => Int, { description: '年份。The year.' })
  year: number;

  @Field(() => Int, { description: '月份。The month, 5 (May) to 9 (September).' })
  month: number;

  @Field(() => ConsultationMonthStatus, { description: '情况。HELD when a flood-season monthly meeting was held; MISSING when the month is over without one; UPCOMING for the current month not yet held.' })
  status: ConsultationMonthStatus;

  @Field(() => Int, { description: '召开次数。How many flood-season monthly meetings were held that month.' })
  heldCount: number;

  @Field(() => [ConsultationMonthMeeting], { description: '会议。The meetings held that month, earliest first (at most 10; a fixed, small list, not paginated).' })
  meetings: ConsultationMonthMeeting[];
}
