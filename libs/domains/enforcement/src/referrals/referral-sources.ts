import { NotFoundError, todayInChina, unscoped, type RequestContext } from '@platform/core';
import { PenaltyCases } from '../cases/public';
import { AccidentInvestigations } from '../accidents/public';
import { chineseDay } from '../documents/public';
import { isCaseSource, type ReferralSource } from '../referral-flags/public';

/** A source as a referral keeps it: its id in one of two columns, the organization concerned and the legal subject that refers. */
export interface ResolvedSource {
  readonly caseId: string | null;
  readonly accidentInvestigationId: string | null;
  readonly id: string;
  readonly organizationId: string;
  /** The case's legal subject; null for an accident (the referring organ is named on the report). */
  readonly legalSubjectId: string | null;
  /** How documents name it: the case number, or the accident and its day. */
  readonly label: string;
}

/** Why a referral reads its source beyond the caller's scope: the part owning the source raised the flag, and documents print it. */
const SOURCE = 'a referral reads the case or accident it comes from on behalf of the part that flagged it';

/** The source of a referral as stored (its two columns). */
export const sourceOf = (r: { readonly caseId: string | null; readonly accidentInvestigationId: string | null }): ReferralSource =>
  r.caseId ? { caseId: r.caseId } : { accidentInvestigationId: r.accidentInvestigationId! };

/**
 * The source's organization: the case's party enterprise, or the accident investigation's
 * organization, whatever the caller may read (the flag is raised on the caller's behalf by the
 * part that owns the source).
 */
export async function resolveSource(tx: RequestContext, source: ReferralSource): Promise<ResolvedSource> {
  if (isCaseSource(source)) {
    const c = await unscoped(tx, PenaltyCases, SOURCE).one(source.caseId, ['id', 'code', 'enterpriseId', 'legalSubjectId']);
    if (!c) throw new NotFoundError('PenaltyCase', source.caseId);
    return { caseId: c.id, accidentInvestigationId: null, id: c.id, organizationId: c.enterpriseId, legalSubjectId: c.legalSubjectId, label: `案件${c.code}` };
  }
  const a = await unscoped(tx, AccidentInvestigations, SOURCE).one(source.accidentInvestigationId, ['id', 'organizationId', 'occurredAt']);
  if (!a) throw new NotFoundError('AccidentInvestigation', source.accidentInvestigationId);
  return { caseId: null, accidentInvestigationId: a.id, id: a.id, organizationId: a.organizationId, legalSubjectId: null, label: `${chineseDay(todayInChina(a.occurredAt))}生产安全事故` };
}
