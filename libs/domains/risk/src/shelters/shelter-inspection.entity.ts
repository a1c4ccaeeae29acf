import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, UUIDScalar, Node, LocalDateScalar } from '@platform/core';
import { ShelterInspectionResult } from './shelter.enums';

/** An inspection is a fact on record: written once, never updated, so it has no version. */
@ObjectType({ implements: Node, description: '避难场所检查记录。One inspection of a shelter: when, by whom, with what result and findings.' })
@Entity('shelter_inspection')
@Index('shelter_inspection_shelter_idx', ['shelterId', 'inspectedOn'])
export class ShelterInspection {
  @Field(() => UUIDScalar, { description: '标识。Id of the inspection.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '避难场所标识。The shelter inspected.' })
  @Column({ type: 'uuid' })
  shelterId: string;

  @Field(() => LocalDateScalar, { description: '检查日期。Day of the inspection (YYYY-MM-DD, China time).' })
  @Column({ type: 'date' })
  inspectedOn: string;

  @Field(() => UUIDScalar, { nullable: true, description: '检查人标识。The person who inspected; null when not recorded.' })
  @Column({ type: 'uuid', nullable: true })
  inspectorPersonId: string | null;

  @Field(() => ShelterInspectionResult, { description: '检查结果。Passed, or issues found.' })
  @Column({ type: 'text' })
  result: ShelterInspectionResult;

  @Field(() => String, { nullable: true, description: '发现问题。What was found and what needs fixing.' })
  @Column({ type: 'text', nullable: true })
  findings: string | null;

  @Field(() => DateTimeScalar, { description: '录入时间。When the inspection was recorded.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
