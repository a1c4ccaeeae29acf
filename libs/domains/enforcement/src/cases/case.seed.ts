import { addDays, audit, businessRules, createRecord, unscoped, updateRecord, workingDays, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { EnforcementDocumentKind, type CaseClosureFields, type CaseFilingFields, type HearingNoticeFields, type NoPenaltyDecisionFields, type PenaltyDecisionFields, type PenaltyNoticeFields, type ServiceReceiptFields } from '../documents/public';
import { EnforcementItems, HEARING_THRESHOLD_RULE, enforcementItemSeedId } from '../items/public';
import { inspectionSeedId } from '../inspections/public';
import { CASE_CLOCKS_RULE } from '../business-rules/cases';
import { PenaltyCase } from './penalty-case.entity';
import { PenaltyCaseEvidence, PenaltyCaseRecusal, PenaltyCaseSuspension } from './case-record.entity';
import { PenaltyCaseDecision, PenaltyCaseOrigin } from './case.enums';
import { PenaltyCases } from './cases.entities';
import { DECISION_ZH, REMEDIES, RIGHTS, SERVICE_ZH, enforcerRows, issueCaseDocument, personName } from './case-documents';
import { SEED_CASES, type SeedCase } from './case.seed-data';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded case, by its key in the seed data (e.g. `2026-desheng-training`). */
export const penaltyCaseSeedId = (key: string): string => seedId(`penalty-case:${key}`);

/** The heads who approve, decide and review in the seed: the head of the town safety office (anban's person). */
const HEAD = seedId('person:person-dept-safety-head');
const enforcer = (key: string) => seedId(`person:person-dept-enforcement-${key}`);
const at = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

/** The day of a seeded case's last step. */
const lastDay = (s: SeedCase): string =>
  s.archivedOn ?? s.closed?.[0] ?? s.executingOn ?? s.served?.[0] ?? s.decided?.[0] ?? s.hearing?.notifiedOn ?? s.notified?.on ?? s.discussed?.[0] ?? s.reviewed?.[0] ?? s.extension?.[0] ?? s.investigated?.[0] ?? s.suspensions?.at(-1)?.[2] ?? s.suspensions?.at(-1)?.[0] ?? s.filedOn;

interface Pending {
  readonly day: string;
  readonly order: number;
  readonly key: string;
  readonly issue: () => Promise<unknown>;
}

/**
 * The demo cases (`SEED_CASES`), each written in the state it reached with the clocks its rule
 * version gives (the working-day deadlines by the calendar), its declarations, evidence and
 * suspensions; its documents issued through the documents part in the order of their days, the
 * 立案审批表 first (its number is the case code). Idempotent: a case that exists is left as it is.
 */
export async function seedPenaltyCases(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  const ordered = [...SEED_CASES].sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : 0));
  const later: Pending[] = [];
  let inserted = 0;
  for (const s of ordered) {
    const id = penaltyCaseSeedId(s.key);
    if (await unscoped(ctx, PenaltyCases, SEEDING).exists(id)) continue;
    const docId = (kind: string) => seedId(`penalty-case-document:${s.key}:${kind}`);
    const rule = await businessRules.inForce(ctx, CASE_CLOCKS_RULE, s.filedOn);
    const itemId = enforcementItemSeedId('2025-07', s.item);
    const item = (await unscoped(ctx, EnforcementItems, SEEDING).one(itemId, ['id', 'code', 'name', 'responsibleOrganizationId']))!;
    const base = { id, legalSubjectId: item.responsibleOrganizationId, enterpriseId: seedId(`org:${s.enterprise}`), enforcerPersonIds: s.enforcers.map(enforcer) };
    const filing = await issueCaseDocument(ctx, base, EnforcementDocumentKind.CASE_FILING, s.filedOn, {
      enforcementItem: `${item.name}（${item.code}）`,
      cause: s.cause,
      facts: s.facts,
      actEndedOn: s.actEndedOn,
      inspectors: await enforcerRows(ctx, base, s.filedOn),
      approver: await personName(ctx, HEAD),
      filedOn: s.filedOn,
    } satisfies CaseFilingFields, docId('filing'));
    const threshold = s.fineYuan && s.notified ? (await businessRules.inForce(ctx, HEARING_THRESHOLD_RULE, s.notified.on)).value : null;
    const hearingRequired = threshold !== null && Number(s.fineYuan) >= threshold.unitFineYuan;
    const decision = s.decided?.[1] ?? null;
    const penalty = decision === PenaltyCaseDecision.PENALTY;
    const clocks = rule.value;
    const c = {
      ...base,
      code: filing.number,
      enforcementItemId: itemId,
      inspectionId: s.inspection ? inspectionSeedId(s.inspection) : null,
      accidentInvestigationId: null,
      origin: s.inspection ? PenaltyCaseOrigin.INSPECTION : PenaltyCaseOrigin.STANDALONE,
      cause: s.cause,
      facts: s.facts,
      actEndedOn: s.actEndedOn,
      filedOn: s.filedOn,
      filingApproverPersonId: HEAD,
      status: s.status,
      majorOrComplex: s.majorOrComplex ?? false,
      harmToLifeOrHealth: false,
      suspended: Boolean(s.suspensions?.some((x) => !x[2])),
      criminalIndicators: [],
      clockRuleVersionId: rule.id,
      decisionDays: clocks.decisionDays,
      targetDays: clocks.targetDays,
      warnDaysBefore: clocks.warnDaysBefore,
      extensionDays: s.extension?.[1] ?? null,
      extensionReason: s.extension?.[2] ?? null,
      extensionApproverPersonId: s.extension ? HEAD : null,
      extendedOn: s.extension?.[0] ?? null,
      legalReviewRequired: Boolean(s.majorOrComplex) || hearingRequired,
      hearingRequired,
      investigatedOn: s.investigated?.[0] ?? null,
      investigationSummary: s.investigated?.[1] ?? null,
      reviewedOn: s.reviewed?.[0] ?? null,
      reviewerPersonId: s.reviewed ? HEAD : null,
      reviewOpinion: s.reviewed?.[1] ?? null,
      discussedOn: s.discussed?.[0] ?? null,
      discussionParticipants: s.discussed ? ['镇长', '分管副镇长', '镇安办主任', '综合执法大队队长'] : null,
      discussionConclusion: s.discussed?.[1] ?? null,
      notifiedOn: s.notified?.on ?? null,
      noticeBasis: s.notified?.basis ?? null,
      intendedPenalty: s.notified?.intendedPenalty ?? null,
      notifiedFineYuan: s.notified && s.fineYuan ? `${s.fineYuan}.00` : null,
      hearingRequestDueOn: s.notified ? await workingDays.add(ctx, s.notified.on, clocks.hearingRequestWorkingDays) : null,
      hearingRequestedOn: s.hearing?.requestedOn ?? null,
      hearingOn: s.hearing?.hearingOn ?? null,
      hearingNotifiedOn: s.hearing?.notifiedOn ?? null,
      hearingChairPersonId: s.hearing ? HEAD : null,
      decidedOn: s.decided?.[0] ?? null,
      decision,
      decisionReason: s.decided?.[2] ?? null,
      deciderPersonId: s.decided ? HEAD : null,
      decidedFineYuan: penalty && s.fineYuan ? `${s.fineYuan}.00` : null,
      serviceDueOn: s.decided ? await workingDays.add(ctx, s.decided[0], clocks.serviceWorkingDays) : null,
      servedOn: s.served?.[0] ?? null,
      serviceMethod: s.served?.[1] ?? null,
      serviceRecipient: s.served?.[2] ?? null,
      paymentDueOn: s.served && penalty ? addDays(s.served[0], clocks.paymentDays) : null,
      executionStartedOn: s.executingOn ?? null,
      closedOn: s.closed?.[0] ?? null,
      closureReason: s.closed?.[1] ?? null,
      closureApproverPersonId: s.closed ? HEAD : null,
      archivedOn: s.archivedOn ?? null,
      decisionDocumentNumber: null as string | null,
      createdAt: at(s.filedOn, '09:00'),
      updatedAt: at(lastDay(s), '17:00'),
    };
    const created = await createRecord(ctx, PenaltyCase, 'PenaltyCase', c, { action: 'enforcement.case.seed', changes: { key: s.key } });
    inserted++;
    for (const [n, p] of c.enforcerPersonIds.entries()) {
      await createRecord(ctx, PenaltyCaseRecusal, 'PenaltyCaseRecusal', { id: seedId(`penalty-case-recusal:${s.key}:${n}`), caseId: id, personId: p, recused: false, reason: null, declaredOn: s.filedOn, replacedByPersonId: null }, { action: 'enforcement.case.declareRecusal' });
    }
    for (const [n, [kind, title, description]] of (s.evidence ?? []).entries()) {
      await createRecord(ctx, PenaltyCaseEvidence, 'PenaltyCaseEvidence', { id: seedId(`penalty-case-evidence:${s.key}:${n + 1}`), caseId: id, position: n + 1, kind, title, description, collectedOn: addDays(s.filedOn, n + 1), collectorPersonIds: [...c.enforcerPersonIds] }, { action: 'enforcement.case.addEvidence' });
    }
    for (const [n, [suspendedOn, reason, resumedOn, resumeReason]] of (s.suspensions ?? []).entries()) {
      await createRecord(ctx, PenaltyCaseSuspension, 'PenaltyCaseSuspension', { id: seedId(`penalty-case-suspension:${s.key}:${n + 1}`), caseId: id, suspendedOn, reason, resumedOn: resumedOn ?? null, resumeReason: resumeReason ?? null }, { action: 'enforcement.case.suspension' });
    }
    let kase = created;
    const push = (day: string | null, order: number, issue: () => Promise<unknown>) => day && later.push({ day, order, key: s.key, issue });
    if (s.notified) {
      push(s.notified.on, 1, () => issueCaseDocument(ctx, kase, EnforcementDocumentKind.PENALTY_NOTICE, s.notified!.on, {
        caseCode: kase.code, facts: kase.investigationSummary ?? kase.facts, basis: s.notified!.basis, intendedPenalty: s.notified!.intendedPenalty, rights: RIGHTS,
        ...(hearingRequired ? { hearingRequestDueOn: kase.hearingRequestDueOn! } : {}),
      } satisfies PenaltyNoticeFields, docId('notice')));
    }
    if (s.hearing) {
      push(s.hearing.notifiedOn, 2, async () => issueCaseDocument(ctx, kase, EnforcementDocumentKind.HEARING_NOTICE, s.hearing!.notifiedOn, { caseCode: kase.code, requestedOn: s.hearing!.requestedOn, hearingOn: s.hearing!.hearingOn, place: s.hearing!.place, chair: await personName(ctx, HEAD) } satisfies HearingNoticeFields, docId('hearing')));
    }
    if (s.decided) {
      push(s.decided[0], 3, async () => {
        const decider = await personName(ctx, HEAD);
        const document = penalty
          ? await issueCaseDocument(ctx, kase, EnforcementDocumentKind.PENALTY_DECISION, kase.decidedOn!, { caseCode: kase.code, facts: kase.investigationSummary ?? kase.facts, basis: kase.noticeBasis ?? '', penalty: kase.intendedPenalty ?? DECISION_ZH.PENALTY, fineYuan: kase.decidedFineYuan ?? '0.00', paymentDays: String(clocks.paymentDays), remedies: REMEDIES, decider, decidedOn: kase.decidedOn! } satisfies PenaltyDecisionFields, docId('decision'))
          : await issueCaseDocument(ctx, kase, EnforcementDocumentKind.NO_PENALTY_DECISION, kase.decidedOn!, { caseCode: kase.code, facts: kase.investigationSummary ?? kase.facts, reason: `${DECISION_ZH[kase.decision!]}：${kase.decisionReason}`, decider, decidedOn: kase.decidedOn! } satisfies NoPenaltyDecisionFields, docId('decision'));
        // The decision's number, as the decide step stores it (the row was written before its documents).
        kase = await updateRecord(ctx, PenaltyCase, 'PenaltyCase', kase, kase.version, { decisionDocumentNumber: document.number }, { action: 'enforcement.case.seed' });
      });
    }
    if (s.served) push(s.served[0], 4, () => issueCaseDocument(ctx, kase, EnforcementDocumentKind.SERVICE_RECEIPT, s.served![0], { caseCode: kase.code, documentNumber: kase.decisionDocumentNumber ?? kase.code, method: SERVICE_ZH[s.served![1]], recipient: s.served![2], servedOn: s.served![0] } satisfies ServiceReceiptFields, docId('receipt')));
    if (s.closed) {
      push(s.closed[0], 5, async () => issueCaseDocument(ctx, kase, EnforcementDocumentKind.CASE_CLOSURE, s.closed![0], { caseCode: kase.code, decision: DECISION_ZH[decision!], execution: penalty ? '已履行完毕' : '无需执行', reason: s.closed![1], approver: await personName(ctx, HEAD), closedOn: s.closed![0] } satisfies CaseClosureFields, docId('closure')));
    }
  }
  later.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.order !== b.order ? a.order - b.order : a.key < b.key ? -1 : 1));
  for (const d of later) await d.issue();
  if (inserted) await audit(ctx, { action: 'enforcement.case.seed', entityType: 'PenaltyCase', entityId: null, changes: { inserted } });
}
