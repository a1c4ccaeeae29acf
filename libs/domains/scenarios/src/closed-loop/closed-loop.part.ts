import type { ScenariosPart } from '../scenarios.part';
import { ClosedLoopResolver } from './closed-loop.resolver';
import { closedLoopPermissions } from './closed-loop.permissions';
import { closedLoopIndicators } from './closed-loop-indicators';

/**
 * 一体化闭环 (point 二十二): risk points → hazards found by source → confirmed → rectified on time →
 * verified, with the days between the stages per village, per sector and for the town. A view over
 * risk's and reporting's declarations: no table of its own.
 */
export const closedLoopPart: ScenariosPart = {
  entities: [],
  resolvers: [ClosedLoopResolver],
  migrations: [],
  permissions: closedLoopPermissions,
  scopedEntities: [],
  events: [],
  businessRules: [],
  indicators: closedLoopIndicators,
};
