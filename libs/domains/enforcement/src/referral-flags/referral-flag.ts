import { createRecord, recordEvent, sql, transaction, unscoped, updateRecord, yearlyNumbers, SortDirection, type RequestContext } from '@platform/core';
import { CriminalReferral } from './criminal-referral.entity';
import { FIGURE_REASONS, OPEN_REFERRAL_STATUSES, ReferralReason, ReferralStatus } from './referral.enums';
import { CriminalReferrals } from './referrals.entities';
import { referralEvents } from './referrals.events';
import { referralPayload } from './referral-workflow';
import { lockReferralSource } from './referral.sql';
import { criminalThresholdsOn } from './referral-thresholds';

/** Why a flag reads referrals beyond the caller's scope: it is raised by the part owning the source, on behalf of whoever changed the figures or facts. */
const FLAGGING = 'a referral flag is raised by the part owning the case or accident, whatever the caller may read of referrals';

/** The prefix of the town's referral codes (南平移送): `NPYS-<year>-<number>`. */
export const REFERRAL_CODE_PREFIX = 'NPYS';

/** The series of referral codes in the kernel's gap-free yearly numbers. */
const REFERRAL_SERIES = 'enforcement.criminal-referral';

/** Where a referral comes from: a penalty case or an accident investigation (exactly one). */
export type ReferralSource = { readonly caseId: string } | { readonly accidentInvestigationId: string };

/** A source as the part owning it flags it: with the organization concerned (the case's party enterprise, the investigation's organization), which the referral keeps for its scope. */
export type FlaggedSource = ReferralSource & { readonly organizationId: string };

export const isCaseSource = (s: ReferralSource): s is { readonly caseId: string } => 'caseId' in s;

/** The code of the `n`-th referral of a year. */
export const referralCode = (year: number, n: number): string => `${REFERRAL_CODE_PREFIX}-${year}-${String(n).padStart(4, '0')}`;

const KNOWN = new Set<string>(Object.values(ReferralReason));
const ORDER = Object.values(ReferralReason);
const sorted = (reasons: Iterable<ReferralReason>): ReferralReason[] => [...new Set(reasons)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));

/**
 * Flags a source (a penalty case or an accident investigation) for criminal referral, in the
 * caller's transaction (joined, or one of its own). Idempotent: no-op for no reasons or when every
 * reason was raised before for the source (also on a referral since closed or dismissed, so refreshed
 * figures do not re-open what was dismissed); adds the new reasons to the source's open referral; or
 * opens a FLAGGED referral with all the reasons given when none is open. Each change writes the
 * audit entry `enforcement.referral.flagged` and emits the event of that name after commit.
 */
export async function flagReferral(ctx: RequestContext, source: FlaggedSource, reasons: readonly ReferralReason[]): Promise<void> {
  const unknown = reasons.filter((r) => !KNOWN.has(r));
  if (unknown.length) throw new Error(`flagReferral: unknown reasons ${unknown.join(', ')}.`);
  const wanted = sorted(reasons);
  if (!wanted.length) return;
  await transaction(ctx, async (tx) => {
    const src = { caseId: isCaseSource(source) ? source.caseId : null, accidentInvestigationId: isCaseSource(source) ? null : source.accidentInvestigationId, organizationId: source.organizationId };
    const sourceId = (src.caseId ?? src.accidentInvestigationId)!;
    await lockReferralSource(tx, sourceId);
    const column = src.caseId ? sql`t.case_id = ${sourceId}` : sql`t.accident_investigation_id = ${sourceId}`;
    const existing = await unscoped(tx, CriminalReferrals, FLAGGING)
      .where(column)
      .list({ keys: [{ column: 't.flagged_at', direction: SortDirection.DESC }, { column: 't.id', direction: SortDirection.DESC }], limit: 100 });
    const raised = new Set(existing.flatMap((r) => r.reasons));
    const added = wanted.filter((r) => !raised.has(r));
    if (!added.length) return;
    const now = tx.clock.now();
    const figures = added.some((r) => FIGURE_REASONS.includes(r));
    const open = existing.find((r) => OPEN_REFERRAL_STATUSES.includes(r.status));
    if (open) {
      const thresholdRuleVersionId = open.thresholdRuleVersionId ?? (figures ? (await criminalThresholdsOn(tx, tx.clock.today())).id : null);
      await updateRecord(tx, CriminalReferral, 'CriminalReferral', open, open.version, { reasons: sorted([...open.reasons, ...added]), thresholdRuleVersionId }, {
        action: 'enforcement.referral.flagged',
        changes: { reasonsAdded: added },
        ...recordEvent(referralEvents['enforcement.referral.flagged'], referralPayload),
      });
      return;
    }
    const thresholdRuleVersionId = wanted.some((r) => FIGURE_REASONS.includes(r)) ? (await criminalThresholdsOn(tx, tx.clock.today())).id : null;
    const year = Number(tx.clock.today().slice(0, 4));
    const code = referralCode(year, await yearlyNumbers.next(tx, REFERRAL_SERIES, year));
    await createRecord(
      tx,
      CriminalReferral,
      'CriminalReferral',
      {
        code,
        caseId: src.caseId,
        accidentInvestigationId: src.accidentInvestigationId,
        organizationId: src.organizationId,
        reasons: wanted,
        thresholdRuleVersionId,
        status: ReferralStatus.FLAGGED,
        flaggedAt: now,
        enforcerPersonIds: [],
      },
      { action: 'enforcement.referral.flagged', changes: { code, caseId: src.caseId, accidentInvestigationId: src.accidentInvestigationId, reasons: wanted }, ...recordEvent(referralEvents['enforcement.referral.flagged'], referralPayload) },
    );
  });
}
