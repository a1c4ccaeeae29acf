import { Field, Int, ObjectType } from 'type-graphql';
import { UUIDScalar } from '@platform/core';

/** A village or community with its fallback terminals counted (a row of `villagesWithoutReadyFallback`). */
@ObjectType({ description: '村（社区）保底通信情况。A village or community with its emergency fallback terminals counted: those not retired and those ready today.' })
export class VillageFallback {
  @Field(() => UUIDScalar, { description: '村（社区）标识。The village or community.' })
  organizationId: string;

  @Field({ description: '村（社区）名称。Its name.' })
  organizationName: string;

  @Field(() => Int, { description: '终端数。Its terminals that are not retired.' })
  terminalCount: number;

  @Field(() => Int, { description: '就绪终端数。Its terminals ready today (0 in this list: the target is no such village).' })
  readyTerminalCount: number;
}
