import type { ScenariosPart } from '../scenarios.part';

/** Placeholder until the part lands (issue 22). */
export const enterprisePicturePart: ScenariosPart = {
  entities: [],
  resolvers: [],
  migrations: [],
  permissions: [],
  scopedEntities: [],
  events: [],
  businessRules: [],
  indicators: [],
};
