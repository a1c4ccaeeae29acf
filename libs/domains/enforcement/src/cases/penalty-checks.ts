import { BadUserInputError, SortDirection, businessRules, compareDecimals, records, sql, unscoped, type FieldViolation, type RequestContext } from '@platform/core';
import { Persons } from '@platform/directory';
import { OPEN_BEFORE_DECISION, PenaltyCaseDecision, PenaltyCaseStatus } from './case.enums';
import { PenaltyCases } from './cases.entities';
import { type PenaltyCase } from './penalty-case.entity';
import { EnforcementDiscretionBands, HEARING_THRESHOLD_RULE, type EnforcementDiscretionBand } from '../items/public';
import { AccidentInvestigations } from '../accidents/public';
import { checkArticlesInForce } from '../laws/public';
import { gradeOfCondition, incomeBased, incomeShare, withinIncomeBand, withinYuanBand } from './penalty-amounts';
import { PenaltySubjectKind, type PenaltyPersonRole } from './penalty.enums';
import type { PenaltyLine } from './penalty-line.entity';
import { PenaltyLines } from './penalties.entities';
import { penaltyRules } from './penalties.rules';
import { CHECKING } from './penalty.sql';

/*
 * The checks of penalty lines (band of the case's item, amount within it, income basis, accident
 * grade, 一案双罚 and 一事不再罚) shared by the line mutations and by the decision check the cases part
 * calls (`penaltyDecisionCheck`).
 */

/** Case states in which lines may be added, changed or removed: before the decision (frozen from DECIDED). */
export const LINES_EDITABLE: readonly PenaltyCaseStatus[] = OPEN_BEFORE_DECISION;

/** Case states in which payments are recorded: after service, while executing. */
export const PAYABLE: readonly PenaltyCaseStatus[] = [PenaltyCaseStatus.SERVED, PenaltyCaseStatus.EXECUTING];

/** What a line is set to (the figures a mutation gives, merged over the line it changes). */
export interface LineTerms {
  readonly subjectKind: PenaltySubjectKind;
  readonly personId: string | null;
  readonly personRole: PenaltyPersonRole | null;
  readonly bandId: string;
  readonly lawArticleIds: readonly string[];
  readonly amountYuan: string | null;
  readonly incomeYuan: string | null;
  readonly incomeEvidence: string | null;
  readonly incomePercent: number | null;
}

/** The amount a line comes to and the accident grade it was set under. */
export interface SettledLine {
  readonly amountYuan: string;
  readonly accidentGrade: string | null;
}

/** The band of a line as its case may use it (any caller: a legal check). */
export function bandOf(ctx: RequestContext, bandId: string): Promise<EnforcementDiscretionBand | null> {
  return unscoped(ctx, EnforcementDiscretionBands, CHECKING).one(bandId);
}

/** The grade of the accident a case is linked to (null when none, or not yet graded). */
export async function accidentGradeOfCase(ctx: RequestContext, c: Pick<PenaltyCase, 'accidentInvestigationId'>): Promise<string | null> {
  if (!c.accidentInvestigationId) return null;
  const accident = await unscoped(ctx, AccidentInvestigations, CHECKING).one(c.accidentInvestigationId, ['id', 'grade']);
  return accident?.grade ?? null;
}

/**
 * What is wrong with a line's terms against its case (no statement beyond the band, already read):
 * the band is of the case's item and for the line's subject; a band in yuan takes an amount within
 * it and no income; a band as a share of income takes last year's income, its evidence and a
 * percentage within it (the amount is computed, never given); an accident-linked case takes a band
 * whose condition names no other grade than the accident's. Fields are named under `prefix`.
 */
export function lineViolations(c: PenaltyCase, t: LineTerms, band: EnforcementDiscretionBand | null, grade: string | null, prefix: string): FieldViolation[] {
  const v = (field: string, rule: string, message: string): FieldViolation => ({ field: `${prefix}.${field}`, rule, message });
  if (!band || band.itemId !== c.enforcementItemId) return [v('bandId', 'band', `is not a discretion band of the case's item (the item version the case was filed under).`)];
  if ((band.subject as string) !== t.subjectKind) return [v('bandId', 'band', `is a band for ${band.subject === 'UNIT' ? 'the unit' : 'a person'}, not for the line's subject (${t.subjectKind}).`)];
  const out: FieldViolation[] = [];
  if (incomeBased(band)) {
    if (t.amountYuan !== null) out.push(v('amountYuan', 'incomeBasis', 'is computed for a band set as a share of income (income × percent): give incomeYuan, incomeEvidence and incomePercent instead.'));
    if (t.incomeYuan === null) out.push(v('incomeYuan', 'incomeBasis', `last year's income is required for this band (${band.incomePercentMin}–${band.incomePercentMax} % of income).`));
    if (t.incomeEvidence === null) out.push(v('incomeEvidence', 'incomeBasis', 'the evidence of last year\'s income (a document or attachment reference) is required.'));
    if (t.incomePercent === null) out.push(v('incomePercent', 'incomeBasis', `the percentage of income is required (${band.incomePercentMin}–${band.incomePercentMax}).`));
    else if (!withinIncomeBand(band, t.incomePercent)) out.push(v('incomePercent', 'amountInBand', `must lie within the band, ${band.incomePercentMin}–${band.incomePercentMax} % of last year's income; ${t.incomePercent} given.`));
  } else {
    if (t.incomeYuan !== null || t.incomePercent !== null || t.incomeEvidence !== null) out.push(v('incomeYuan', 'incomeBasis', 'a band in yuan takes no income figures.'));
    if (t.amountYuan === null) out.push(v('amountYuan', 'required', `the amount is required (${band.fineMinYuan}–${band.fineMaxYuan} yuan).`));
    else if (!withinYuanBand(band, t.amountYuan)) out.push(v('amountYuan', 'amountInBand', `must lie within the band, ${band.fineMinYuan}–${band.fineMaxYuan} yuan; ${t.amountYuan} given.`));
  }
  const named = gradeOfCondition(band.condition);
  if (named && grade && named !== grade) out.push(v('bandId', 'accidentGrade', `the band is for a ${named} accident (${band.condition}); the linked accident is ${grade}.`));
  return out;
}

/** The amount of terms that passed `lineViolations`. */
export function amountOf(t: LineTerms): string {
  return t.incomeYuan !== null && t.incomePercent !== null ? incomeShare(t.incomeYuan, t.incomePercent) : t.amountYuan!;
}

/**
 * Checks a line before it is written (the case locked, in a state that allows it): its terms
 * (`lineViolations`), the articles in force on the day the act ended, the person (in the caller's
 * scope), one line per subject on the case (rule `sameSubject`) and no fine on the same party for the
 * same act in another case decided with a penalty (rule `sameActFined`).
 */
export async function settleLine(tx: RequestContext, c: PenaltyCase, t: LineTerms, lineId: string | null): Promise<SettledLine> {
  const [band, grade] = [await bandOf(tx, t.bandId), await accidentGradeOfCase(tx, c)];
  const violations = lineViolations(c, t, band, grade, 'input');
  if (violations.length) throw BadUserInputError.fields(violations);
  await checkArticlesInForce(tx, 'input.lawArticleIds', t.lawArticleIds, c.actEndedOn);
  if (t.personId) await records(tx, Persons).reference(t.personId, 'input.personId', { properties: ['id'] });
  const sameSubject = t.subjectKind === PenaltySubjectKind.UNIT ? sql`t.subject_kind = ${PenaltySubjectKind.UNIT}` : sql`t.person_id = ${t.personId}`;
  const mine = unscoped(tx, PenaltyLines, CHECKING).where(sql`t.case_id = ${c.id}`).where(sameSubject);
  if ((await (lineId ? mine.where(sql`t.id <> ${lineId}`) : mine).count()) > 0) {
    throw penaltyRules.field(t.subjectKind === PenaltySubjectKind.UNIT ? 'input.subjectKind' : 'input.personId', 'sameSubject', '一事不再罚 (行政处罚法 第二十九条): the case already fines this subject; change that line instead of adding a second fine.');
  }
  if (c.inspectionId || c.accidentInvestigationId) {
    const sameAct = c.inspectionId ? sql`o.inspection_id = ${c.inspectionId}` : sql`o.accident_investigation_id = ${c.accidentInvestigationId}`;
    const decided = unscoped(tx, PenaltyCases, CHECKING).as('o').where(sql`o.id <> ${c.id} AND o.enterprise_id = ${c.enterpriseId} AND o.decision = ${PenaltyCaseDecision.PENALTY}`).where(sameAct).subquery(sql`o.id, o.code`);
    const [other] = await unscoped(tx, PenaltyLines, CHECKING)
      .where(sql`t.case_id IN (SELECT o.id FROM ${decided} o)`)
      .where(sameSubject)
      .aggregate<{ caseId: string }>(sql`t.case_id AS "caseId"`);
    if (other) throw penaltyRules.field(t.subjectKind === PenaltySubjectKind.UNIT ? 'input.subjectKind' : 'input.personId', 'sameActFined', `一事不再罚 (行政处罚法 第二十九条): another case (${other.caseId}) already decided a fine on this party for the same act (the same ${c.inspectionId ? 'inspection' : 'accident'}).`);
  }
  return { amountYuan: amountOf(t), accidentGrade: grade };
}

/** The terms a stored line holds. */
export const termsOf = (l: PenaltyLine): LineTerms => ({
  subjectKind: l.subjectKind,
  personId: l.personId,
  personRole: l.personRole,
  bandId: l.bandId,
  lawArticleIds: l.lawArticleIds,
  amountYuan: l.incomeYuan === null ? l.amountYuan : null,
  incomeYuan: l.incomeYuan,
  incomeEvidence: l.incomeEvidence,
  incomePercent: l.incomePercent,
});

/** A case's lines in their order. */
export const LINE_KEYS = [
  { column: 't.position', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/** The largest number of lines one case holds (the unit and persons responsible). */
export const MAX_LINES_PER_CASE = 50;

/** Why the decision check reads lines beyond the caller's scope: it speaks for the case, which the caller reached. */
const DECIDING = 'the decision check of a case the caller has locked reads all its lines';

/**
 * The lines of a case summed up before its decision: counts, the total, whether a line reaches the
 * hearing threshold in force on the filing day (unit or person figure), and the problems that refuse
 * a PENALTY decision (each line checked again against its band, named `penaltyLines.<position>.<field>`).
 */
export async function decisionSummary(ctx: RequestContext, c: PenaltyCase) {
  const lines = await unscoped(ctx, PenaltyLines, DECIDING)
    .where(sql`t.case_id = ${c.id}`)
    .list({ keys: LINE_KEYS, limit: MAX_LINES_PER_CASE });
  const grade = await accidentGradeOfCase(ctx, c);
  const bands = new Map((await unscoped(ctx, EnforcementDiscretionBands, CHECKING).many([...new Set(lines.map((l) => l.bandId))])).filter((b) => b !== null).map((b) => [b!.id, b!]));
  let threshold: { id: string; value: { unitFineYuan: number; personFineYuan: number } } | null = null;
  try {
    threshold = await businessRules.inForce(ctx, HEARING_THRESHOLD_RULE, c.filedOn);
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
  }
  const problems: FieldViolation[] = [];
  let totalFen = 0n;
  let hearingRequired = false;
  for (const l of lines) {
    problems.push(...lineViolations(c, termsOf(l), bands.get(l.bandId) ?? null, grade, `penaltyLines.${l.position}`));
    totalFen += BigInt(l.amountYuan.replace('.', ''));
    const limit = threshold ? String(l.subjectKind === PenaltySubjectKind.UNIT ? threshold.value.unitFineYuan : threshold.value.personFineYuan) : null;
    if (limit !== null && compareDecimals(l.amountYuan, `${limit}.00`) >= 0) hearingRequired = true;
  }
  const digits = totalFen.toString().padStart(3, '0');
  return {
    lineCount: lines.length,
    unitLines: lines.filter((l) => l.subjectKind === PenaltySubjectKind.UNIT).length,
    personLines: lines.filter((l) => l.subjectKind === PenaltySubjectKind.PERSON).length,
    totalFineYuan: `${digits.slice(0, -2)}.${digits.slice(-2)}`,
    hearingRequired,
    hearingThresholdRuleVersionId: threshold?.id ?? null,
    problems: problems.map((p) => ({ field: p.field, rule: p.rule, message: p.message })),
  };
}
