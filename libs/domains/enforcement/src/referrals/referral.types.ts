import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@platform/core';
import { ReferralClockStep } from '../referral-flags/public';

@ObjectType({ description: '移送时限。The running clock of a referral (应急〔2019〕54号): the head\'s decision while REPORTED, the transfer while DECIDED to transfer, the police\'s answer while TRANSFERRED; with its warning.' })
export class ReferralClock {
  @Field(() => ReferralClockStep, { description: '环节。Which clock runs.' })
  step: ReferralClockStep;

  @Field(() => DateTimeScalar, { description: '期限。When the step is due.' })
  dueAt: Date;

  @Field(() => DateTimeScalar, { description: '预警时间。From when the step is warned of as due soon: the due time less the rule version\'s warnHours.' })
  warnFrom: Date;

  @Field({ description: '即将到期。True from the warning time until the due time.' })
  dueSoon: boolean;

  @Field({ description: '已超时。True when the due time has passed and the step is not done.' })
  overdue: boolean;
}
