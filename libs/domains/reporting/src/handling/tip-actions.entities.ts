import { defineScopedEntity } from '@platform/core';
import { Tips, TipPermission } from '../tips/public';
import { TipAction } from './tip-action.entity';

/** A tip's action is in scope when its tip is: read with the tip, written by who may handle it. */
export const TipActions = defineScopedEntity(TipAction, {
  table: 'tip_action',
  scope: { through: { entity: Tips, column: 'tip_id' } },
  read: TipPermission.Read,
  write: TipPermission.Handle,
});
