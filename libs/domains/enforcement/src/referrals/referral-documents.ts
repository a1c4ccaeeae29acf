import { globalIdOf, todayInChina, unscoped, type RequestContext } from '@platform/core';
import { Persons } from '@platform/directory';
import { EnforcementDocumentKind, issueEnforcementDocument, type CriminalCaseTransferFields, type CriminalReferralReportFields, type DocumentFields, type EnforcementDocument } from '../documents/public';
import { CriminalReferral, ReferralReason, CriminalReferrals } from '../referral-flags/public';

/*
 * The numbered documents of a referral, issued through the documents part in the step's transaction:
 * the 涉嫌犯罪案件移送报告 when reported, the 涉嫌犯罪案件移送书 when transferred. The names they print are
 * read whatever the caller may read, since the document must carry them.
 */

const PRINTED = 'a referral document prints the names of the enforcers and of the agency head who decided';

/** Each reason in words, as the report prints it. */
export const REASON_ZH: Readonly<Record<ReferralReason, string>> = {
  DEATHS: '造成死亡一人以上',
  SERIOUS_INJURIES: '造成重伤三人以上',
  DIRECT_LOSS: '造成直接经济损失一百万元以上',
  MONITORING_DATA_TAMPERED: '篡改、隐瞒、销毁直接关系生产安全的监控、报警、防护、救生设备、设施的相关数据、信息',
  MONITORING_EQUIPMENT_DISABLED: '关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施',
  REFUSED_SUSPENSION_ORDER: '因存在重大事故隐患被依法责令停产停业、停止施工、停止使用有关设备、设施、场所或者立即采取排除危险的整改措施，而拒不执行',
  UNLICENSED_HIGH_RISK_WORK: '涉及安全生产的事项未经依法批准或者许可，擅自从事高度危险的生产作业活动',
  FORCED_RISKY_WORK: '强令他人违章冒险作业',
  KNOWN_MAJOR_HAZARD_CONTINUED: '明知存在重大事故隐患而不排除，仍冒险组织作业',
  REPORTING_OFFENCE: '在安全事故发生后，负有报告职责的人员不报或者谎报事故情况，贻误事故抢救',
};

const issue = (tx: RequestContext, r: CriminalReferral, kind: EnforcementDocumentKind, issuedOn: string, fields: DocumentFields, id?: string): Promise<EnforcementDocument> =>
  issueEnforcementDocument(tx, { kind, organizationId: r.organizationId, issuingOrganizationId: r.legalSubjectId!, subjectNodeId: globalIdOf(CriminalReferrals, r.id), issuedOn, fields, ...(id ? { id } : {}) });

/** 涉嫌犯罪案件移送报告: the reasons, the suspected offence, the facts and the enforcers. */
export async function issueReferralReport(tx: RequestContext, r: CriminalReferral, source: string, certificates: ReadonlyMap<string, string>, id?: string): Promise<EnforcementDocument> {
  const persons = await unscoped(tx, Persons, PRINTED).many(r.enforcerPersonIds, ['id', 'name']);
  const day = todayInChina(r.reportedAt!);
  const fields: CriminalReferralReportFields = {
    referralCode: r.code,
    source,
    reasons: r.reasons.map((reason) => ({ text: REASON_ZH[reason] })),
    suspectedOffence: r.suspectedOffence!,
    summary: r.reportSummary!,
    inspectors: persons.map((p, n) => ({ name: p?.name ?? r.enforcerPersonIds[n]!, certificateNumber: certificates.get(r.enforcerPersonIds[n]!) ?? '（无）' })),
    reportedOn: day,
  };
  return issue(tx, r, EnforcementDocumentKind.CRIMINAL_REFERRAL_REPORT, day, fields, id);
}

/** 涉嫌犯罪案件移送书: to the police, the procuratorate copied. */
export async function issueTransfer(tx: RequestContext, r: CriminalReferral, source: string, id?: string): Promise<EnforcementDocument> {
  const decider = await unscoped(tx, Persons, PRINTED).one(r.deciderPersonId!, ['id', 'name']);
  const day = todayInChina(r.transferredAt!);
  const fields: CriminalCaseTransferFields = {
    referralCode: r.code,
    policeOrgan: r.policeOrgan!,
    procuratorate: r.procuratorate!,
    source,
    suspectedOffence: r.suspectedOffence!,
    summary: r.reportSummary!,
    decider: decider?.name ?? r.deciderPersonId!,
    transferredOn: day,
  };
  return issue(tx, r, EnforcementDocumentKind.CRIMINAL_CASE_TRANSFER, day, fields, id);
}
