import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, UUIDScalar, Node, LocalDateScalar } from '@platform/core';
import { DisasterOfficerRole } from './disaster-officer.enums';

/** The phone is the person's (masked as there), so it is not copied here. */
@ObjectType({ implements: Node, description: '灾害信息员。A person appointed to report disasters (灾情信息报送) for a village or community, as primary (A岗) or backup (B岗).' })
@Entity('disaster_information_officer')
@Index('disaster_information_officer_organization_idx', ['organizationId'])
@Index('disaster_information_officer_person_idx', ['personId'])
export class DisasterInformationOfficer extends BaseRecord {
  @Field(() => UUIDScalar, { description: '村（社区）标识。The village or community the officer serves; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { description: '人员标识。The person appointed.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => DisasterOfficerRole, { description: '岗位。Primary (A) or backup (B).' })
  @Column({ type: 'text' })
  role: DisasterOfficerRole;

  @Field(() => LocalDateScalar, { description: '任命日期。Day of the appointment (YYYY-MM-DD, China time).' })
  @Column({ type: 'date' })
  appointedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '离任日期。Day the appointment ended (YYYY-MM-DD); null while serving.' })
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;
}
