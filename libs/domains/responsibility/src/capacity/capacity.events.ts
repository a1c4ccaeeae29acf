import { defineEvents, payload } from '@platform/core';
import { VillageEmergencyCommitments } from './capacity.entities';

/** A village's commitment recorded or changed (ids only). */
export const capacityEvents = defineEvents({
  'responsibility.village-commitment.recorded': payload<{ id: string; organizationId: string }>(VillageEmergencyCommitments),
  'responsibility.village-commitment.updated': payload<{ id: string; organizationId: string }>(VillageEmergencyCommitments),
});
