import { SortDirection, localDaySql, raw, records, sql, type RequestContext, type Sql } from '@platform/core';
import { organizationIdWithinSubtree } from '@platform/directory';
import { HazardStatus, Hazards } from '@domains/risk';
import { KeyTasks } from '../responsibility.entities';
import { KeyTaskStatus } from '../key-tasks/key-task.enums';
import { DutyActions, DutyItems } from './duties.entities';
import { dutyRules } from './duties.rules';
import type { DutyLedger } from './duty-report-draft';

/** The most records of one kind a draft is generated from (more: report on a shorter period). */
export const MAX_LEDGER_ENTRIES = 1000;

const ASC = (column: string) => ({ column, direction: SortDirection.ASC });

/**
 * An official's ledger over a period (both days included), within the caller's scope for each kind:
 * their duty actions, the key tasks they own completed in it, and the hazards closed in it in their
 * organization's subtree (risk's declared `Hazards`, so the caller's risk scope applies).
 */
export async function readLedger(ctx: RequestContext, official: { readonly personId: string; readonly organizationId: string }, from: string, to: string): Promise<Pick<DutyLedger, 'actions' | 'items' | 'keyTasks' | 'hazards'>> {
  const within = (column: string): Sql => sql`${raw(column)} BETWEEN CAST(${from} AS date) AND CAST(${to} AS date)`;
  const actions = await records(ctx, DutyActions)
    .where(within('t.acted_on'))
    .where(sql`t.item_id IN (SELECT i.id FROM duty_item i JOIN duty_list l ON l.id = i.list_id WHERE l.person_id = ${official.personId} AND l.organization_id = ${official.organizationId})`)
    .list({ keys: [ASC('t.acted_on'), ASC('t.id')], limit: MAX_LEDGER_ENTRIES + 1, properties: ['id', 'itemId', 'actedOn', 'description'] });
  const keyTasks = await records(ctx, KeyTasks)
    .where(sql`t.owner_person_id = ${official.personId} AND t.status = ${KeyTaskStatus.COMPLETED}`)
    .where(within('t.completed_on'))
    .list({ keys: [ASC('t.completed_on'), ASC('t.id')], limit: MAX_LEDGER_ENTRIES + 1, properties: ['id', 'code', 'title', 'completedOn'] });
  const hazards = await records(ctx, Hazards)
    .where(organizationIdWithinSubtree('t.organization_id', official.organizationId))
    .where(sql`t.status = ${HazardStatus.CLOSED}`)
    .where(within(localDaySql('t.closed_at')))
    .list({ keys: [ASC('t.closed_at'), ASC('t.id')], limit: MAX_LEDGER_ENTRIES + 1, properties: ['id', 'title', 'grade'] });
  if ([actions, keyTasks, hazards].some((rows) => rows.length > MAX_LEDGER_ENTRIES)) throw dutyRules.field('input.to', 'range', `the period holds more than ${MAX_LEDGER_ENTRIES} records of one kind: report on a shorter period.`);
  const items = await records(ctx, DutyItems).many([...new Set(actions.map((a) => a.itemId))], ['id', 'key', 'text']);
  return { actions, items: new Map(items.filter((i) => i !== null).map((i) => [i!.id, i!])), keyTasks, hazards };
}
