import { defineSettings, integerSetting, type DomainModule } from '@platform/core';
import { Hazard } from './hazards/hazard.entity';
import { HazardEvent } from './hazards/hazard-event.entity';
import { HazardEventResolver, HazardResolver, OrganizationHazardsResolver } from './hazards/hazard.resolver';
import { CreateHazards1764400500000 } from './migrations/1764400500000-create-hazards';
import { HazardIndicatorsResolver } from './indicators/hazard-indicators.resolver';
import { HazardChangeResolver } from './hazards/hazard-change.resolver';
import { ControlMeasure, RiskPoint } from './risk-points/risk-point.entity';
import { ControlMeasureResolver, RiskPointResolver } from './risk-points/risk-point.resolver';
import { CreateRiskPoints1764400700000 } from './migrations/1764400700000-create-risk-points';
import { AccountabilityReview } from './accountability/accountability-review.entity';
import { AccountabilityReviewResolver, HazardAccountabilityResolver } from './accountability/accountability-review.resolver';
import { CreateAccountabilityReviews1764400800000 } from './migrations/1764400800000-create-accountability-reviews';
import { riskPermissions } from './permissions';
import { riskNodeEntities } from './risk.entities';
import { seedRisk } from './seed/seed-risk';
import { Shelter } from './shelters/shelter.entity';
import { ShelterInspection } from './shelters/shelter-inspection.entity';
import { ShelterInspectionResolver, ShelterResolver } from './shelters/shelter.resolver';
import { FireFacility } from './fire-facilities/fire-facility.entity';
import { FireFacilityResolver } from './fire-facilities/fire-facility.resolver';
import { CreateRegisters1764401000000 } from './migrations/1764401000000-create-registers';
import { ExpertVisit, ExpertVisitHazard } from './expert-visits/expert-visit.entity';
import { ExpertVisitResolver } from './expert-visits/expert-visit.resolver';
import { Campaign, CampaignHazard, CampaignTarget } from './campaigns/campaign.entity';
import { CampaignResolver, CampaignTargetResolver } from './campaigns/campaign.resolver';
import { CreateVisitsAndCampaigns1764401100000 } from './migrations/1764401100000-create-visits-and-campaigns';
import { DisasterInformationOfficer } from './disaster-officers/disaster-officer.entity';
import { DisasterOfficerResolver } from './disaster-officers/disaster-officer.resolver';
import { CreateDisasterOfficers1764401300000 } from './migrations/1764401300000-create-disaster-officers';
import { AddHazardOverdueAnnounced1764401400000 } from './migrations/1764401400000-add-hazard-overdue-announced';
import { OVERDUE_SWEEP, announceOverdueHazards } from './hazards/overdue-sweep';
import { AddHazardLocationAndEmergencyMeasures1764401500000 } from './migrations/1764401500000-add-hazard-location-and-emergency-measures';
import { AddHazardReadIndexes1764401600000 } from './migrations/1764401600000-add-hazard-read-indexes';
import { AddHazardSourceDrill1764401800000 } from './migrations/1764401800000-add-hazard-source-drill';
import { AddHazardOrigin1764403000000 } from './migrations/1764403000000-add-hazard-origin';
import { AddRiskLocationIndexes1764403460000 } from './migrations/1764403460000-add-location-indexes';
import { riskGeoJsonRoutes } from './risk.geojson';
import { riskEvents } from './risk.events';
import { majorHazardOnTimeRectification } from './indicators/major-hazard-rectification';

/** 风险防范: hazards through their life cycle (more of work-plan points 五–十 follow). */
/** The risk module's settings (environment variables), checked with the gateway's at start. */
const riskSettings = defineSettings({
  /** How often hazards that passed their deadline are announced (ms, at least 100). */
  OVERDUE_SWEEP_INTERVAL_MS: integerSetting(100, 86_400_000).default(60_000),
});

export const riskModule: DomainModule = {
  name: 'risk',
  description: '风险防范。Risk prevention: risk points in four colours, hazards from report to closing (自查自报自改), indicators, shelters and fire facilities.',
  // access: the user or API client behind a step (HazardEvent.actor).
  dependsOn: ['directory', 'access'],
  entities: [Hazard, HazardEvent, RiskPoint, ControlMeasure, AccountabilityReview, Shelter, ShelterInspection, FireFacility, ExpertVisit, ExpertVisitHazard, Campaign, CampaignTarget, CampaignHazard, DisasterInformationOfficer],
  resolvers: [HazardResolver, HazardEventResolver, OrganizationHazardsResolver, HazardIndicatorsResolver, HazardChangeResolver, RiskPointResolver, ControlMeasureResolver, AccountabilityReviewResolver, HazardAccountabilityResolver, ShelterResolver, ShelterInspectionResolver, FireFacilityResolver, ExpertVisitResolver, CampaignResolver, CampaignTargetResolver, DisasterOfficerResolver],
  migrations: [CreateHazards1764400500000, CreateRiskPoints1764400700000, CreateAccountabilityReviews1764400800000, CreateRegisters1764401000000, CreateVisitsAndCampaigns1764401100000, CreateDisasterOfficers1764401300000, AddHazardOverdueAnnounced1764401400000, AddHazardLocationAndEmergencyMeasures1764401500000, AddHazardReadIndexes1764401600000, AddHazardSourceDrill1764401800000, AddHazardOrigin1764403000000, AddRiskLocationIndexes1764403460000],
  permissions: riskPermissions,
  scopedEntities: riskNodeEntities,
  events: [riskEvents],
  indicators: [majorHazardOnTimeRectification],
  settings: riskSettings,
  seed: (ctx) => seedRisk(ctx),
  start: async (runtime) => {
    // How often hazards that just passed their deadline are announced (risk.hazard.overdue).
    runtime.every(OVERDUE_SWEEP, riskSettings.read(runtime.settings).OVERDUE_SWEEP_INTERVAL_MS, announceOverdueHazards);
    // The map layers GET /geo/hazards, /geo/risk-points, /geo/shelters and /geo/fire-facilities.
    return { httpRoutes: riskGeoJsonRoutes };
  },
};
