import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, UUIDScalar } from '@platform/core';
import { IngestRowOutcome } from './sensor.enums';

@ObjectType({ description: '逐行结果。What happened to one row of an ingestion batch.' })
export class IngestRowResult {
  @Field(() => Int, { description: '数据流序号。The index of its datastream entry in `input.datastreams` (from 0).' })
  datastreamIndex: number;

  @Field(() => UUIDScalar, { description: '数据流标识。The datastream as sent.' })
  datastreamId: string;

  @Field(() => Int, { description: '行号。The index of the row in that entry\'s dataArray (from 0).' })
  index: number;

  @Field(() => IngestRowOutcome, { description: '结果。ACCEPTED, DUPLICATE or REJECTED.' })
  outcome: IngestRowOutcome;

  @Field(() => String, { nullable: true, description: '错误码。For a rejected row: NOT_FOUND (no such datastream you may feed) or BAD_USER_INPUT; null otherwise.' })
  code: string | null;

  @Field(() => String, { nullable: true, description: '字段。For a rejected row: the value refused, e.g. datastreams.0.dataArray.3.1; null otherwise.' })
  field: string | null;

  @Field(() => String, { nullable: true, description: '规则。For a rejected row: the rule it broke (exists, state, dateTime, notFuture, result, range, dataArray, required); null otherwise.' })
  rule: string | null;

  @Field(() => String, { nullable: true, description: '说明。For a rejected row: why, in English; null otherwise.' })
  message: string | null;
}

@ObjectType({ description: '接入报告。The report of an ingestion batch: counts, the span of accepted phenomenon times and a result per row; a replayed batch key answers the first report.' })
export class IngestReport {
  @Field({ description: '批次键。The batch key.' })
  batchKey: string;

  @Field({ description: '重放。True when this batch key was ingested before: the first report is answered and nothing is written.' })
  replayed: boolean;

  @Field(() => DateTimeScalar, { description: '接收时间。When the batch was first received.' })
  receivedAt: Date;

  @Field(() => Int, { description: '已接收。Rows stored as new observations.' })
  accepted: number;

  @Field(() => Int, { description: '重复。Rows whose datastream already had an observation at that phenomenon time (or that repeated one in the batch).' })
  duplicates: number;

  @Field(() => Int, { description: '拒收。Rows refused; their results say why.' })
  rejected: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '最早观测时间。The earliest phenomenon time accepted; null when none was.' })
  earliest: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '最晚观测时间。The latest phenomenon time accepted; null when none was.' })
  latest: Date | null;

  /** Each entry: its datastream id and row count, and the rows not accepted (index → result). */
  streams: StoredStream[];
}

/** A stream of a stored report: rows not listed were accepted. */
export interface StoredStream {
  readonly datastreamId: string;
  readonly rows: number;
  /** [index, outcome, code, field, rule, message] of each row not accepted. */
  readonly notAccepted: ReadonlyArray<readonly [number, IngestRowOutcome, string | null, string | null, string | null, string | null]>;
}
