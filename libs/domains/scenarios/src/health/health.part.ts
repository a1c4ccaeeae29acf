import type { ScenariosPart } from '../scenarios.part';
import { CreateDataHealth1764404215000 } from '../migrations/1764404215000-create-data-health';
import { SensorDataGap } from './data-gap.entity';
import { MonitoringEnforcementLead } from './monitoring-lead.entity';
import { DataHealthResolver, MonitoringLeadResolver } from './health.resolver';
import { healthNodeEntities } from './health.entities';
import { healthPermissions } from './health.permissions';
import { healthBusinessRules } from '../business-rules/health';
import { healthIndicators } from './health-indicators';
import { startHealthJobs } from './health.jobs';
import { seedDataHealth } from './health.seed';

/** 数据健康 (point 二十三): staleness (STALE alarms after k × the sampling interval), gap reports per datastream, and enforcement leads of operating enterprises' monitoring gaps and tamper signals (刑法 第一百三十四条之一). */
export const healthPart: ScenariosPart = {
  entities: [SensorDataGap, MonitoringEnforcementLead],
  resolvers: [DataHealthResolver, MonitoringLeadResolver],
  migrations: [CreateDataHealth1764404215000],
  permissions: healthPermissions,
  scopedEntities: healthNodeEntities,
  events: [],
  businessRules: healthBusinessRules,
  indicators: healthIndicators,
  seed: seedDataHealth,
  startPart: async (runtime) => startHealthJobs(runtime),
};
