/*
 * The risk module's entities with their row scope and permissions, declared once: every read and
 * write of the module goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { ALL_ROWS, defineScopedEntity } from '@platform/core';
import { Hazard } from './hazards/hazard.entity';
import { HazardEvent } from './hazards/hazard-event.entity';
import { AccountabilityReview } from './accountability/accountability-review.entity';
import { ControlMeasure, RiskPoint } from './risk-points/risk-point.entity';
import { Shelter } from './shelters/shelter.entity';
import { ShelterInspection } from './shelters/shelter-inspection.entity';
import { FireFacility } from './fire-facilities/fire-facility.entity';
import { DisasterInformationOfficer } from './disaster-officers/disaster-officer.entity';
import { ExpertVisit } from './expert-visits/expert-visit.entity';
import { Campaign, CampaignTarget } from './campaigns/campaign.entity';
import { RiskPermission } from './permissions';

/** Hazards belong to their organization: read with risk.hazard:read, each workflow step with its own permission. */
export const Hazards = defineScopedEntity(Hazard, {
  table: 'hazard',
  scope: { organizationColumn: 'organization_id' },
  read: RiskPermission.HazardRead,
  write: RiskPermission.HazardManage,
});

/** A hazard's history step is in scope when its hazard is. */
export const HazardEvents = defineScopedEntity(HazardEvent, {
  table: 'hazard_event',
  scope: { through: { entity: Hazards, column: 'hazard_id' } },
  read: RiskPermission.HazardRead,
});

/** An accountability review is read with its hazard and recorded by who may manage it. */
export const AccountabilityReviews = defineScopedEntity(AccountabilityReview, {
  table: 'accountability_review',
  scope: { through: { entity: Hazards, column: 'hazard_id' } },
  read: RiskPermission.HazardRead,
  write: RiskPermission.HazardManage,
});

/** Risk points belong to their organization. */
export const RiskPoints = defineScopedEntity(RiskPoint, {
  table: 'risk_point',
  scope: { organizationColumn: 'organization_id' },
  read: RiskPermission.RiskPointRead,
  write: RiskPermission.RiskPointWrite,
});

/** A control measure is in scope when its risk point is. */
export const ControlMeasures = defineScopedEntity(ControlMeasure, {
  table: 'risk_control_measure',
  scope: { through: { entity: RiskPoints, column: 'risk_point_id' } },
  read: RiskPermission.RiskPointRead,
  write: RiskPermission.RiskPointWrite,
});

/** Shelters are kept by the organization that manages them. */
export const Shelters = defineScopedEntity(Shelter, {
  table: 'shelter',
  scope: { organizationColumn: 'organization_id' },
  read: RiskPermission.RegisterRead,
  write: RiskPermission.RegisterWrite,
});

/** A shelter inspection is in scope when its shelter is. */
export const ShelterInspections = defineScopedEntity(ShelterInspection, {
  table: 'shelter_inspection',
  scope: { through: { entity: Shelters, column: 'shelter_id' } },
  read: RiskPermission.RegisterRead,
  write: RiskPermission.RegisterWrite,
});

/** Fire facilities are kept by their village, community or institution. */
export const FireFacilities = defineScopedEntity(FireFacility, {
  table: 'fire_facility',
  scope: { organizationColumn: 'organization_id' },
  read: RiskPermission.RegisterRead,
  write: RiskPermission.RegisterWrite,
});

/** Disaster information officers serve the village or community that appointed them. */
export const DisasterOfficers = defineScopedEntity(DisasterInformationOfficer, {
  table: 'disaster_information_officer',
  scope: { organizationColumn: 'organization_id' },
  read: RiskPermission.RegisterRead,
  write: RiskPermission.RegisterWrite,
});

/** An expert visit belongs to the enterprise visited; read with risk.hazard:read (its findings are hazards). */
export const ExpertVisits = defineScopedEntity(ExpertVisit, {
  table: 'expert_visit',
  scope: { organizationColumn: 'organization_id' },
  read: RiskPermission.HazardRead,
  write: RiskPermission.ExpertVisitWrite,
});

/**
 * Campaigns are town-wide: every row is in scope for whoever may read hazards (the operations
 * demand the permission as usual); what is counted or listed inside one is limited to the caller's
 * scope (`CampaignTargets`, and the hazards through `Hazards`).
 */
export const Campaigns = defineScopedEntity(Campaign, {
  table: 'campaign',
  scope: { custom: () => ALL_ROWS },
  read: RiskPermission.HazardRead,
  write: RiskPermission.CampaignWrite,
});

/** A campaign's target is in scope where its organization is (no id of its own: read as `Campaign.targets`). */
export const CampaignTargets = defineScopedEntity(CampaignTarget, {
  table: 'campaign_target',
  scope: { organizationColumn: 'organization_id' },
  read: RiskPermission.HazardRead,
  write: RiskPermission.CampaignWrite,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const riskNodeEntities = [Hazards, HazardEvents, AccountabilityReviews, RiskPoints, ControlMeasures, Shelters, ShelterInspections, FireFacilities, DisasterOfficers, ExpertVisits, Campaigns];
