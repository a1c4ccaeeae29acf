import { defineEvents, payload } from '@platform/core';
import type { HazardStatus } from './hazards/hazard.enums';
import type { RiskLevel } from './risk-points/risk-point.enums';
import type { DisasterOfficerRole } from './disaster-officers/disaster-officer.enums';
import type { FireFacilityStatus } from './fire-facilities/fire-facility.enums';

/** What every hazard event carries: the hazard, where it is and its state after the event. */
type HazardEventPayload = { id: string; organizationId: string; status: HazardStatus };
/** What a register record's events carry: the record and the organization that keeps it. */
type KeptRecord = { id: string; organizationId: string };

/**
 * Every event the risk module emits, with its payload: producers emit through these entries and
 * consumers (the hazardChanged subscription, other modules) take the payload types from them.
 * The hazard's workflow steps emit `risk.hazard.<step>` (see `HAZARD_WORKFLOW`).
 */
export const riskEvents = defineEvents({
  'risk.hazard.reported': payload<HazardEventPayload>(),
  'risk.hazard.confirm': payload<HazardEventPayload>(),
  'risk.hazard.reject': payload<HazardEventPayload>(),
  'risk.hazard.planRectification': payload<HazardEventPayload>(),
  'risk.hazard.startRectification': payload<HazardEventPayload>(),
  'risk.hazard.submitRectification': payload<HazardEventPayload>(),
  'risk.hazard.verifyRectification': payload<HazardEventPayload>(),
  'risk.hazard.sendBackRectification': payload<HazardEventPayload>(),
  'risk.hazard.close': payload<HazardEventPayload>(),
  /** The hazard passed its deadline while open (announced once, by the overdue sweep). */
  'risk.hazard.overdue': payload<HazardEventPayload>(),
  'risk.accountability-review.recorded': payload<{ id: string; hazardId: string; organizationId: string }>(),
  'risk.risk-point.created': payload<KeptRecord & { level: RiskLevel }>(),
  'risk.risk-point.updated': payload<KeptRecord & { level: RiskLevel }>(),
  'risk.risk-point.archived': payload<KeptRecord>(),
  'risk.shelter.created': payload<KeptRecord>(),
  'risk.shelter.updated': payload<KeptRecord>(),
  'risk.shelter.archived': payload<KeptRecord>(),
  /** `id`: the shelter. */
  'risk.shelter.inspected': payload<KeptRecord & { inspectionId: string }>(),
  'risk.fire-facility.created': payload<KeptRecord>(),
  'risk.fire-facility.updated': payload<KeptRecord>(),
  'risk.fire-facility.archived': payload<KeptRecord>(),
  'risk.fire-facility.inspected': payload<KeptRecord & { status: FireFacilityStatus }>(),
  'risk.disaster-officer.appointed': payload<KeptRecord & { personId: string; role: DisasterOfficerRole }>(),
  'risk.disaster-officer.ended': payload<KeptRecord>(),
  'risk.expert-visit.recorded': payload<KeptRecord & { hazardIds: string[] }>(),
  'risk.campaign.created': payload<{ id: string }>(),
  'risk.campaign.updated': payload<{ id: string }>(),
  'risk.campaign.targetsAdded': payload<{ id: string; organizationIds: string[] }>(),
  'risk.campaign.hazardsLinked': payload<{ id: string; hazardIds: string[] }>(),
});

export type RiskEvents = typeof riskEvents;
