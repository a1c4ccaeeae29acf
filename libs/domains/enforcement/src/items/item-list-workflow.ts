import { defineWorkflow } from '@platform/core';
import { EnforcementItemList } from './item.entity';
import { EnforcementItemListStatus } from './item.enums';
import { itemEvents } from './items.events';
import { ItemPermission } from './items.permissions';

/**
 * A list's life cycle: DRAFT → (publish) IN_FORCE → (supersede, when the next list is published)
 * SUPERSEDED. Both steps run in `publishEnforcementItemList`'s transaction; audit actions
 * `enforcement.item-list.publish|supersede`.
 */
export const ITEM_LIST_WORKFLOW = defineWorkflow({
  name: 'enforcement.item-list',
  entity: EnforcementItemList,
  entityName: 'EnforcementItemList',
  state: 'status',
  steps: {
    publish: { from: [EnforcementItemListStatus.DRAFT], to: EnforcementItemListStatus.IN_FORCE, permission: ItemPermission.Manage, event: itemEvents['enforcement.item-list.published'], description: '发布。Published: in force from its effective day.' },
    supersede: { from: [EnforcementItemListStatus.IN_FORCE], to: EnforcementItemListStatus.SUPERSEDED, permission: ItemPermission.Manage, event: itemEvents['enforcement.item-list.superseded'], description: '被替代。A later list was published: it ends the day before.' },
  },
  payload: (l) => ({ id: l.id, organizationId: l.organizationId, code: l.code, status: l.status }),
});
