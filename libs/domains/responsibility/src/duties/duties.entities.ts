/*
 * The duties part's entities with their row scope and permissions, declared once: every read and
 * write of the part goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { DutyAction, DutyItem, DutyList } from './duty-list.entity';
import { DutyReport } from './duty-report.entity';
import { DutyPermission } from './duties.permissions';

/** A duty list belongs to the organization of its official's position. */
export const DutyLists = defineScopedEntity(DutyList, {
  table: 'duty_list',
  scope: { organizationColumn: 'organization_id' },
  read: DutyPermission.Read,
  write: DutyPermission.Manage,
});

/** An item is in scope when its list is. */
export const DutyItems = defineScopedEntity(DutyItem, {
  table: 'duty_item',
  scope: { through: { entity: DutyLists, column: 'list_id' } },
  read: DutyPermission.Read,
  write: DutyPermission.Manage,
});

/** An action is in scope when its item (so its list) is. */
export const DutyActions = defineScopedEntity(DutyAction, {
  table: 'duty_action',
  scope: { through: { entity: DutyItems, column: 'item_id' } },
  read: DutyPermission.Read,
  write: DutyPermission.Record,
});

/** A duty report belongs to the organization of its official's position. */
export const DutyReports = defineScopedEntity(DutyReport, {
  table: 'duty_report',
  scope: { organizationColumn: 'organization_id' },
  read: DutyPermission.Read,
  write: DutyPermission.Record,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const dutyNodeEntities = [DutyLists, DutyItems, DutyActions, DutyReports];
