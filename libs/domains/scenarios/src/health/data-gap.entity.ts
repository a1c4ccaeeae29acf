import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';

/** A gap in a datastream's data: no reading for more than k × its sampling interval. */
@ObjectType({ implements: Node, description: '数据缺口。A gap in a datastream\'s data: no reading for more than k × its sampling interval (scenarios.data-health), from its last reading before to its first after (null while ongoing).' })
@ReadByColumnSelection()
@Entity('sensor_data_gap')
@Index('sensor_data_gap_started_idx', ['startedAt', 'id'])
export class SensorDataGap extends BaseRecord {
  @Field(() => UUIDScalar, { description: '数据流标识。The datastream.' })
  @Column({ type: 'uuid' })
  datastreamId: string;

  @Field(() => UUIDScalar, { description: '监测设备标识。Its thing.' })
  @Column({ type: 'uuid' })
  thingId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The datastream\'s organization; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '企业标识。The enterprise the thing monitors; null for a village\'s thing.' })
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Field(() => DateTimeScalar, { description: '缺口开始。The last reading before the gap.' })
  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '缺口结束。The first reading after it; null while ongoing.' })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Field(() => Int, { description: '采样间隔（秒）。The datastream\'s sampling interval when detected.' })
  @Column({ type: 'int' })
  samplingIntervalSeconds: number;

  @Field(() => Int, { description: '缺失条数。Readings missing: the gap\'s length ÷ the sampling interval, less one (to the evaluation instant while ongoing).' })
  @Column({ type: 'int' })
  missedReadings: number;

  @Field(() => DateTimeScalar, { description: '发现时间。When the evaluation found it.' })
  @Column({ type: 'timestamptz' })
  detectedAt: Date;
}
