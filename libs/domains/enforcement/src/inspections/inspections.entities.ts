/*
 * The inspections part's entities with their row scope and permissions, declared once: every read and
 * write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { Inspection } from './inspection.entity';
import { InspectionCertificateCheck, InspectionChecklistItem, InspectionFinding, InspectionPermitCheck } from './inspection-visit.entity';
import { InspectionPermission } from './inspections.permissions';

/** An inspection belongs to the inspected enterprise: the enterprise reaches its own, a village those of its enterprises. */
export const Inspections = defineScopedEntity(Inspection, {
  table: 'inspection',
  scope: { organizationColumn: 'enterprise_id' },
  read: InspectionPermission.Read,
  write: InspectionPermission.Manage,
});

/** A checklist row is in scope when its inspection is. */
export const InspectionChecklistItems = defineScopedEntity(InspectionChecklistItem, {
  table: 'inspection_checklist_item',
  scope: { through: { entity: Inspections, column: 'inspection_id' } },
  read: InspectionPermission.Read,
});

/** A certificate check is in scope when its inspection is. */
export const InspectionCertificateChecks = defineScopedEntity(InspectionCertificateCheck, {
  table: 'inspection_certificate_check',
  scope: { through: { entity: Inspections, column: 'inspection_id' } },
  read: InspectionPermission.Read,
});

/** A permit check is in scope when its inspection is. */
export const InspectionPermitChecks = defineScopedEntity(InspectionPermitCheck, {
  table: 'inspection_permit_check',
  scope: { through: { entity: Inspections, column: 'inspection_id' } },
  read: InspectionPermission.Read,
});

/** A finding is in scope when its inspection is. */
export const InspectionFindings = defineScopedEntity(InspectionFinding, {
  table: 'inspection_finding',
  scope: { through: { entity: Inspections, column: 'inspection_id' } },
  read: InspectionPermission.Read,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const inspectionNodeEntities = [Inspections, InspectionChecklistItems, InspectionCertificateChecks, InspectionPermitChecks, InspectionFindings];
