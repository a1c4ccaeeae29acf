import type { RequestContext } from '@platform/core';
import { DrillProblem } from './drill.entity';

/** A problem as recorded with its drill (every column but those the database fills in). */
export type NewDrillProblem = Pick<DrillProblem, 'id' | 'drillId' | 'position' | 'description' | 'followUp' | 'ownerPersonId' | 'dueOn' | 'status' | 'doneOn' | 'hazardId'>;

/**
 * Inserts the problems a drill found, all in one statement, in the caller's transaction.
 * Hand-written because they are part of the drill's record, not records of their own: audited and
 * announced once, in the drill's `rescue.drill.record` entry and `rescue.drill.recorded` event,
 * whereas `createRecord` audits and announces each row it inserts.
 */
export async function insertDrillProblems(tx: RequestContext, problems: readonly NewDrillProblem[]): Promise<void> {
  if (!problems.length) return;
  await tx.manager.createQueryBuilder().insert().into(DrillProblem).values(problems.map((p) => ({ ...p }))).execute();
}
