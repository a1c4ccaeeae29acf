import { Field, InputType } from 'type-graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { JSONScalar, UUIDScalar } from '@platform/core';

/** The components a dataArray row may carry (STA names). */
export const INGEST_COMPONENTS = ['phenomenonTime', 'result', 'resultTime', 'resultQuality'] as const;
export type IngestComponent = (typeof INGEST_COMPONENTS)[number];

/** The most datastreams one call may carry (rows are bounded by SENSOR_INGEST_MAX_ROWS). */
export const MAX_INGEST_DATASTREAMS = 200;

@InputType({ description: '数据流观测批。The observations of one datastream in the SensorThings dataArray form: the component names once, then one array of values per observation.' })
export class DatastreamObservationsInput {
  @Field(() => UUIDScalar, { description: '数据流标识。The datastream (a machine client: one it feeds).' })
  @IsUUID()
  datastreamId: string;

  @Field(() => [String], { description: '分量。The names of each row\'s values, in order: phenomenonTime and result, optionally resultTime and resultQuality (STA dataArray components).' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(4)
  @IsIn(INGEST_COMPONENTS, { each: true })
  components: string[];

  @Field(() => [[JSONScalar]], { nullable: 'items', description: '数据数组。One array per observation, its values in the order of `components`: phenomenonTime an ISO 8601 instant with a time zone (or `start/end`), result a number, resultTime an instant, resultQuality a short text; null for an absent optional value.' })
  @IsArray()
  dataArray: unknown[][];
}

@InputType({ description: '批量接入观测值。A batch of observations of one or more datastreams, idempotent by its batch key and by (datastream, phenomenon time).' })
export class IngestObservationsInput {
  @Field({ description: '批次键。Your key for this batch (1–100 characters: letters, digits, . _ : -): sending the same key again answers the first report and writes nothing.' })
  @Length(1, 100)
  @Matches(/^[A-Za-z0-9._:-]+$/)
  batchKey: string;

  @Field(() => [DatastreamObservationsInput], { description: `数据流。The datastreams' observations (1–${MAX_INGEST_DATASTREAMS} datastreams; at most SENSOR_INGEST_MAX_ROWS rows in all).` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INGEST_DATASTREAMS)
  @ValidateNested({ each: true })
  @Type(() => DatastreamObservationsInput)
  datastreams: DatastreamObservationsInput[];
}
