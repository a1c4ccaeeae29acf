import type { EnforcementPart } from '../enforcement.part';
import { CreatePenaltyLines1764404020000 } from '../migrations/1764404020000-create-penalty-lines';
import { penaltyBusinessRules } from '../business-rules/penalties';
import { PenaltyLine, PenaltyPayment } from './penalty-line.entity';
import { OnTheSpotPenalty } from './on-the-spot-penalty.entity';
import { PenaltyCasePenaltiesResolver, PenaltyDecisionSummaryResolver, PenaltyFirstOffenceResolver, PenaltyLineResolver, PenaltyPaymentResolver } from './penalty-line.resolver';
import { OnTheSpotPenaltyResolver } from './on-the-spot.resolver';
import { penaltyNodeEntities } from './penalties.entities';
import { penaltyEvents } from './penalties.events';
import { penaltyIndicators } from './penalty-indicators';
import { penaltyPermissions } from './penalties.permissions';
import { seedPenalties } from './penalties.seed';

/** 一案双罚 and the money of cases (issue 20): penalty lines, payments with the late-payment surcharge, and on-the-spot penalties. */
export const penaltiesPart: EnforcementPart = {
  entities: [PenaltyLine, PenaltyPayment, OnTheSpotPenalty],
  resolvers: [PenaltyLineResolver, PenaltyPaymentResolver, PenaltyCasePenaltiesResolver, PenaltyFirstOffenceResolver, PenaltyDecisionSummaryResolver, OnTheSpotPenaltyResolver],
  migrations: [CreatePenaltyLines1764404020000],
  permissions: penaltyPermissions,
  scopedEntities: penaltyNodeEntities,
  events: [penaltyEvents],
  businessRules: penaltyBusinessRules,
  indicators: penaltyIndicators,
  seed: seedPenalties,
};
