import type { EnforcementPart } from '../enforcement.part';
import { AccidentOversightFindingCaseResolver } from './case-links.resolver';
import { CreatePenaltyCases1764404010000 } from '../migrations/1764404010000-create-penalty-cases';
import { caseBusinessRules } from '../business-rules/cases';
import { PenaltyCase } from './penalty-case.entity';
import { PenaltyCaseEvidence, PenaltyCaseRecusal, PenaltyCaseStatement, PenaltyCaseSuspension } from './case-record.entity';
import { caseNodeEntities } from './cases.entities';
import { caseEvents } from './cases.events';
import { casePermissions } from './cases.permissions';
import { PenaltyCaseEvidenceResolver, PenaltyCaseRecusalResolver, PenaltyCaseResolver, PenaltyCaseStatementResolver, PenaltyCaseSuspensionResolver } from './case.resolver';
import { caseIndicators } from './case-indicators';
import { seedPenaltyCases } from './case.seed';

/** 行政处罚案件 (issue 20): penalty cases from filing to archiving under the legal clocks, with their documents. */
export const casesPart: EnforcementPart = {
  entities: [PenaltyCase, PenaltyCaseRecusal, PenaltyCaseEvidence, PenaltyCaseStatement, PenaltyCaseSuspension],
  resolvers: [PenaltyCaseResolver, PenaltyCaseRecusalResolver, PenaltyCaseEvidenceResolver, PenaltyCaseStatementResolver, PenaltyCaseSuspensionResolver, AccidentOversightFindingCaseResolver],
  migrations: [CreatePenaltyCases1764404010000],
  permissions: casePermissions,
  scopedEntities: caseNodeEntities,
  events: [caseEvents],
  businessRules: caseBusinessRules,
  indicators: caseIndicators,
  seed: seedPenaltyCases,
};
