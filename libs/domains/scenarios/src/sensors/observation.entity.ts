import { Field, Float, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar, UUIDScalar } from '@platform/core';

/**
 * One reading of a datastream (STA Observation): the result at its phenomenon time. Keyed by
 * (datastream, phenomenon time), the ingestion's idempotency key; no id of its own (its STA `@iot.id`
 * is `<datastream id>:<epoch ms>`).
 */
@ObjectType({ description: '观测值。One reading of a datastream (OGC SensorThings Observation): the result at its phenomenon time, when it was produced and received; one per datastream and phenomenon time.' })
@Entity('sensor_observation')
export class Observation {
  @Field(() => UUIDScalar, { description: '数据流标识。The datastream it belongs to.' })
  @PrimaryColumn({ type: 'uuid' })
  datastreamId: string;

  @Field(() => DateTimeScalar, { description: '观测时间。When the phenomenon was observed (the end of the interval for accumulated values such as 5-minute rain).' })
  @PrimaryColumn({ type: 'timestamptz' })
  phenomenonTime: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '观测时间止。The end of the observed interval when it is an interval; null for an instant.' })
  @Column({ type: 'timestamptz', nullable: true })
  phenomenonTimeEnd: Date | null;

  @Field(() => Float, { description: '观测结果。The result in the datastream\'s unit of measurement.' })
  @Column({ type: 'double precision' })
  result: number;

  @Field(() => DateTimeScalar, { description: '结果时间。When the result was produced (the phenomenon time unless sent).' })
  @Column({ type: 'timestamptz' })
  resultTime: Date;

  @Field(() => String, { nullable: true, description: '结果质量。The result quality the client sent (STA resultQuality), e.g. good or suspect; null when none.' })
  @Column({ type: 'text', nullable: true })
  resultQuality: string | null;

  @Field(() => String, { nullable: true, description: '批次键。The batch key of the ingestion that stored it; null for seeded data.' })
  @Column({ type: 'text', nullable: true })
  batchKey: string | null;

  @Field(() => DateTimeScalar, { description: '接收时间。When the platform stored it (late data has a received time long after its phenomenon time).' })
  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}
