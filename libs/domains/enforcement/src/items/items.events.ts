import { defineEvents, payload } from '@platform/core';
import { EnforcementItemLists, EnforcementItems } from './items.entities';

/** What a list's events carry. */
type ListPayload = { id: string; organizationId: string; code: string; status: string };
/** What an item's events carry: the item, its list and code. */
type ItemPayload = { id: string; listId: string; code: string };

/** Every event of the item lists (ids and codes only). Publishing emits `published` for the new list and `superseded` for the one it replaces. */
export const itemEvents = defineEvents({
  'enforcement.item-list.created': payload<ListPayload>(EnforcementItemLists),
  'enforcement.item-list.updated': payload<ListPayload>(EnforcementItemLists),
  'enforcement.item-list.published': payload<ListPayload>(EnforcementItemLists),
  'enforcement.item-list.superseded': payload<ListPayload>(EnforcementItemLists),
  'enforcement.item.added': payload<ItemPayload>(EnforcementItems),
  'enforcement.item.updated': payload<ItemPayload>(EnforcementItems),
  /** An item removed from a draft (its record is gone: the list is the subject). */
  'enforcement.item.removed': payload<ItemPayload>({ entity: EnforcementItemLists, field: 'listId' }),
});

export type ItemEvents = typeof itemEvents;
