import type DataLoader from 'dataloader';
import type { PenaltyCase } from './penalty-case.entity';
import { defineChildPages, defineReference, type RequestContext, type ScopedEntity } from '@platform/core';
import type { ObjectLiteral } from 'typeorm';
import { PenaltyCaseEvidenceItems, PenaltyCaseRecusals, PenaltyCases, PenaltyCaseStatements, PenaltyCaseSuspensions } from './cases.entities';
import { CASE_ROW_KEYS, RECUSAL_KEYS, SUSPENSION_KEYS } from './case.orders';
import { caseClockRows, type CaseClockRow } from './case.sql';
/** Cases by id, within the caller's read scope (others load as null): one statement per request level. */
export const PenaltyCaseReference = defineReference(PenaltyCases, 'enforcement.case.byId');
export const penaltyCaseById = (ctx: RequestContext): DataLoader<string, PenaltyCase | null> => PenaltyCaseReference.byId(ctx);


/** A case's declarations, evidence, statements and suspensions: in their order. */
const rowsOf = <T extends ObjectLiteral>(entity: ScopedEntity<T>, name: string, keys: typeof CASE_ROW_KEYS) => defineChildPages(entity, { name: `enforcement.case.${name}`, parentColumn: 'case_id', keys });
export const PenaltyCaseRecusalPages = rowsOf(PenaltyCaseRecusals, 'recusals', RECUSAL_KEYS);
export const PenaltyCaseEvidencePages = rowsOf(PenaltyCaseEvidenceItems, 'evidence', CASE_ROW_KEYS);
export const PenaltyCaseStatementPages = rowsOf(PenaltyCaseStatements, 'statements', CASE_ROW_KEYS);
export const PenaltyCaseSuspensionPages = rowsOf(PenaltyCaseSuspensions, 'suspensions', SUSPENSION_KEYS);

/** The clocks of cases as of today, batched per request level (one statement). */
export const caseClocksOf = (ctx: RequestContext): DataLoader<string, CaseClockRow | null> =>
  ctx.loaders.get('enforcement.case.clocks', undefined, async (ids: readonly string[]) => {
    const rows = await caseClockRows(ctx, ids, ctx.clock.today());
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
