import { byKeys, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import { TrainingRecord } from './training-record.entity';
import { personScope } from '../persons/person-scope';
import { DirectoryPermission } from '../permissions';

/** Newest training first; several on one day by id, so the order (and the cursor) is total. */
export const trainingSortKeys = (alias: string): SortKey<TrainingRecord>[] => [
  { column: `${alias}.trained_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** SQL over `training_record` (column `personIdColumn`): the person is one the caller may read. */
function readablePerson(ctx: RequestContext, personIdColumn: string): { sql: string; params: Record<string, unknown> } {
  const scope = personScope(ctx.principal, DirectoryPermission.PersonRead);
  if (scope.sql === 'TRUE' || scope.sql === 'FALSE') return scope;
  return { sql: `${personIdColumn} IN (SELECT p.id FROM person p WHERE ${scope.sql})`, params: scope.params };
}

/**
 * The trainings of many persons, newest first, one statement per request level. Persons the caller
 * may not read (directory.person:read) have none. The one reader of trainings: other modules
 * (disaster information officers, rescue teams) delegate to it.
 */
export function trainingPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<TrainingRecord>> {
  return ctx.loaders.get('directory.training.byPerson', page, async (ids: readonly string[]) => {
    const readable = readablePerson(ctx, 't.person_id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: TrainingRecord,
      table: 'training_record',
      parentColumn: 'person_id',
      parentIds: ids,
      where: readable.sql,
      params: readable.params,
      keys: trainingSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/**
 * Day of the newest training of many persons (any kind) in one aggregate statement on the
 * (person_id, trained_on) index, independent of any page of trainings the client asked for.
 */
export function lastTrainedOn(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get('directory.training.lastTrainedOn', undefined, async (ids: readonly string[]) => {
    const readable = readablePerson(ctx, 't.person_id');
    // ::text keeps the day a plain YYYY-MM-DD string (the driver would turn a date into a local-midnight Date).
    const rows = await ctx.manager
      .createQueryBuilder()
      .select('t.person_id', 'personId')
      .addSelect('max(t.trained_on)::text', 'day')
      .from('training_record', 't')
      .where('t.person_id = ANY(:ids)', { ids })
      .andWhere(readable.sql, readable.params)
      .groupBy('t.person_id')
      .getRawMany<{ personId: string; day: string }>();
    return byKeys(ids, rows, (r) => r.personId).map((r) => r?.day ?? null);
  });
}
