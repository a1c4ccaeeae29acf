import type { ReportingPart } from '../reporting.part';
import { CreateTips1764404100000 } from '../migrations/1764404100000-create-tips';
import { Tip } from './tip.entity';
import { tipNodeEntities } from './tips.entities';
import { tipEvents } from './tips.events';
import { tipPermissions } from './tips.permissions';

/** 举报 (issue 21): the tip model the intake, handling, rewards and Open311 parts build on. */
export const tipsPart: ReportingPart = {
  entities: [Tip],
  resolvers: [],
  migrations: [CreateTips1764404100000],
  permissions: tipPermissions,
  scopedEntities: tipNodeEntities,
  events: [tipEvents],
  businessRules: [],
  indicators: [],
};
