import { defineChildPages, records, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { TrainingRecord } from './training-record.entity';
import { TrainingRecords } from '../directory.entities';

/** Newest training first; several on one day by id, so the order (and the cursor) is total. */
export const trainingSortKeys = (alias: string): SortKey<TrainingRecord>[] => [
  { column: `${alias}.trained_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/**
 * The trainings of a person, newest first. Persons the caller may not read (directory.person:read)
 * have none. The one reader of trainings: other modules (disaster information officers, rescue
 * teams) delegate to it (`@ReadsRelation(PersonTrainings, '<their person id property>')`).
 */
export const PersonTrainings = defineChildPages(TrainingRecords, { name: 'directory.training.byPerson', parentColumn: 'person_id', keys: trainingSortKeys('t') });

/** `PersonTrainings` of many persons as a DataLoader, one statement per request level (for callers that load without the field's `info`). */
export function trainingPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<TrainingRecord>> {
  return ctx.loaders.get(PersonTrainings.name, page, async (ids: readonly string[]) => {
    const pages = await records(ctx, PersonTrainings.entity).byParent(PersonTrainings.parentColumn!, ids, { keys: PersonTrainings.keys, page });
    return ids.map((id) => pages.get(id)!);
  });
}

/**
 * Day of the newest training of many persons (any kind) in one statement: each person's first
 * training in the trainings' own order, read on the (person_id, trained_on) index, independent of
 * any page of trainings the client asked for.
 */
export function lastTrainedOn(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get('directory.training.lastTrainedOn', undefined, async (ids: readonly string[]) => {
    const newest = await records(ctx, TrainingRecords).byParent('person_id', ids, { keys: trainingSortKeys('t'), page: { first: 1 }, withCount: false, properties: ['trainedOn'] });
    // Days come as plain YYYY-MM-DD text from the row reader.
    return ids.map((id) => newest.get(id)?.edges[0]?.node.trainedOn ?? null);
  });
}
