/*
 * The item lists' entities with their row scope and permissions, declared once: every read and write
 * of the part goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { EnforcementDiscretionBand, EnforcementItem, EnforcementItemList } from './item.entity';
import { ItemPermission } from './items.permissions';

/** A list belongs to the legal subject it is the list of (the town government). */
export const EnforcementItemLists = defineScopedEntity(EnforcementItemList, {
  table: 'enforcement_item_list',
  scope: { organizationColumn: 'organization_id' },
  read: ItemPermission.Read,
  write: ItemPermission.Manage,
});

/** An item is in scope when its list is. */
export const EnforcementItems = defineScopedEntity(EnforcementItem, {
  table: 'enforcement_item',
  scope: { through: { entity: EnforcementItemLists, column: 'list_id' } },
  read: ItemPermission.Read,
  write: ItemPermission.Manage,
});

/** A band is in scope when its item is. */
export const EnforcementDiscretionBands = defineScopedEntity(EnforcementDiscretionBand, {
  table: 'enforcement_discretion_band',
  scope: { through: { entity: EnforcementItems, column: 'item_id' } },
  read: ItemPermission.Read,
  write: ItemPermission.Manage,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const itemNodeEntities = [EnforcementItemLists, EnforcementItems, EnforcementDiscretionBands];
