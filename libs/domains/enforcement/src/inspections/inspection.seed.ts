import { addDays, audit, businessRules, unscoped, yearlyNumbers, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { REINSPECTION_RULE } from '../business-rules/inspections';
import { enforcementItemSeedId } from '../items/public';
import { specialOperationCertificateSeedId } from '../certificates/public';
import { lawArticleSeedId } from '../laws/public';
import type { Inspection } from './inspection.entity';
import { ChecklistResult, InspectionStatus, PRINCIPAL_DUTIES } from './inspection.enums';
import type { InspectionVisitDetails } from './inspection.inputs';
import { checkFrequencyCap } from './inspection-checks';
import { INSPECTION_SERIES, inspectionCode } from './inspection.service';
import { visitRowsOf } from './inspection-visit.service';
import { insertVisitRows, type VisitRows } from './inspection.sql';
import { issueApprovalForm, issueFieldRecord, issueRectificationOrder, issueReinspectionOpinion } from './inspection-documents';
import { insertSeedInspection, type SeedInspectionRow } from './inspection.seed.sql';
import { SEED_INSPECTIONS, type SeedInspection, type SeedVisit } from './inspection.seed-data';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded inspection, by its key in the seed data (e.g. `2026-dashi-routine`). */
export const inspectionSeedId = (key: string): string => seedId(`inspection:${key}`);

/** The person who approves the town's inspections in the seed: the head of the town safety office (anban's person). */
const APPROVER = 'person-dept-safety-head';

/** An instant of a China day. */
const at = (day: string, time: string): string => `${day}T${time}:00+08:00`;

/** The state a seeded inspection reached. */
function statusOf(s: SeedInspection): InspectionStatus {
  if (s.cancelled) return InspectionStatus.CANCELLED;
  if (s.closedOn) return InspectionStatus.CLOSED;
  if (s.reinspection) return InspectionStatus.REINSPECTED;
  if (s.order) return InspectionStatus.RECTIFICATION_ORDERED;
  if (s.visit) return InspectionStatus.RECORDED;
  if (s.approvedOn) return InspectionStatus.APPROVED;
  return s.submittedOn && !s.rejection ? InspectionStatus.SUBMITTED : InspectionStatus.DRAFT;
}

/** The day of a seeded inspection's last step. */
const lastDay = (s: SeedInspection): string => s.cancelled?.[0] ?? s.closedOn ?? s.reinspection?.on ?? s.order?.on ?? s.visit?.on ?? s.approvedOn ?? s.rejection?.[0] ?? s.submittedOn ?? s.plannedOn;

/** A seeded visit as the visit input (every duty COMPLIANT unless the seed says otherwise). */
function visitInput(v: SeedVisit): InspectionVisitDetails {
  return {
    visitedOn: v.on,
    visitTime: v.time,
    unitSignatoryName: v.signatory,
    summary: v.summary,
    checklist: PRINCIPAL_DUTIES.map((duty) => {
      const [result, note] = v.checklist?.[duty] ?? [ChecklistResult.COMPLIANT, undefined];
      return { duty, result, note };
    }),
    certificateChecks: (v.certificates ?? []).map((key) => ({ specialOperationCertificateId: specialOperationCertificateSeedId(key) })),
    permitChecks: [...(v.permits ?? [])],
    findings: (v.findings ?? []).map(({ articles, ...f }) => ({ ...f, lawArticleIds: (articles ?? []).map((n) => lawArticleSeedId('work-safety-law-2021', n)) })),
  };
}

/** The inspection row a seed entry describes, its frequency terms checked as a visit or plan would. */
async function rowOf(ctx: RequestContext, s: SeedInspection): Promise<SeedInspectionRow> {
  const id = inspectionSeedId(s.key);
  const enterpriseId = seedId(`org:${s.enterprise}`);
  const day = s.visit?.on ?? s.plannedOn;
  const frequency = await checkFrequencyCap(ctx, { inspectionId: id, enterpriseId, day, field: `seed.${s.key}` });
  const order = s.order ? await businessRules.inForce(ctx, REINSPECTION_RULE, s.order.on) : null;
  const visited = s.visit ? visitInput(s.visit) : null;
  const reasons = (visited?.findings ?? []).filter((f) => f.caseReason).map((f) => f.caseReason!);
  return {
    id,
    code: inspectionCode(Number(s.plannedOn.slice(0, 4)), s.number),
    legalSubjectId: seedId('org:town'),
    enforcementItemId: enforcementItemSeedId(s.item[0], s.item[1]),
    enterpriseId,
    kind: s.kind,
    purpose: s.purpose,
    plannedOn: s.plannedOn,
    inspectorPersonIds: s.inspectors.map((p) => seedId(`person:person-dept-enforcement-${p}`)),
    status: statusOf(s),
    submittedOn: s.submittedOn ?? null,
    approverPersonId: s.approvedOn ? seedId(`person:${APPROVER}`) : null,
    approvedOn: s.approvedOn ?? null,
    rejectionReason: s.rejection?.[1] ?? null,
    ...frequency,
    visitedOn: s.visit?.on ?? null,
    visitTime: s.visit?.time ?? null,
    unitSignatoryName: s.visit?.signatory ?? null,
    summary: s.visit?.summary ?? null,
    rectificationOrderedOn: s.order?.on ?? null,
    rectificationDeadline: s.order?.deadline ?? null,
    reinspectionDueOn: s.order && order ? addDays(s.order.deadline, order.value.daysAfterDeadline) : null,
    ruleVersionId: order?.id ?? null,
    reinspectedOn: s.reinspection?.on ?? null,
    rectified: s.reinspection?.rectified ?? null,
    reinspectionOpinion: s.reinspection?.opinion ?? null,
    forCase: reasons.length > 0,
    forCaseReason: reasons.length ? reasons.join('；') : null,
    closedOn: s.closedOn ?? null,
    cancelledOn: s.cancelled?.[0] ?? null,
    cancelReason: s.cancelled?.[1] ?? null,
    createdAt: at(s.submittedOn ?? s.plannedOn, '09:00'),
    updatedAt: at(lastDay(s), '18:00'),
  };
}

/** A document to issue once every inspection is written, in the order of its day. */
interface PendingDocument {
  readonly day: string;
  readonly order: number;
  readonly code: string;
  readonly issue: () => Promise<unknown>;
}

/**
 * The demo inspections (`SEED_INSPECTIONS`), written in the order of their days with the same
 * frequency check a plan or visit makes; their visits' rows through the same builder as
 * `recordInspectionVisit` (findings' hazards reported through the risk module, certificate findings);
 * then their documents through the documents part, in the order of their days (so the numbers follow
 * the days), each with a fixed id. The year's code counters are moved past the seeded codes.
 * Idempotent: an inspection that exists is left as it is, with its rows and documents.
 */
export async function seedInspections(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  const ordered = [...SEED_INSPECTIONS].sort((a, b) => ((a.visit?.on ?? a.plannedOn) < (b.visit?.on ?? b.plannedOn) ? -1 : (a.visit?.on ?? a.plannedOn) > (b.visit?.on ?? b.plannedOn) ? 1 : 0));
  const documents: PendingDocument[] = [];
  let inserted = 0;
  for (const s of ordered) {
    const row = await rowOf(ctx, s);
    if (!(await insertSeedInspection(ctx, row))) continue;
    inserted++;
    const inspection = { ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt), version: 1 } as Inspection;
    const docId = (kind: string) => seedId(`inspection-document:${s.key}:${kind}`);
    if (row.approvedOn) documents.push({ day: row.approvedOn, order: 0, code: row.code, issue: () => issueApprovalForm(ctx, inspection, docId('approval')) });
    if (s.visit) {
      const { rows, certificates } = await visitRowsOf(ctx, inspection, visitInput(s.visit), s.visit.on, (kind, n) => seedId(`inspection-${kind}:${s.key}:${n}`));
      await insertVisitRows(ctx, row.id, rows, new Date(at(s.visit.on, '12:00')));
      documents.push({ day: s.visit.on, order: 1, code: row.code, issue: () => issueFieldRecord(ctx, inspection, { rows: rows as VisitRows, certificates }, docId('record')) });
    }
    if (s.order) documents.push({ day: s.order.on, order: 2, code: row.code, issue: () => issueRectificationOrder(ctx, inspection, docId('order')) });
    if (s.reinspection) documents.push({ day: s.reinspection.on, order: 3, code: row.code, issue: () => issueReinspectionOpinion(ctx, inspection, docId('opinion')) });
  }
  documents.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.order !== b.order ? a.order - b.order : a.code < b.code ? -1 : 1));
  for (const d of documents) await d.issue();
  for (const year of new Set(SEED_INSPECTIONS.map((s) => Number(s.plannedOn.slice(0, 4))))) {
    await yearlyNumbers.raiseTo(ctx, INSPECTION_SERIES, year, Math.max(...SEED_INSPECTIONS.filter((s) => s.plannedOn.startsWith(`${year}-`)).map((s) => s.number)));
  }
  if (inserted) await audit(ctx, { action: 'enforcement.inspection.seed', entityType: 'Inspection', entityId: null, changes: { inserted } });
}
