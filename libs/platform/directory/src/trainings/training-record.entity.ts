import { Field, Float, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, Node, UUIDScalar, LocalDateScalar } from '@platform/core';
import { TrainingKind } from './training-kind.enum';

/** A training is a fact on record: written once, never updated, so it has no version. */
@ObjectType({ implements: Node, description: '培训记录。One training a person took part in: topic, kind, day, hours, provider and certificate.' })
@Entity('training_record')
@Index('training_record_person_idx', ['personId', 'trainedOn'])
export class TrainingRecord {
  @Field(() => UUIDScalar, { description: '标识。Id of the training record.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '人员标识。The person trained.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field({ description: '培训主题。What the training covered, e.g. 灾情信息报送业务培训.' })
  @Column({ type: 'text' })
  topic: string;

  @Field(() => TrainingKind, { description: '培训类别。What kind of training it was.' })
  @Column({ type: 'text' })
  kind: TrainingKind;

  @Field(() => LocalDateScalar, { description: '培训日期。Day of the training (YYYY-MM-DD, China time).' })
  @Column({ type: 'date' })
  trainedOn: string;

  @Field(() => Float, { description: '学时。Length of the training in hours, one decimal.' })
  @Column({ type: 'numeric', precision: 5, scale: 1, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  hours: number;

  @Field({ description: '培训单位。Who gave the training, e.g. 南川区应急管理局.' })
  @Column({ type: 'text' })
  provider: string;

  @Field(() => String, { nullable: true, description: '证书编号。Number of the certificate issued; null when none.' })
  @Column({ type: 'text', nullable: true })
  certificateNo: string | null;

  @Field(() => DateTimeScalar, { description: '录入时间。When the training was recorded.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
