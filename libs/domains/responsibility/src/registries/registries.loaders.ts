import { groupByKeys, defineChildPages, defineReference, records, sql, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { KeyProject, ThreeSimultaneityRecord } from './key-project.entity';
import { ThreeSimultaneityOrder } from './registries.orders';
import { KeyProjects, ThreeSimultaneityRecords } from './registries.entities';

/** Key projects by id, within the caller's read scope (others load as null). */
export const KeyProjectReference = defineReference(KeyProjects, 'responsibility.keyProject.byId');
export const keyProjectById = (ctx: RequestContext): DataLoader<string, KeyProject | null> => KeyProjectReference.byId(ctx);

/** A project's 三同时 stages, in the stages' order. */
export const ThreeSimultaneityPages = defineChildPages(ThreeSimultaneityRecords, { name: 'responsibility.keyProject.threeSimultaneity', parentColumn: 'project_id', keys: ThreeSimultaneityOrder.keys(null) });

/** The 三同时 stages recorded per project (at most three each): all projects of a request level in one statement. */
export const recordedStages = (ctx: RequestContext): DataLoader<string, ThreeSimultaneityRecord[]> =>
  ctx.loaders.get('responsibility.keyProject.recordedStages', undefined, async (ids: readonly string[]) => {
    const rows = await records(ctx, ThreeSimultaneityRecords)
      .where(sql`t.project_id = ANY(CAST(${[...ids]} AS uuid[]))`)
      .list({ keys: ThreeSimultaneityOrder.keys(null), limit: ids.length * 3, properties: ['id', 'projectId', 'stage'] });
    return groupByKeys(ids, rows, (r) => r.projectId);
  });
