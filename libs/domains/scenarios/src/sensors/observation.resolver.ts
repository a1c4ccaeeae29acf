import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ReadsColumns, ReadsRelation, RequirePermission, records, selectsField, sql, whereChanged, type ConnectionResult, type RequestContext } from '@platform/core';
import { Observation } from './observation.entity';
import { Datastream } from './datastream.entity';
import { Observations } from './sensors.entities';
import { SensorPermission } from './sensors.permissions';
import { DatastreamReference, datastreamById, observationTimeConditions } from './sensors.loaders';
import { ObservationListArgs } from './sensors.inputs';
import { ObservationOrder } from './sensors.orders';
import { ObservationConnection } from './datastream.resolver';
import { IngestObservationsInput } from './ingest.inputs';
import { IngestReport, IngestRowResult } from './ingest.types';
import { IngestRowOutcome } from './sensor.enums';
import { ingestObservations, rowResults } from './ingest.service';

@Resolver(() => Observation)
export class ObservationResolver {
  @Query(() => ObservationConnection, { description: '观测值。Observations of the datastreams in your scope, the latest first (ties at one instant by datastream); filter by datastreams, phenomenon time and receipt (change feed).' })
  @RequirePermission(SensorPermission.Read)
  observations(@Ctx() ctx: RequestContext, @Args(() => ObservationListArgs) args: ObservationListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Observation>> {
    const f = args.filter ?? {};
    let rows = records(ctx, Observations);
    if (f.datastreamIds?.length) rows = rows.where(sql`t.datastream_id = ANY(${f.datastreamIds}::uuid[])`);
    for (const condition of observationTimeConditions(f)) rows = rows.where(condition);
    // Observations are never changed once stored: the change feed lists those received since.
    return whereChanged(rows, f, 't.received_at').page({ keys: ObservationOrder.keys(args.orderBy), page: args, withCount: selectsField(info, 'totalCount') });
  }

  @FieldResolver(() => Datastream, { nullable: true, description: '数据流。The datastream it belongs to; null when you may no longer read it (a datastream out of your scope lists no observations).' })
  @ReadsColumns('datastreamId')
  @ReadsRelation(DatastreamReference, 'datastreamId')
  datastream(@Ctx() ctx: RequestContext, @Root() o: Observation): Promise<Datastream | null> {
    return datastreamById(ctx).load(o.datastreamId);
  }

  @Mutation(() => IngestReport, {
    description:
      '批量接入观测值。Ingests a batch of observations in the SensorThings dataArray form: idempotent by batch key (a replay answers the first report and writes nothing) and by (datastream, phenomenon time) (DUPLICATE rows); late and out-of-order rows accepted; a rejected row is reported with its field and rule while the others are kept. A machine client may feed only its own datastreams (others answer NOT_FOUND in their rows). At most SENSOR_INGEST_MAX_ROWS rows per call.',
  })
  @RequirePermission(SensorPermission.Ingest)
  ingestObservations(@Ctx() ctx: RequestContext, @Arg('input', () => IngestObservationsInput, { description: '输入。The batch.' }) data: IngestObservationsInput): Promise<IngestReport> {
    return ingestObservations(ctx, data);
  }
}

@Resolver(() => IngestRowResult)
export class IngestRowResultResolver {
  @FieldResolver(() => Datastream, { nullable: true, description: '数据流。The datastream named by datastreamId; null when there is none or you may not read it (a feed client without scenarios.sensor:read gets null).' })
  datastream(@Ctx() ctx: RequestContext, @Root() r: IngestRowResult): Promise<Datastream | null> {
    return datastreamById(ctx).load(r.datastreamId);
  }
}

@Resolver(() => IngestReport)
export class IngestReportResolver {
  @FieldResolver(() => [IngestRowResult], { description: '逐行结果。A result per row in the order sent (datastream entry, then row); only the given outcomes when `outcomes` is set (e.g. [REJECTED]).' })
  rows(@Root() report: IngestReport, @Arg('outcomes', () => [IngestRowOutcome], { nullable: true, description: '结果筛选。Only rows with these outcomes.' }) outcomes?: IngestRowOutcome[]): IngestRowResult[] {
    return rowResults(report, outcomes ?? null);
  }
}
