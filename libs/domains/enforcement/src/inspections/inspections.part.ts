import type { EnforcementPart } from '../enforcement.part';
import { CreateInspections1764403940000 } from '../migrations/1764403940000-create-inspections';
import { AddInspectionApprovalForm1764403950000 } from '../migrations/1764403950000-add-inspection-approval-form';
import { MoveInspectionCodeCounter1764404050000 } from '../migrations/1764404050000-move-inspection-code-counter';
import { inspectionBusinessRules } from '../business-rules/inspections';
import { Inspection } from './inspection.entity';
import { InspectionCertificateCheck, InspectionChecklistItem, InspectionFinding, InspectionPermitCheck } from './inspection-visit.entity';
import { InspectionResolver, InspectionWarningResolver } from './inspection.resolver';
import { InspectionCertificateCheckResolver, InspectionChecklistItemResolver, InspectionFindingResolver, InspectionPermitCheckResolver } from './inspection-visit.resolver';
import { InspectionPlanProgressResolver } from './plan-progress.resolver';
import { inspectionNodeEntities } from './inspections.entities';
import { inspectionEvents } from './inspections.events';
import { inspectionIndicators } from './inspection-indicators';
import { inspectionPermissions } from './inspections.permissions';
import { seedInspections } from './inspection.seed';

/** 行政检查 (point 十八): approved inspections by a legal subject with certified inspectors, checklists, findings, documents and re-inspections. */
export const inspectionsPart: EnforcementPart = {
  entities: [Inspection, InspectionChecklistItem, InspectionCertificateCheck, InspectionPermitCheck, InspectionFinding],
  resolvers: [
    InspectionResolver,
    InspectionWarningResolver,
    InspectionChecklistItemResolver,
    InspectionCertificateCheckResolver,
    InspectionPermitCheckResolver,
    InspectionFindingResolver,
    InspectionPlanProgressResolver,
  ],
  migrations: [CreateInspections1764403940000, AddInspectionApprovalForm1764403950000, MoveInspectionCodeCounter1764404050000],
  permissions: inspectionPermissions,
  scopedEntities: inspectionNodeEntities,
  events: [inspectionEvents],
  businessRules: inspectionBusinessRules,
  indicators: inspectionIndicators,
  seed: seedInspections,
};
