import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';

/** A maintenance window of a thing: its readings in the window raise no alarm. */
@ObjectType({ implements: Node, description: '设备维护时段。A maintenance window of a monitoring thing: readings in [startsAt, endsAt) raise no alarm and end open ones; staleness is not judged inside it.' })
@ReadByColumnSelection()
@Entity('sensor_maintenance_window')
@Index('sensor_maintenance_window_thing_idx', ['thingId', 'startsAt', 'id'])
export class SensorMaintenanceWindow extends BaseRecord {
  @Field(() => UUIDScalar, { description: '监测设备标识。The thing under maintenance.' })
  @Column({ type: 'uuid' })
  thingId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The thing\'s organization; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => DateTimeScalar, { description: '开始时间。From when (included).' })
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field(() => DateTimeScalar, { description: '结束时间。Until when (excluded).' })
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Field({ description: '维护原因。Why, e.g. 雨量筒清淤校准.' })
  @Column({ type: 'text' })
  reason: string;
}
