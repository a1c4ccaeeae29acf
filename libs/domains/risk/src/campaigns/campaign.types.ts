import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '整治进展。Figures of a campaign, counted over the targets and linked hazards in your hazard scope.' })
export class CampaignProgress {
  @Field(() => Int, { description: '对象数。Organizations targeted.' })
  targets: number;

  @Field(() => Int, { description: '有隐患对象数。Targeted organizations with at least one linked hazard (rejected ones aside).' })
  targetsWithHazards: number;

  @Field(() => Int, { description: '隐患数。Linked hazards, rejected ones aside.' })
  hazards: number;

  @Field(() => Int, { description: '已销号。Linked hazards closed.' })
  closed: number;

  @Field(() => Int, { description: '未销号。Linked hazards still open (neither closed nor rejected).' })
  open: number;

  @Field(() => Int, { description: '逾期。Open linked hazards past their deadline.' })
  overdue: number;

  @Field(() => Float, { nullable: true, description: '销号率。Closed share of the linked hazards, 0 to 1; null when there are none.' })
  closedShare: number | null;
}
