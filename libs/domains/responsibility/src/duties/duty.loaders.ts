import { defineChildPages, defineReference } from '@platform/core';
import { DutyActionOrder, DutyItemOrder } from './duty.orders';
import { DutyActions, DutyItems, DutyLists } from './duties.entities';

/** Duty lists by id, within the caller's read scope (others load as null): one statement per request level. */
export const DutyListReference = defineReference(DutyLists, 'responsibility.dutyList.byId');

/** Duty items by id, within the caller's read scope. */
export const DutyItemReference = defineReference(DutyItems, 'responsibility.dutyItem.byId');

/** A list's items, by place in the list. */
export const DutyItemPages = defineChildPages(DutyItems, { name: 'responsibility.dutyList.items', parentColumn: 'list_id', keys: DutyItemOrder.keys(null) });

/** An item's actions, latest first. */
export const DutyActionPages = defineChildPages(DutyActions, { name: 'responsibility.dutyItem.actions', parentColumn: 'item_id', keys: DutyActionOrder.keys(null) });

/** Duty actions by id, within the caller's read scope (the ones a report counted). */
export const DutyActionReference = defineReference(DutyActions, 'responsibility.dutyAction.byId');
