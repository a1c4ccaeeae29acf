/*
 * Declarations of the plans area's entities for the kernel data layer. Only drills for now: they are
 * the origin other modules point to (a hazard found in a drill). The area moves onto the data layer
 * as a whole with the rescue split (issue 14).
 */
import { defineScopedEntity } from '@platform/core';
import { Drill } from './drill.entity';
import { PreparednessPermission } from '../permissions';

/** Drills belong to the organization that held them; read with the plan permission, like the drill queries. */
export const Drills = defineScopedEntity(Drill, {
  table: 'drill',
  scope: { organizationColumn: 'organization_id' },
  read: PreparednessPermission.PlanRead,
  write: PreparednessPermission.PlanWrite,
});
