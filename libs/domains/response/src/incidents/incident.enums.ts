import { registerEnumType } from 'type-graphql';

/** What kind of disaster or accident an incident is (灾种). */
export enum IncidentType {
  FLOOD = 'FLOOD',
  FLASH_FLOOD = 'FLASH_FLOOD',
  LANDSLIDE = 'LANDSLIDE',
  RAINSTORM = 'RAINSTORM',
  DROUGHT = 'DROUGHT',
  FOREST_FIRE = 'FOREST_FIRE',
  FIRE = 'FIRE',
  EARTHQUAKE = 'EARTHQUAKE',
  HAIL = 'HAIL',
  WIND = 'WIND',
  WORK_SAFETY_ACCIDENT = 'WORK_SAFETY_ACCIDENT',
  ROAD_TRAFFIC = 'ROAD_TRAFFIC',
  OTHER = 'OTHER',
}

/** Where an incident stands; it moves forward one step at a time, OPEN → RESPONDING → RECOVERING → CLOSED. */
export enum IncidentStatus {
  OPEN = 'OPEN',
  RESPONDING = 'RESPONDING',
  RECOVERING = 'RECOVERING',
  CLOSED = 'CLOSED',
}

/** The kind of a damage report: the first (初报), a follow-up (续报) or the verified figures (核报). */
export enum DamageReportKind {
  INITIAL = 'INITIAL',
  CONTINUED = 'CONTINUED',
  VERIFIED = 'VERIFIED',
}

/** The statuses in order: a move goes to the next one only. */
export const INCIDENT_STATUS_ORDER: readonly IncidentStatus[] = [IncidentStatus.OPEN, IncidentStatus.RESPONDING, IncidentStatus.RECOVERING, IncidentStatus.CLOSED];

registerEnumType(IncidentType, {
  name: 'IncidentType',
  description: '灾情类型。What kind of disaster or accident an incident is.',
  valuesConfig: {
    FLOOD: { description: '洪涝。River or waterlogging flood.' },
    FLASH_FLOOD: { description: '山洪。Flash flood in a mountain gully.' },
    LANDSLIDE: { description: '滑坡/崩塌/泥石流。Landslide, rock fall or debris flow.' },
    RAINSTORM: { description: '暴雨。Rainstorm damage (waterlogging, house damage) not classed as a flood.' },
    DROUGHT: { description: '干旱。Drought.' },
    FOREST_FIRE: { description: '森林火灾。Forest or grassland fire.' },
    FIRE: { description: '火灾。Fire in a building, enterprise or vehicle.' },
    EARTHQUAKE: { description: '地震。Earthquake.' },
    HAIL: { description: '冰雹。Hail.' },
    WIND: { description: '大风。Gale or tornado.' },
    WORK_SAFETY_ACCIDENT: { description: '生产安全事故。An accident in production or business operations (国务院令第493号): graded by deaths, serious injuries and direct loss, investigated by the enforcement module.' },
    ROAD_TRAFFIC: { description: '道路交通事故。A road traffic accident; its casualties re-grade within 7 days (国务院令第493号 第十三条).' },
    OTHER: { description: '其他。Another kind of disaster or accident.' },
  },
});
registerEnumType(IncidentStatus, {
  name: 'IncidentStatus',
  description: '灾情状态。Where an incident stands; it moves forward one step at a time.',
  valuesConfig: {
    OPEN: { description: '已报告。Reported, response not yet under way.' },
    RESPONDING: { description: '应急处置中。Emergency response under way (rescue, relocation).' },
    RECOVERING: { description: '恢复重建中。Response over, recovery and reconstruction under way.' },
    CLOSED: { description: '已结案。Closed; takes no more changes or reports (needs rescue.incident:verify).' },
  },
});
registerEnumType(DamageReportKind, {
  name: 'DamageReportKind',
  description: '灾情报告类型。Initial, continued or verified damage report (初报、续报、核报).',
  valuesConfig: {
    INITIAL: { description: '初报。The first report of an incident; exactly one, always sequence 1.' },
    CONTINUED: { description: '续报。A follow-up report with updated figures, after the initial one.' },
    VERIFIED: { description: '核报。The verified figures (needs rescue.incident:verify); at most one, and the last report.' },
  },
});
