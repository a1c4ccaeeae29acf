/*
 * The tips part's entity with its row scope and permissions, declared once: every read and write goes
 * through `records(ctx, Tips)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { Tip } from './tip.entity';
import { TipPermission } from './tips.permissions';

/** A tip belongs to the organization it concerns: a village officer reaches those about its village and its enterprises. */
export const Tips = defineScopedEntity(Tip, {
  table: 'tip',
  scope: { organizationColumn: 'organization_id' },
  read: TipPermission.Read,
  write: TipPermission.Handle,
});

/** The declarations reachable by `node(nodeId:)`. */
export const tipNodeEntities = [Tips];
