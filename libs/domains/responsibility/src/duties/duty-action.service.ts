import {
  assertNotBefore,
  daysBetween,
  NotFoundError,
  SCOPED_ENTITIES,
  assertNotFuture,
  claimAttachments,
  createRecord,
  fromGlobalId,
  recordEvent,
  records,
  sql,
  transaction,
  whereChanged,
  type ConnectionResult,
  type RequestContext,
  type ScopedEntity,
} from '@platform/core';
import { Organizations } from '@platform/directory';
import type { ObjectLiteral } from 'typeorm';
import { DutyAction, type DutyItem } from './duty-list.entity';
import { DutyListStatus } from './duty.enums';
import { DutyActionOrder, DutyItemOrder } from './duty.orders';
import { DutyActions, DutyItems, DutyLists } from './duties.entities';
import { DutyPermission } from './duties.permissions';
import { dutyEvents } from './duties.events';
import { dutyRules } from './duties.rules';
import { itemOfListInForce, itemActedWithin } from './duty-ledger.sql';
import type { DutyActionListArgs, DutyItemsWithoutActionArgs, RecordDutyActionInput } from './duty-list.inputs';

/** Properties the keyset orders of items and actions read (besides the id). */
export const DUTY_ITEM_KEY_PROPERTIES = ['position'];
export const DUTY_ACTION_KEY_PROPERTIES = ['actedOn'];

/** The longest period asked about at once (a year, leap or not). */
export const MAX_PERIOD_DAYS = 366;

/** A period (both days included): `to` not before `from`, at most `MAX_PERIOD_DAYS` after it. */
export function checkPeriod(from: string, to: string, field: { from: string; to: string }): void {
  assertNotBefore(from, to, field.to, 'from');
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) throw dutyRules.field(field.to, 'range', `a period spans at most ${MAX_PERIOD_DAYS} days.`);
}

/** Actions recorded against duties, and the duties without any in a period. */
export class DutyActionService {
  list(ctx: RequestContext, args: DutyActionListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<DutyAction>> {
    const f = args.filter ?? {};
    let actions = records(ctx, DutyActions);
    if (f.listId) actions = actions.where(sql`t.item_id IN (SELECT i.id FROM duty_item i WHERE i.list_id = ${f.listId})`);
    if (f.personId) actions = actions.where(sql`t.item_id IN (SELECT i.id FROM duty_item i JOIN duty_list l ON l.id = i.list_id WHERE l.person_id = ${f.personId})`);
    if (f.from) actions = actions.where(sql`t.acted_on >= CAST(${f.from} AS date)`);
    if (f.to) actions = actions.where(sql`t.acted_on <= CAST(${f.to} AS date)`);
    return whereChanged(actions, f).page({ keys: DutyActionOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * The official's duties with no action recorded on a day of the period (both days included), in one
   * statement: the items of their lists in force (signed, the newest signed revision) of the years the
   * period touches.
   */
  withoutAction(ctx: RequestContext, args: DutyItemsWithoutActionArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<DutyItem>> {
    checkPeriod(args.from, args.to, { from: 'from', to: 'to' });
    const f = args.filter ?? {};
    let items = records(ctx, DutyItems)
      .where(itemOfListInForce('t', { personId: args.personId, organizationId: f.organizationId ?? null }, Number(args.from.slice(0, 4)), Number(args.to.slice(0, 4))))
      .where(sql`NOT ${itemActedWithin('t', sql`CAST(${args.from} AS date)`, sql`CAST(${args.to} AS date)`)}`);
    if (f.categories?.length) items = items.where(sql`t.category = ANY(${f.categories})`);
    return whereChanged(items, f).page({ keys: DutyItemOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  record(ctx: RequestContext, input: RecordDutyActionInput): Promise<DutyAction> {
    assertNotFuture(input.actedOn, 'input.actedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const item = await records(tx, DutyItems, DutyPermission.Record).reference(input.itemId, 'input.itemId');
      const list = (await records(tx, DutyLists, DutyPermission.Record).one(item.listId))!;
      if (list.status !== DutyListStatus.SIGNED) throw dutyRules.field('input.itemId', 'state', 'actions are recorded against the duties of a signed list.');
      if (!input.actedOn.startsWith(`${list.year}-`)) throw dutyRules.field('input.actedOn', 'range', `must lie in ${list.year}, the list's year.`);
      if (input.linkedNodeId) await this.checkLink(tx, input.linkedNodeId);
      const action = await createRecord(
        tx,
        DutyAction,
        'DutyAction',
        { itemId: item.id, actedOn: input.actedOn, description: input.description, linkedNodeId: input.linkedNodeId ?? null },
        { action: 'responsibility.duty-action.record', ...recordEvent(dutyEvents['responsibility.duty-action.recorded'], (a: DutyAction) => ({ id: a.id, itemId: item.id, listId: list.id })) },
      );
      if (input.attachmentIds?.length) {
        const organization = (await records(tx, Organizations, DutyPermission.Record).one(list.organizationId, ['id', 'path']))!;
        await claimAttachments(tx, input.attachmentIds, { entityType: 'DutyAction', entityId: action.id, readPermission: DutyPermission.Read, organization: { id: organization.id, path: organization.path } }, 'input.attachmentIds');
      }
      return action;
    });
  }

  /** A linked record: a global id of a type this gateway serves, naming a record the caller may read (else NOT_FOUND, like a missing one). */
  private async checkLink(tx: RequestContext, nodeId: string): Promise<void> {
    const decoded = fromGlobalId(nodeId);
    const declared = decoded ? tx.service<ReadonlyMap<string, ScopedEntity<ObjectLiteral>>>(SCOPED_ENTITIES).get(decoded.typeName) : undefined;
    if (!decoded || !declared) throw dutyRules.field('input.linkedNodeId', 'globalId', 'is not a global id (nodeId) of a record type this API serves.');
    if (!(await records(tx, declared).exists(decoded.id))) throw new NotFoundError(declared.typeName, decoded.id, 'input.linkedNodeId');
  }
}
