import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, Node, UUIDScalar, LocalDateScalar } from '@platform/core';

@ObjectType({ implements: Node, description: '任职。A position a person holds in an organization, e.g. 村委会主任 in a village or 安全管理员 in an enterprise.' })
@Entity('person_position')
@Index('person_position_person_idx', ['personId'])
@Index('person_position_organization_idx', ['organizationId'])
export class Position extends BaseRecord {

  @Field(() => UUIDScalar, { description: '人员标识。Id of the person.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => UUIDScalar, { description: '组织标识。Id of the organization.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '职务。Title, e.g. 党委书记, 网格员, 安全管理员.' })
  @Column({ type: 'text' })
  title: string;

  @Field({ description: '负责人。True when the position leads the organization (主要负责人).' })
  @Column({ type: 'boolean', default: false })
  isLead: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '任职开始日期。Start date (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  startedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '任职结束日期。End date (YYYY-MM-DD); null while the position is held.' })
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;


}
