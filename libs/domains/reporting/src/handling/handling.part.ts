import type { ReportingPart } from '../reporting.part';
import { CreateTipHandling1764404110000 } from '../migrations/1764404110000-create-tip-handling';
import { TIP_SLA_RULE } from '../clocks/public';
import { TipAction } from './tip-action.entity';
import { TipActions } from './tip-actions.entities';
import { tipHandlingEvents } from './handling.events';
import { TipActionRelationsResolver, TipHandlingResolver } from './tip-handling.resolver';
import { tipIndicators } from './tip-indicators';
import { seedTipHandling } from './tip-handling.seed';

/**
 * 举报办理 (issue 21): the office's workflow on tips (accept, reject, 12345 send-back, assign, verify into
 * a hazard, handle, close with an outcome, escalate, extend, merge duplicates), the per-channel clocks
 * of reporting.tip-sla, 催办/督办, follow-ups and reopening, and the tips' indicators. The module's
 * `start` runs `startTipHazardFollow` (tips close when their hazard is closed).
 */
export const handlingPart: ReportingPart = {
  entities: [TipAction],
  resolvers: [TipHandlingResolver, TipActionRelationsResolver],
  migrations: [CreateTipHandling1764404110000],
  permissions: [],
  scopedEntities: [TipActions],
  events: [tipHandlingEvents],
  businessRules: [TIP_SLA_RULE],
  indicators: tipIndicators,
  seed: seedTipHandling,
};
