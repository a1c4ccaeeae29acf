import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '@platform/core';

/** Which clock of a tip runs. */
export enum TipClockStep {
  ACCEPT = 'ACCEPT',
  HANDLE = 'HANDLE',
  FOLLOW_UP = 'FOLLOW_UP',
}

registerEnumType(TipClockStep, {
  name: 'TipClockStep',
  description: '举报时限环节。Which clock of a tip runs.',
  valuesConfig: {
    ACCEPT: { description: '受理。Acceptance, while RECEIVED.' },
    HANDLE: { description: '办结。Handling, from acceptance until closed (extensions included).' },
    FOLLOW_UP: { description: '回访。The follow-up after closing, until answered.' },
  },
});

@ObjectType({ description: '举报时限。The clock running on a tip (reporting.tip-sla, the version the tip keeps): acceptance while RECEIVED, handling until closed, the follow-up after closing.' })
export class TipClock {
  @Field(() => TipClockStep, { description: '环节。Which clock runs.' })
  step: TipClockStep;

  @Field(() => DateTimeScalar, { description: '期限。When it is due (24:00 China time of the last day).' })
  dueAt: Date;

  @Field({ description: '已超时。True when the due time has passed.' })
  overdue: boolean;
}
