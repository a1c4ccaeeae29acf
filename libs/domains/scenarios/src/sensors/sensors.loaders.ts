import { defineChildPages, defineReference, records, sql, type RequestContext, type Sql } from '@platform/core';
import type DataLoader from 'dataloader';
import { RiskPoints } from '@domains/risk';
import { Datastreams, Observations, SensorThings } from './sensors.entities';
import { DATASTREAMS_BY_NAME, OBSERVATIONS_LATEST_FIRST } from './sensors.orders';
import { ObservationPageArgs, type ObservationFilter } from './sensors.inputs';
import type { SensorThing } from './sensor-thing.entity';
import type { Datastream } from './datastream.entity';
import type { Observation } from './observation.entity';

/** Things by id, within the caller's read scope (others load as null): one statement per request level. */
export const SensorThingReference = defineReference(SensorThings, 'scenarios.sensorThing.byId');
export const sensorThingById = (ctx: RequestContext): DataLoader<string, SensorThing | null> => SensorThingReference.byId(ctx);

/** Datastreams by id, within the caller's read scope. */
export const DatastreamReference = defineReference(Datastreams, 'scenarios.datastream.byId');
export const datastreamById = (ctx: RequestContext): DataLoader<string, Datastream | null> => DatastreamReference.byId(ctx);

/** The risk module's risk points a thing watches, within the caller's scope for reading risk points. */
export const ThingRiskPointReference = defineReference(RiskPoints, 'scenarios.sensorThing.riskPoint');

/** A thing's datastreams by name. */
export const ThingDatastreamPages = defineChildPages(Datastreams, { name: 'scenarios.sensorThing.datastreams', parentColumn: 'thing_id', keys: DATASTREAMS_BY_NAME });

/** The phenomenon-time conditions of an observation filter, over alias `t`. */
export function observationTimeConditions(filter: ObservationFilter | null | undefined): Sql[] {
  const out: Sql[] = [];
  if (filter?.from) out.push(sql`t.phenomenon_time >= ${filter.from}`);
  if (filter?.to) out.push(sql`t.phenomenon_time < ${filter.to}`);
  return out;
}

/** A datastream's observations, the latest first, optionally within a span of phenomenon time. */
export const DatastreamObservationPages = defineChildPages<Observation, ObservationPageArgs>(Observations, {
  name: 'scenarios.datastream.observations',
  parentColumn: 'datastream_id',
  keys: OBSERVATIONS_LATEST_FIRST,
  where: (args) => observationTimeConditions(args.filter),
  filterArgs: ['filter'],
  args: ObservationPageArgs,
});

/**
 * The datastreams of some things, by name, in one statement per request level (for the alarms and the
 * enterprise picture): within the caller's read scope.
 */
export function datastreamsOfThings(ctx: RequestContext, thingIds: readonly string[], limitPerThing = 50): Promise<Map<string, Datastream[]>> {
  return records(ctx, Datastreams)
    .byParent('thing_id', thingIds, { keys: DATASTREAMS_BY_NAME, page: { first: limitPerThing }, withCount: false })
    .then((pages) => new Map(thingIds.map((id) => [id, pages.get(id)?.edges.map((e) => e.node) ?? []])));
}
