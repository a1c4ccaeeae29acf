import { Field, Int, ObjectType } from 'type-graphql';
import { UUIDScalar } from '@platform/core';

@ObjectType({ description: '待转移住户。A household with a vulnerable member to move first (独居老人, 残疾人, 儿童…), from the ten-household joint defense (personal data; reads are audited).' })
export class EvacuationHousehold {
  @Field(() => UUIDScalar, { description: '住户标识。The household.' })
  householdId: string;

  @Field(() => UUIDScalar, { description: '联防组标识。Its joint defense group.' })
  groupId: string;

  @Field(() => UUIDScalar, { description: '联防组长标识。The group leader, to be told along with the household.' })
  leaderPersonId: string;

  @Field({ description: '户主。Name of the head of the household.' })
  headName: string;

  @Field({ description: '住址。Where the household lives.' })
  address: string;

  @Field(() => String, { nullable: true, description: '电话。The household\'s phone, unmasked; null when unknown.' })
  phone: string | null;

  @Field(() => Int, { description: '人数。People living in the household.' })
  memberCount: number;

  @Field({ description: '独居老人。An elderly person living alone.' })
  elderlyLivingAlone: boolean;

  @Field(() => Int, { description: '残疾人数。Members with a disability.' })
  disabledMembers: number;

  @Field(() => Int, { description: '儿童人数。Children.' })
  childrenMembers: number;

  @Field(() => String, { nullable: true, description: '其他情况。Another reason to help the household first, e.g. 行动不便.' })
  vulnerabilityNote: string | null;
}

@ObjectType({ description: '转移对象。Who an evacuation action moves: the listed households of the delivery\'s organization and, where you may see them, the vulnerable ones first.' })
export class EvacuationHouseholds {
  @Field(() => Int, { description: '户数。Listed households of the organization\'s joint defense groups that you may read.' })
  households: number;

  @Field(() => Int, { description: '人数。People living in them.' })
  people: number;

  @Field(() => [EvacuationHousehold], { description: '重点户。The vulnerable households in the order to move them (elderly living alone first, then by vulnerable members); empty unless you hold rescue.household:read-sensitive there.' })
  vulnerable: EvacuationHousehold[];
}

@ObjectType({ description: '受威胁情况。What the risk module\'s geological-hazard and flood points of the delivery\'s organization and below threaten, counted over the points you may read.' })
export class EvacuationThreat {
  @Field(() => Int, { description: '风险点数。Active geological-hazard and flood risk points (all of them, also beyond the listed 50).' })
  riskPoints: number;

  @Field(() => Int, { description: '受威胁户数。Households they threaten, summed.' })
  households: number;

  @Field(() => Int, { description: '受威胁人数。People they threaten, summed.' })
  people: number;
}
