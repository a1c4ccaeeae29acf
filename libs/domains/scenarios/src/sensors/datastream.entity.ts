import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { ObservationType, ObservedPropertyCode, SensorStatus } from './sensor.enums';

/**
 * One observed property of a thing (STA Datastream) with its unit of measurement (UCUM), observation
 * type, sensor and sampling interval; its organization is copied from the thing. The latest observation
 * (by phenomenon time) is kept on it for staleness and overviews.
 */
@ObjectType({ implements: Node, description: '数据流。One observed property of a monitoring device (OGC SensorThings Datastream) with its unit of measurement, sensor and sampling interval; its observations are the readings.' })
@ReadByColumnSelection()
@Entity('sensor_datastream')
@Index('sensor_datastream_thing_idx', ['thingId', 'name', 'id'])
export class Datastream extends BaseRecord {
  @Field(() => UUIDScalar, { description: '设备标识。The thing it belongs to.' })
  @Column({ type: 'uuid' })
  thingId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The thing\'s organization (copied); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => ObservedPropertyCode, { description: '观测要素。What it observes (STA ObservedProperty), e.g. precipitation.' })
  @Column({ type: 'text' })
  observedProperty: ObservedPropertyCode;

  @Field({ description: '名称。Its name, e.g. 5分钟降雨量.' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: '描述。What it measures and how (may be empty).' })
  @Column({ type: 'text', default: '' })
  description: string;

  @Field({ description: '计量单位名称。The unit of measurement\'s name, e.g. millimetre.' })
  @Column({ type: 'text' })
  unitName: string;

  @Field({ description: '计量单位符号。The unit\'s symbol, e.g. mm, m, %LEL.' })
  @Column({ type: 'text' })
  unitSymbol: string;

  @Field({ description: '计量单位定义。The unit\'s definition URI (UCUM), e.g. http://unitsofmeasure.org/ucum.html#para-30.' })
  @Column({ type: 'text' })
  unitDefinition: string;

  @Field(() => ObservationType, { description: '观测类型。The O&M type of its results (STA observationType).' })
  @Column({ type: 'text', default: ObservationType.OM_Measurement })
  observationType: ObservationType;

  @Field(() => Int, { description: '采样间隔（秒）。How often it is expected to report, in seconds (300 for rain and gas, 600 for level and GNSS).' })
  @Column({ type: 'int' })
  samplingIntervalSeconds: number;

  @Field(() => String, { nullable: true, description: '传感器。The sensor (STA Sensor) producing it: its model, e.g. JDZ05-1 翻斗式雨量传感器; null when not recorded.' })
  @Column({ type: 'text', nullable: true })
  sensorName: string | null;

  @Field(() => String, { nullable: true, description: '传感器说明。The sensor\'s metadata (STA Sensor metadata): a datasheet URL or description; null when not recorded.' })
  @Column({ type: 'text', nullable: true })
  sensorMetadata: string | null;

  @Field(() => SensorStatus, { description: '状态。Whether it reports: ACTIVE, MAINTENANCE or RETIRED (no more data accepted).' })
  @Column({ type: 'text', default: SensorStatus.ACTIVE })
  status: SensorStatus;

  @Field(() => UUIDScalar, { nullable: true, description: '接入客户端标识。The API client that may ingest its observations; null when only staff ingest.' })
  @Column({ type: 'uuid', nullable: true })
  ownerClientId: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '最新观测时间。The phenomenon time of its latest observation; null before the first.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastPhenomenonTime: Date | null;

  @Field(() => Float, { nullable: true, description: '最新观测值。The result of its latest observation (by phenomenon time); null before the first.' })
  @Column({ type: 'double precision', nullable: true })
  lastResult: number | null;
}
