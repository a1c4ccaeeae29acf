import { defineEvents, payload } from '@platform/core';
import { AccountabilityReviews, Campaigns, DisasterOfficers, ExpertVisits, FireFacilities, Hazards, RiskPoints, Shelters } from './risk.entities';
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
  'risk.hazard.reported': payload<HazardEventPayload>(Hazards),
  'risk.hazard.confirm': payload<HazardEventPayload>(Hazards),
  'risk.hazard.reject': payload<HazardEventPayload>(Hazards),
  'risk.hazard.planRectification': payload<HazardEventPayload>(Hazards),
  'risk.hazard.startRectification': payload<HazardEventPayload>(Hazards),
  'risk.hazard.submitRectification': payload<HazardEventPayload>(Hazards),
  'risk.hazard.verifyRectification': payload<HazardEventPayload>(Hazards),
  'risk.hazard.sendBackRectification': payload<HazardEventPayload>(Hazards),
  'risk.hazard.close': payload<HazardEventPayload>(Hazards),
  /** The hazard passed its deadline while open (announced once, by the overdue sweep). */
  'risk.hazard.overdue': payload<HazardEventPayload>(Hazards),
  'risk.accountability-review.recorded': payload<{ id: string; hazardId: string; organizationId: string }>(AccountabilityReviews),
  'risk.risk-point.created': payload<KeptRecord & { level: RiskLevel }>(RiskPoints),
  'risk.risk-point.updated': payload<KeptRecord & { level: RiskLevel }>(RiskPoints),
  'risk.risk-point.archived': payload<KeptRecord>(RiskPoints),
  'risk.shelter.created': payload<KeptRecord>(Shelters),
  'risk.shelter.updated': payload<KeptRecord>(Shelters),
  'risk.shelter.archived': payload<KeptRecord>(Shelters),
  /** `id`: the shelter. */
  'risk.shelter.inspected': payload<KeptRecord & { inspectionId: string }>(Shelters),
  'risk.fire-facility.created': payload<KeptRecord>(FireFacilities),
  'risk.fire-facility.updated': payload<KeptRecord>(FireFacilities),
  'risk.fire-facility.archived': payload<KeptRecord>(FireFacilities),
  'risk.fire-facility.inspected': payload<KeptRecord & { status: FireFacilityStatus }>(FireFacilities),
  'risk.disaster-officer.appointed': payload<KeptRecord & { personId: string; role: DisasterOfficerRole }>(DisasterOfficers),
  'risk.disaster-officer.ended': payload<KeptRecord>(DisasterOfficers),
  'risk.expert-visit.recorded': payload<KeptRecord & { hazardIds: string[] }>(ExpertVisits),
  'risk.campaign.created': payload<{ id: string }>(Campaigns),
  'risk.campaign.updated': payload<{ id: string }>(Campaigns),
  'risk.campaign.targetsAdded': payload<{ id: string; organizationIds: string[] }>(Campaigns),
  'risk.campaign.hazardsLinked': payload<{ id: string; hazardIds: string[] }>(Campaigns),
});

export type RiskEvents = typeof riskEvents;
