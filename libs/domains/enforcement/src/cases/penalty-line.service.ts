import { NotFoundError, assertVersion, audit, createRecord, recordEvent, records, transaction, updateRecord, type Patch, type RequestContext } from '@platform/core';
import { CasePermission } from './cases.permissions';
import { PenaltyCases } from './cases.entities';
import { type PenaltyCase } from './penalty-case.entity';
import { PenaltyLine } from './penalty-line.entity';
import { PenaltySubjectKind } from './penalty.enums';
import { PenaltyLines } from './penalties.entities';
import { penaltyEvents, type PenaltyLinePayload } from './penalties.events';
import { penaltyRules } from './penalties.rules';
import { LINES_EDITABLE, MAX_LINES_PER_CASE, settleLine, termsOf, type LineTerms } from './penalty-checks';
import { deletePenaltyLine, nextLinePosition } from './penalty.sql';
import type { AddPenaltyLineInput, RemovePenaltyLineInput, UpdatePenaltyLineInput } from './penalty.inputs';

const E = penaltyEvents;
const payloadOf = (l: PenaltyLine): PenaltyLinePayload => ({ id: l.id, caseId: l.caseId, subjectKind: l.subjectKind, amountYuan: l.amountYuan });

/** What an audit entry keeps of a line: everything but the person's income and its evidence (personal data stays in the record only). */
const audited = (l: Partial<PenaltyLine>) => {
  const { incomeYuan, incomeEvidence, ...rest } = l;
  return { ...rest, incomeRecorded: incomeYuan !== null && incomeYuan !== undefined, evidenceRecorded: incomeEvidence !== null && incomeEvidence !== undefined };
};

/** The case of a line change, locked within the caller's manage scope (else NOT_FOUND), in a state before the decision (else `caseState`). */
async function lockEditableCase(tx: RequestContext, caseId: string, field: string): Promise<PenaltyCase> {
  const c = await records(tx, PenaltyCases, CasePermission.Manage).lock(caseId);
  if (!LINES_EDITABLE.includes(c.status)) throw penaltyRules.field(field, 'caseState', `the case is ${c.status}: penalty lines are frozen from the decision on (they may change while ${LINES_EDITABLE.join(', ')}).`);
  return c;
}

/** Penalty lines (一案双罚): added, changed and removed while the case is before its decision; each change audited under the case. */
export class PenaltyLineService {
  /**
   * Adds a line: the unit (once) or a person (once each), under a band of the case's item, with the
   * amount in the band or computed from last year's income; 一事不再罚 checked within the case and
   * against other cases decided for the same act.
   */
  add(ctx: RequestContext, input: AddPenaltyLineInput): Promise<PenaltyLine> {
    return transaction(ctx, async (tx) => {
      const c = await lockEditableCase(tx, input.caseId, 'input.caseId');
      const person = input.subjectKind === PenaltySubjectKind.PERSON;
      if (person && !input.personId) throw penaltyRules.field('input.personId', 'required', 'a line on a person names the person (personId).');
      if (person && !input.personRole) throw penaltyRules.field('input.personRole', 'required', 'a line on a person names the role in the unit (personRole).');
      if (!person && (input.personId || input.personRole)) throw penaltyRules.field('input.personId', 'party', 'a line on the unit names no person: the unit is the case\'s enterprise.');
      if (!input.bandId) throw penaltyRules.field('input.bandId', 'required', 'the discretion band is required.');
      if (!input.lawArticleIds?.length) throw penaltyRules.field('input.lawArticleIds', 'required', 'at least one law article is required.');
      if (!input.reason) throw penaltyRules.field('input.reason', 'required', 'the reason for the band and amount (裁量理由) is required.');
      const position = await nextLinePosition(tx, c.id);
      if (position > MAX_LINES_PER_CASE) throw penaltyRules.field('input.caseId', 'range', `a case holds at most ${MAX_LINES_PER_CASE} lines.`);
      const terms: LineTerms = {
        subjectKind: input.subjectKind,
        personId: input.personId ?? null,
        personRole: input.personRole ?? null,
        bandId: input.bandId,
        lawArticleIds: input.lawArticleIds,
        amountYuan: input.amountYuan ?? null,
        incomeYuan: input.incomeYuan ?? null,
        incomeEvidence: input.incomeEvidence ?? null,
        incomePercent: input.incomePercent ?? null,
      };
      const settled = await settleLine(tx, c, terms, null);
      const values: Patch<PenaltyLine> = { caseId: c.id, position, ...terms, lawArticleIds: [...terms.lawArticleIds], ...settled, reason: input.reason };
      return createRecord(tx, PenaltyLine, 'PenaltyLine', values, {
        action: 'enforcement.penalty-line.add',
        auditUnder: { entityType: 'PenaltyCase', entityId: c.id },
        changes: (l) => ({ added: audited(l) }),
        ...recordEvent(E['enforcement.penalty-line.added'], payloadOf),
      });
    });
  }

  /** Changes a line; a new band takes its amount fields from the input only, otherwise fields left out stay. */
  update(ctx: RequestContext, input: UpdatePenaltyLineInput): Promise<PenaltyLine> {
    return transaction(ctx, async (tx) => {
      const c = await lockEditableCase(tx, (await this.lineOf(tx, input.id)).caseId, 'input.id');
      const current = await records(tx, PenaltyLines, CasePermission.Manage).lock(input.id);
      assertVersion('PenaltyLine', current, input.version);
      const was = termsOf(current);
      const newBand = input.bandId !== undefined && input.bandId !== current.bandId;
      const pick = <K extends 'amountYuan' | 'incomeYuan' | 'incomeEvidence' | 'incomePercent'>(k: K): LineTerms[K] => (input[k] !== undefined ? (input[k] as unknown as LineTerms[K]) : newBand ? null : was[k]);
      const terms: LineTerms = {
        ...was,
        personRole: was.subjectKind === PenaltySubjectKind.PERSON ? (input.personRole ?? was.personRole) : null,
        bandId: input.bandId ?? was.bandId,
        lawArticleIds: input.lawArticleIds ?? was.lawArticleIds,
        amountYuan: pick('amountYuan'),
        incomeYuan: pick('incomeYuan'),
        incomeEvidence: pick('incomeEvidence'),
        incomePercent: pick('incomePercent'),
      };
      if (was.subjectKind === PenaltySubjectKind.UNIT && input.personRole) throw penaltyRules.field('input.personRole', 'party', 'a line on the unit names no person role.');
      const settled = await settleLine(tx, c, terms, current.id);
      const patch: Patch<PenaltyLine> = { ...terms, lawArticleIds: [...terms.lawArticleIds], ...settled, ...(input.reason ? { reason: input.reason } : {}) };
      return updateRecord(tx, PenaltyLine, 'PenaltyLine', current, input.version, patch, {
        action: 'enforcement.penalty-line.update',
        changes: (l) => ({ before: audited(current), after: audited(l) }),
        ...recordEvent(E['enforcement.penalty-line.updated'], payloadOf),
      });
    });
  }

  /** Removes a line before the decision; answers the case's remaining state through the case. */
  remove(ctx: RequestContext, input: RemovePenaltyLineInput): Promise<PenaltyLine> {
    return transaction(ctx, async (tx) => {
      await lockEditableCase(tx, (await this.lineOf(tx, input.id)).caseId, 'input.id');
      const current = await records(tx, PenaltyLines, CasePermission.Manage).lock(input.id);
      assertVersion('PenaltyLine', current, input.version);
      await deletePenaltyLine(tx, current.id);
      await audit(tx, { action: 'enforcement.penalty-line.remove', entityType: 'PenaltyCase', entityId: current.caseId, changes: { removed: audited(current) } });
      await tx.emit(E['enforcement.penalty-line.removed'], payloadOf(current));
      return current;
    });
  }

  /** A line within the caller's manage scope (its case's), else NOT_FOUND: its case is locked first, then the line. */
  private async lineOf(tx: RequestContext, id: string): Promise<PenaltyLine> {
    const found = await records(tx, PenaltyLines, CasePermission.Manage).one(id, ['id', 'caseId']);
    if (!found) throw new NotFoundError('PenaltyLine', id);
    return found;
  }
}
