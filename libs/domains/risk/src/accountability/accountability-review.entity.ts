import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { IsEnum, IsUUID, Length } from 'class-validator';
import { BaseRecord, LocalDateScalar, UUIDScalar, Node } from '@platform/core';

export enum AccountabilityReason {
  OVERDUE = 'OVERDUE',
  RECURRED = 'RECURRED',
}

registerEnumType(AccountabilityReason, {
  name: 'AccountabilityReason',
  description: '倒查原因。Why a major hazard\'s handling is reviewed.',
  valuesConfig: {
    OVERDUE: { description: '逾期未整改。Not rectified by its deadline.' },
    RECURRED: { description: '整改后复发。Came back after it was rectified.' },
  },
});

@ObjectType({ implements: Node, description: '责任倒查。A review of who answered for a major hazard that was overdue or recurred (重大事故隐患责任倒查追究), and its outcome.' })
@Entity('accountability_review')
@Index('accountability_review_hazard_idx', ['hazardId'])
export class AccountabilityReview extends BaseRecord {
  @Field(() => UUIDScalar, { description: '隐患标识。The major hazard reviewed.' })
  @Column({ type: 'uuid' })
  hazardId: string;

  @Field(() => AccountabilityReason, { description: '原因。Overdue or recurred.' })
  @Column({ type: 'text' })
  reason: AccountabilityReason;

  @Field({ description: '调查情况。What the review found.' })
  @Column({ type: 'text' })
  findings: string;

  @Field({ description: '责任单位和人员。Who was found responsible.' })
  @Column({ type: 'text' })
  responsibleParties: string;

  @Field({ description: '处理结果。What was decided (warning interview, notice, penalty referral…).' })
  @Column({ type: 'text' })
  outcome: string;

  @Field(() => LocalDateScalar, { description: '决定日期。When it was decided (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  decidedOn: string;
}

@InputType({ description: '责任倒查输入。Records the accountability review of a major hazard.' })
export class RecordAccountabilityReviewInput {
  @Field(() => UUIDScalar, { description: '隐患标识。A MAJOR hazard in your scope.' })
  @IsUUID()
  hazardId: string;

  @Field(() => AccountabilityReason, { description: '原因。OVERDUE needs a hazard past its deadline (still open, or closed late).' })
  @IsEnum(AccountabilityReason)
  reason: AccountabilityReason;

  @Field({ description: '调查情况。10–4000 characters.' })
  @Length(10, 4000)
  findings: string;

  @Field({ description: '责任单位和人员。2–1000 characters.' })
  @Length(2, 1000)
  responsibleParties: string;

  @Field({ description: '处理结果。2–2000 characters.' })
  @Length(2, 2000)
  outcome: string;

  @Field(() => LocalDateScalar, { description: '决定日期。YYYY-MM-DD.' })
  decidedOn: string;
}
