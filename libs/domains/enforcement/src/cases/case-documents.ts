import { globalIdOf, unscoped, type RequestContext } from '@platform/core';
import { Persons } from '@platform/directory';
import { EnforcementDocumentKind, issueEnforcementDocument, type DocumentFields, type EnforcementDocument } from '../documents/public';
import { validEnforcementCertificates } from '../certificates/public';
import type { PenaltyCase } from './penalty-case.entity';
import { CaseServiceMethod, PenaltyCaseDecision } from './case.enums';
import { PenaltyCases } from './cases.entities';

/*
 * The numbered documents of a case (执法文书), issued through the documents part in the step's
 * transaction, each filled from the case as it stands after the step. The names printed are read
 * whatever the caller may read, since the document must carry them.
 */

const PRINTED = 'a case document prints the names of the enforcers, the approvers and their certificate numbers';

export const DECISION_ZH: Readonly<Record<PenaltyCaseDecision, string>> = {
  PENALTY: '给予行政处罚',
  NO_PENALTY_MINOR: '不予行政处罚（违法行为轻微并及时改正，没有造成危害后果）',
  NO_PENALTY_UNPROVEN: '不予行政处罚（违法事实不能成立）',
  TRANSFER_TO_JUDICIAL: '移送司法机关',
};

export const SERVICE_ZH: Readonly<Record<CaseServiceMethod, string>> = {
  DIRECT: '直接送达',
  LEFT_AT_ADDRESS: '留置送达',
  POST: '邮寄送达',
  ELECTRONIC: '电子送达',
  ENTRUSTED: '委托送达',
  PUBLIC_NOTICE: '公告送达',
};

/** The rights printed on a notice (行政处罚法 第四十五条、第六十三条). */
export const RIGHTS = '当事人有权进行陈述和申辩；拟作出的行政处罚属于听证范围的，当事人有权在告知书送达之日起五个工作日内要求听证。';
/** The remedies printed on a decision (行政复议法、行政诉讼法). */
export const REMEDIES = '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';

/** The name of a person, printed (the id when unknown). */
export async function personName(tx: RequestContext, id: string): Promise<string> {
  return (await unscoped(tx, Persons, PRINTED).one(id, ['id', 'name']))?.name ?? id;
}

/** The enforcers as a document lists them: name and enforcement certificate number. */
export async function enforcerRows(tx: RequestContext, c: Pick<PenaltyCase, 'enforcerPersonIds' | 'legalSubjectId'>, day: string): Promise<Array<{ name: string; certificateNumber: string }>> {
  const persons = await unscoped(tx, Persons, PRINTED).many(c.enforcerPersonIds, ['id', 'name']);
  const certificates = await validEnforcementCertificates(tx, c.enforcerPersonIds, c.legalSubjectId, day);
  return persons.map((p, n) => ({ name: p?.name ?? c.enforcerPersonIds[n]!, certificateNumber: certificates.get(c.enforcerPersonIds[n]!)?.number ?? '（无）' }));
}

/** Issues a document of the case (addressed to the party, numbered by the legal subject). */
export function issueCaseDocument(
  tx: RequestContext,
  c: Pick<PenaltyCase, 'id' | 'enterpriseId' | 'legalSubjectId'>,
  kind: EnforcementDocumentKind,
  issuedOn: string,
  fields: DocumentFields,
  id?: string,
): Promise<EnforcementDocument> {
  return issueEnforcementDocument(tx, { kind, organizationId: c.enterpriseId, issuingOrganizationId: c.legalSubjectId, subjectNodeId: globalIdOf(PenaltyCases, c.id), issuedOn, fields, ...(id ? { id } : {}) });
}
