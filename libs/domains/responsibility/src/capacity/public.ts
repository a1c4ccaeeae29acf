// The part's public face (re-exported by the module's index.ts).
export { VillageEmergencyCommitments } from './capacity.entities';
export { CapacityPermission } from './capacity.permissions';
export { VillageEmergencyCommitment } from './village-commitment.entity';
