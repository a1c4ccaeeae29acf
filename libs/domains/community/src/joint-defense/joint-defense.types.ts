import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '联防组概况。Figures of a joint defense group over its listed households.' })
export class JointDefenseGroupSummary {
  @Field(() => Int, { description: '户数。Households listed in the group.' })
  households: number;

  @Field(() => Int, { description: '人数。People living in those households.' })
  people: number;

  @Field(() => Int, { nullable: true, description: '重点户数。Households with a vulnerable member (独居老人, 残疾人, 儿童, 行动不便); null unless you hold rescue.household:read-sensitive for the group\'s organization.' })
  vulnerableHouseholds: number | null;
}
