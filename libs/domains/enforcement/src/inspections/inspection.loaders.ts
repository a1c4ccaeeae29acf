import { defineChildPages, defineReference, type RequestContext, type ScopedEntity } from '@platform/core';
import type { ObjectLiteral } from 'typeorm';
import type DataLoader from 'dataloader';
import type { Inspection } from './inspection.entity';
import type { InspectionCertificateCheck } from './inspection-visit.entity';
import { VISIT_ROW_KEYS } from './inspection.orders';
import { InspectionCertificateChecks, InspectionChecklistItems, InspectionFindings, InspectionPermitChecks, Inspections } from './inspections.entities';
import { inspectionWarningRows, type WarningRow } from './inspection.sql';

/** Inspections by id, within the caller's read scope (others load as null): one statement per request level. */
export const InspectionReference = defineReference(Inspections, 'enforcement.inspection.byId');
export const inspectionById = (ctx: RequestContext): DataLoader<string, Inspection | null> => InspectionReference.byId(ctx);

/** Certificate checks by id (a finding's `certificateCheck`). */
export const InspectionCertificateCheckReference = defineReference(InspectionCertificateChecks, 'enforcement.inspectionCertificateCheck.byId');
export const inspectionCertificateCheckById = (ctx: RequestContext): DataLoader<string, InspectionCertificateCheck | null> => InspectionCertificateCheckReference.byId(ctx);

/** An inspection's checklist, certificate checks, permit checks and findings: in their order on the record. */
const rowsOf = <T extends ObjectLiteral>(entity: ScopedEntity<T>, name: string) => defineChildPages(entity, { name: `enforcement.inspection.${name}`, parentColumn: 'inspection_id', keys: VISIT_ROW_KEYS });
export const InspectionChecklist = rowsOf(InspectionChecklistItems, 'checklist');
export const InspectionCertificateCheckPages = rowsOf(InspectionCertificateChecks, 'certificateChecks');
export const InspectionPermitCheckPages = rowsOf(InspectionPermitChecks, 'permitChecks');
export const InspectionFindingPages = rowsOf(InspectionFindings, 'findings');

/** The warnings' facts of inspections, batched per request level (one statement). */
export const inspectionWarningsOf = (ctx: RequestContext): DataLoader<string, WarningRow | null> =>
  ctx.loaders.get('enforcement.inspection.warnings', undefined, async (ids: readonly string[]) => {
    const rows = await inspectionWarningRows(ctx, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
