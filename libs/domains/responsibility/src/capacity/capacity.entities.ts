import { defineScopedEntity } from '@platform/core';
import { VillageEmergencyCommitment } from './village-commitment.entity';
import { CapacityPermission } from './capacity.permissions';

/** A commitment belongs to its village. */
export const VillageEmergencyCommitments = defineScopedEntity(VillageEmergencyCommitment, {
  table: 'village_emergency_commitment',
  scope: { organizationColumn: 'organization_id' },
  read: CapacityPermission.Read,
  write: CapacityPermission.Manage,
});
