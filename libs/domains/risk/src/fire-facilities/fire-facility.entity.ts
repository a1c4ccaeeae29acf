import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DateTimeScalar, LocatedRecord, UUIDScalar, Node, LocalDateScalar } from '@platform/core';
import { FireFacilityKind, FireFacilityStatus } from './fire-facility.enums';

@ObjectType({ implements: Node, description: '社区消防设施。A fire facility kept by a village, community or institution (hydrant, extinguishers, alarm…), inspected at a fixed interval.' })
@Entity('fire_facility')
@Index('fire_facility_organization_idx', ['organizationId'])
export class FireFacility extends LocatedRecord {
  @Field(() => UUIDScalar, { description: '管理单位标识。The organization that keeps the facility; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => FireFacilityKind, { description: '种类。What kind of facility.' })
  @Column({ type: 'text' })
  kind: FireFacilityKind;

  @Field({ description: '描述。What and where exactly, e.g. 村委会一楼走廊灭火器.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => Int, { description: '数量。How many units (at least 1).' })
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '最近检查日期。Day of the last inspection (YYYY-MM-DD); null when never inspected.' })
  @Column({ type: 'date', nullable: true })
  lastInspectedOn: string | null;

  @Field(() => Int, { description: '检查周期（天）。Days allowed between inspections; past them the facility is overdue.' })
  @Column({ type: 'int', default: 30 })
  inspectionIntervalDays: number;

  @Field(() => FireFacilityStatus, { description: '状态。Condition as last found.' })
  @Column({ type: 'text' })
  status: FireFacilityStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the facility was taken off the register; null while registered.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
