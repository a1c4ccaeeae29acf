import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, Node, LocalDateScalar } from '@platform/core';

@ObjectType({ implements: Node, description: '专家指导记录。An expert guidance visit to an enterprise (专家进企业): who visited, when, what was found and the hazards raised.' })
@Entity('expert_visit')
@Index('expert_visit_organization_idx', ['organizationId', 'visitedOn'])
export class ExpertVisit extends BaseRecord {
  @Field(() => UUIDScalar, { description: '受检企业标识。The enterprise visited; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '专家姓名。Name of the expert, as written on the visit record.' })
  @Column({ type: 'text' })
  expertName: string;

  @Field(() => UUIDScalar, { nullable: true, description: '专家人员标识。The expert in the person directory; null when not registered there.' })
  @Column({ type: 'uuid', nullable: true })
  expertPersonId: string | null;

  @Field(() => LocalDateScalar, { description: '指导日期。Day of the visit (YYYY-MM-DD, China time).' })
  @Column({ type: 'date' })
  visitedOn: string;

  @Field({ description: '指导意见。What the expert found and advised.' })
  @Column({ type: 'text' })
  findings: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the record was archived; null while current.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

/** Link: a hazard raised by a visit (the hazard itself lives on in its own life cycle). */
@Entity('expert_visit_hazard')
@Index('expert_visit_hazard_hazard_idx', ['hazardId'])
export class ExpertVisitHazard {
  @PrimaryColumn({ type: 'uuid' })
  visitId: string;

  @PrimaryColumn({ type: 'uuid' })
  hazardId: string;
}
