import { randomUUID } from 'node:crypto';
import { applyStep, assertNotFuture, businessRules, globalIdOf, records, sql, transaction, addDays, type RequestContext } from '@platform/core';
import { HazardSource, reportHazard } from '@domains/risk';
import { checkArticlesInForce, lawArticleSeedId } from '../laws/public';
import { SpecialOperationCertificateStatus, specialOperationCertificatesOf } from '../certificates/public';
import { REINSPECTION_RULE } from '../business-rules/inspections';
import { Inspection } from './inspection.entity';
import { InspectionFindingOrigin, InspectionFindingSeverity, PRINCIPAL_DUTIES, PRINCIPAL_DUTY_TEXT, PermitCheckResult } from './inspection.enums';
import { InspectionFindings, Inspections } from './inspections.entities';
import { inspectionRules } from './inspections.rules';
import { INSPECTION_WORKFLOW } from './inspection-workflow';
import { checkFrequencyCap, checkInspectors } from './inspection-checks';
import { insertVisitRows, type CertificateCheckRow, type FindingRow, type VisitRows } from './inspection.sql';
import { issueFieldRecord, issueRectificationOrder, issueReinspectionOpinion } from './inspection-documents';
import type { InspectionVisitDetails, OrderInspectionRectificationInput, RecordInspectionReinspectionInput, RecordInspectionVisitInput } from './inspection.inputs';

/** The articles the visit cites by themselves: the principal's duties (第二十一条) and special operators' certificates (第三十条). */
export const DUTIES_ARTICLE = (): string => lawArticleSeedId('work-safety-law-2021', 21);
export const CERTIFICATES_ARTICLE = (): string => lawArticleSeedId('work-safety-law-2021', 30);

/** Certificate statuses that are not valid on the day: each one seen becomes a finding. */
export const INVALID_CERTIFICATE_STATUSES: readonly SpecialOperationCertificateStatus[] = [
  SpecialOperationCertificateStatus.EXPIRED,
  SpecialOperationCertificateStatus.REVOKED,
  SpecialOperationCertificateStatus.REVIEW_OVERDUE,
];

const STATUS_ZH: Readonly<Record<string, string>> = { EXPIRED: '已过期', REVOKED: '已被撤销', REVIEW_OVERDUE: '逾期未复审' };

/** The shape checks of a visit that need no database: the seven duties once each, permit numbers that fit their results. */
export function checkVisitShape(input: InspectionVisitDetails): void {
  const duties = input.checklist.map((c) => c.duty);
  const missing = PRINCIPAL_DUTIES.filter((d) => !duties.includes(d));
  if (missing.length || new Set(duties).size !== duties.length) {
    throw inspectionRules.field('input.checklist', 'checklist', `the checklist holds each of the principal's seven duties (安全生产法 第二十一条) exactly once${missing.length ? `; missing ${missing.join(', ')}` : '; a duty is listed twice'}.`);
  }
  (input.permitChecks ?? []).forEach((p, i) => {
    if ((p.result === PermitCheckResult.MISSING) !== !p.permitNumber) {
      throw inspectionRules.field(`input.permitChecks.${i}.permitNumber`, 'permitNumber', p.result === PermitCheckResult.MISSING ? 'a MISSING permit has no number.' : `a ${p.result} permit needs its number.`);
    }
  });
}

/** The instant a hazard found on `day` is reported as found: now when the day is today, else noon of that day (China time). */
const foundAt = (ctx: RequestContext, day: string): Date => (day === ctx.clock.today() ? ctx.clock.now() : new Date(`${day}T12:00:00+08:00`));

/** A hazard's title from a finding (the risk module keeps at most 100 characters). */
const hazardTitle = (description: string): string => (description.length <= 100 ? description : `${description.slice(0, 99)}…`);

/** How the rows of a visit get their ids: new ones, or the seed's fixed ones. */
export type VisitRowId = (row: 'checklist' | 'certificate' | 'permit' | 'finding', position: number) => string;
const newId: VisitRowId = () => randomUUID();

/**
 * The rows of a visit: the checklist in the law's order, the certificates seen (those held by the
 * enterprise's workers, with their status on the visit day; an invalid one becomes a finding citing
 * 安全生产法 第三十条), the permits, and the findings with the hazards they raise in the risk module
 * (source INSPECTION, origin the inspection) in the caller's transaction.
 */
export async function visitRowsOf(tx: RequestContext, current: Inspection, input: InspectionVisitDetails, visitedOn: string, idOf: VisitRowId = newId): Promise<{ rows: VisitRows; certificates: Map<string, { number: string; operationItem: string }> }> {
  const checklist = PRINCIPAL_DUTIES.map((duty, i) => {
    const c = input.checklist.find((x) => x.duty === duty)!;
    return { id: idOf('checklist', i + 1), position: i + 1, duty, dutyText: PRINCIPAL_DUTY_TEXT[duty], result: c.result, note: c.note ?? null, lawArticleId: DUTIES_ARTICLE() };
  });
  const seen = input.certificateChecks ?? [];
  const held = new Map(seen.length ? (await specialOperationCertificatesOf(tx, current.enterpriseId, visitedOn)).map((h) => [h.certificate.id, h]) : []);
  const certificateChecks: CertificateCheckRow[] = [];
  const findings: FindingRow[] = [];
  const finding = (f: Omit<FindingRow, 'id' | 'position'>) => findings.push({ id: idOf('finding', findings.length + 1), position: findings.length + 1, ...f });
  for (const [i, c] of seen.entries()) {
    const found = held.get(c.specialOperationCertificateId);
    const field = `input.certificateChecks.${i}.specialOperationCertificateId`;
    if (!found) throw inspectionRules.field(field, 'certificateHolder', 'is not a special-operation certificate held by a worker of the inspected enterprise.');
    if (certificateChecks.some((x) => x.specialOperationCertificateId === c.specialOperationCertificateId)) throw inspectionRules.field(field, 'certificateHolder', 'lists the certificate twice.');
    const valid = !INVALID_CERTIFICATE_STATUSES.includes(found.status);
    const row: CertificateCheckRow = { id: idOf('certificate', i + 1), position: i + 1, specialOperationCertificateId: found.certificate.id, status: found.status, valid, note: c.note ?? null };
    certificateChecks.push(row);
    if (!valid) {
      finding({
        origin: InspectionFindingOrigin.CERTIFICATE_CHECK,
        description: `特种作业人员所持特种作业操作证（${found.certificate.operationItem}，证号${found.certificate.number}）${STATUS_ZH[found.status] ?? found.status}，未持有效证件上岗作业`,
        checklistDuty: null,
        certificateCheckId: row.id,
        lawArticleIds: [CERTIFICATES_ARTICLE()],
        severity: InspectionFindingSeverity.GENERAL,
        rectificationRequired: true,
        hazardCategory: null,
        hazardId: null,
        forCase: false,
        caseReason: null,
      });
    }
  }
  for (const f of input.findings ?? []) {
    const hazard = f.hazardCategory
      ? await reportHazard(tx, {
          organizationId: current.enterpriseId,
          title: hazardTitle(f.description),
          description: `行政检查${current.code}（${visitedOn}）发现：${f.description}`,
          category: f.hazardCategory,
          source: HazardSource.INSPECTION,
          foundAt: foundAt(tx, visitedOn),
          originNodeId: globalIdOf(Inspections, current.id),
        })
      : null;
    finding({
      origin: InspectionFindingOrigin.INSPECTOR,
      description: f.description,
      checklistDuty: f.checklistDuty ?? null,
      certificateCheckId: null,
      lawArticleIds: [...new Set(f.lawArticleIds ?? [])],
      severity: f.severity,
      rectificationRequired: f.rectificationRequired,
      hazardCategory: hazard ? f.hazardCategory! : null,
      hazardId: hazard?.id ?? null,
      forCase: Boolean(f.caseReason),
      caseReason: f.caseReason ?? null,
    });
  }
  const permitChecks = (input.permitChecks ?? []).map((p, i) => ({ id: idOf('permit', i + 1), position: i + 1, kind: p.kind, permitNumber: p.permitNumber ?? null, result: p.result, note: p.note ?? null }));
  const certificates = new Map([...held.values()].map((h) => [h.certificate.id, { number: h.certificate.number, operationItem: h.certificate.operationItem }]));
  return { rows: { checklist, certificateChecks, permitChecks, findings }, certificates };
}

/** The visit, the order to rectify and the re-inspection, each with its document. */
export class InspectionVisitService {
  /**
   * Records the visit of an APPROVED inspection, all in one transaction: the inspectors' certificates
   * valid on the visit day, the frequency cap for its year, the certificates seen (those of the
   * enterprise's workers, with their status that day; an invalid one becomes a finding citing
   * 安全生产法 第三十条), the findings' articles in force that day, the hazards they raise in the risk
   * module (source INSPECTION, origin this inspection), the rows, the 现场检查记录 and the step.
   */
  recordVisit(ctx: RequestContext, input: RecordInspectionVisitInput): Promise<Inspection> {
    const today = ctx.clock.today();
    const visitedOn = input.visitedOn ?? today;
    assertNotFuture(visitedOn, 'input.visitedOn', today);
    checkVisitShape(input);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Inspections, INSPECTION_WORKFLOW.permissionOf('recordVisit')).lock(input.id);
      let visit: { inspectors: Map<string, string>; rows: VisitRows; certificates: Map<string, { number: string; operationItem: string }> } | null = null;
      const recorded = await applyStep(tx, INSPECTION_WORKFLOW, 'recordVisit', {
        current,
        version: input.version,
        patch: async () => {
          if (visitedOn < current.approvedOn!) throw inspectionRules.field('input.visitedOn', 'range', `must not be before the approval (${current.approvedOn}).`);
          const inspectors = await checkInspectors(tx, current.inspectorPersonIds, current.legalSubjectId, visitedOn, 'input.visitedOn', false);
          const frequency = await checkFrequencyCap(tx, { inspectionId: current.id, enterpriseId: current.enterpriseId, day: visitedOn, field: 'input.visitedOn' });
          await checkArticlesInForce(tx, 'input.checklist', [DUTIES_ARTICLE()], visitedOn);
          for (const [i, f] of (input.findings ?? []).entries()) if (f.lawArticleIds?.length) await checkArticlesInForce(tx, `input.findings.${i}.lawArticleIds`, f.lawArticleIds, visitedOn);
          const { rows, certificates } = await visitRowsOf(tx, current, input, visitedOn);
          await insertVisitRows(tx, current.id, rows);
          visit = { inspectors, rows, certificates };
          const reasons = rows.findings.filter((f) => f.forCase).map((f) => f.caseReason!);
          return {
            visitedOn,
            visitTime: input.visitTime,
            unitSignatoryName: input.unitSignatoryName,
            summary: input.summary ?? null,
            forCase: reasons.length > 0,
            forCaseReason: reasons.length ? reasons.join('；') : null,
            ...frequency,
          };
        },
        changes: () => ({
          visitedOn,
          unitSignatoryName: input.unitSignatoryName,
          checklist: visit!.rows.checklist.map((c) => [c.duty, c.result]),
          certificateChecks: visit!.rows.certificateChecks.map((c) => [c.specialOperationCertificateId, c.status]),
          permitChecks: visit!.rows.permitChecks.length,
          findings: visit!.rows.findings.map((f) => ({ id: f.id, severity: f.severity, hazardId: f.hazardId, forCase: f.forCase })),
        }),
      });
      await issueFieldRecord(tx, recorded, visit!);
      return recorded;
    });
  }

  /**
   * 责令限期整改: the findings that require rectification, ordered rectified by a deadline after the
   * order day (rule `rectification` when none requires it); the re-inspection is due the days of the
   * re-inspection rule version in force on the order day after the deadline (the inspection keeps it).
   */
  orderRectification(ctx: RequestContext, input: OrderInspectionRectificationInput): Promise<Inspection> {
    const today = ctx.clock.today();
    const orderedOn = input.orderedOn ?? today;
    assertNotFuture(orderedOn, 'input.orderedOn', today);
    if (input.deadline <= orderedOn) throw inspectionRules.field('input.deadline', 'afterFrom', `must be after the order day (${orderedOn}).`);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Inspections, INSPECTION_WORKFLOW.permissionOf('orderRectification')).lock(input.id);
      const ordered = await applyStep(tx, INSPECTION_WORKFLOW, 'orderRectification', {
        current,
        version: input.version,
        patch: async () => {
          if (orderedOn < current.visitedOn!) throw inspectionRules.field('input.orderedOn', 'range', `must not be before the visit (${current.visitedOn}).`);
          const required = await records(tx, InspectionFindings).where(sql`t.inspection_id = ${current.id} AND t.rectification_required`).count();
          if (!required) throw inspectionRules.field('input.id', 'rectification', 'no finding of the visit requires rectification: close the inspection instead.');
          const rule = await businessRules.inForce(tx, REINSPECTION_RULE, orderedOn, 'input.orderedOn');
          return { rectificationOrderedOn: orderedOn, rectificationDeadline: input.deadline, reinspectionDueOn: addDays(input.deadline, rule.value.daysAfterDeadline), ruleVersionId: rule.id };
        },
      });
      await issueRectificationOrder(tx, ordered);
      return ordered;
    });
  }

  /**
   * 整改复查: rectified or not, on a day not before the order; not rectified marks the inspection for a
   * case (安全生产法 第一百零二条: 未采取措施消除事故隐患). Issues the 整改复查意见书.
   */
  recordReinspection(ctx: RequestContext, input: RecordInspectionReinspectionInput): Promise<Inspection> {
    const today = ctx.clock.today();
    const reinspectedOn = input.reinspectedOn ?? today;
    assertNotFuture(reinspectedOn, 'input.reinspectedOn', today);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Inspections, INSPECTION_WORKFLOW.permissionOf('recordReinspection')).lock(input.id);
      const notRectified = '复查发现逾期未整改（安全生产法 第一百零二条）';
      const reinspected = await applyStep(tx, INSPECTION_WORKFLOW, 'recordReinspection', {
        current,
        version: input.version,
        check: () => {
          if (reinspectedOn < current.rectificationOrderedOn!) throw inspectionRules.field('input.reinspectedOn', 'range', `must not be before the order (${current.rectificationOrderedOn}).`);
        },
        patch: {
          reinspectedOn,
          rectified: input.rectified,
          reinspectionOpinion: input.opinion,
          ...(input.rectified ? {} : { forCase: true, forCaseReason: current.forCaseReason ? `${current.forCaseReason}；${notRectified}` : notRectified }),
        },
      });
      await issueReinspectionOpinion(tx, reinspected);
      return reinspected;
    });
  }
}
