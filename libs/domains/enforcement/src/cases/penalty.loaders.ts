import { defineChildPages, defineReference, records, unscoped, type RequestContext } from '@platform/core';
import { Persons } from '@platform/directory';
import type DataLoader from 'dataloader';
import { CasePermission } from './cases.permissions';
import type { OnTheSpotPenalty } from './on-the-spot-penalty.entity';
import { LINE_ORDER, PAYMENT_ORDER } from './penalty.orders';
import { OnTheSpotPenalties, PenaltyLines, PenaltyPayments } from './penalties.entities';
import { PenaltyPermission } from './penalties.permissions';
import { dualPenaltyRows, firstOffenceRows, paymentStateRows, type DualPenaltyRow, type FirstOffenceRow, type PaymentStateRow } from './penalty.sql';

/** On-the-spot penalties by id, within the caller's read scope. */
export const OnTheSpotPenaltyReference = defineReference(OnTheSpotPenalties, 'enforcement.onTheSpotPenalty.byId');
export const onTheSpotPenaltyById = (ctx: RequestContext): DataLoader<string, OnTheSpotPenalty | null> => OnTheSpotPenaltyReference.byId(ctx);

/** A case's penalty lines in their order, and its payments in the order paid. */
export const CasePenaltyLines = defineChildPages(PenaltyLines, { name: 'enforcement.case.penaltyLines', parentColumn: 'case_id', keys: LINE_ORDER });
export const CasePenaltyPayments = defineChildPages(PenaltyPayments, { name: 'enforcement.case.penaltyPayments', parentColumn: 'case_id', keys: PAYMENT_ORDER });

/** Batches a per-case statement by case id (one statement per request level). */
const byCase = <R extends { id: string }>(name: string, key: string | undefined, load: (ctx: RequestContext, ids: readonly string[]) => Promise<R[]>) => (ctx: RequestContext): DataLoader<string, R | null> =>
  ctx.loaders.get(name, key, async (ids: readonly string[]) => {
    const byId = new Map((await load(ctx, ids)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

export const dualPenaltyOf = byCase<DualPenaltyRow>('enforcement.case.dualPenalty', undefined, dualPenaltyRows);
export const firstOffenceOf = byCase<FirstOffenceRow>('enforcement.case.firstOffence', undefined, firstOffenceRows);
export const paymentStateOfCases = (ctx: RequestContext, asOf: string): DataLoader<string, PaymentStateRow | null> =>
  byCase<PaymentStateRow>('enforcement.case.paymentState', asOf, (c, ids) => paymentStateRows(c, ids, asOf, CasePermission.Read))(ctx);

/** Whether the caller may read each line's personal data (read-personal in the line's scope): one statement per request level. */
export const personalReadable = (ctx: RequestContext): DataLoader<string, boolean> =>
  ctx.loaders.get('enforcement.penaltyLine.personalReadable', undefined, async (ids: readonly string[]) =>
    (await records(ctx, PenaltyLines, PenaltyPermission.ReadPersonal).many(ids, ['id'])).map((l) => l !== null),
  );

/** Why the ID number of a fined person is read beyond the directory scope: the caller holds read-personal for the line. */
const PERSONAL = 'the ID number of a person on a penalty line, for a caller holding enforcement.case:read-personal in the line\'s scope';

/** Fined persons' ID numbers by person id (asked only after `personalReadable`): one statement per request level. */
export const personIdNumbers = (ctx: RequestContext): DataLoader<string, string | null> =>
  ctx.loaders.get('enforcement.penaltyLine.personIdNumber', undefined, async (ids: readonly string[]) =>
    (await unscoped(ctx, Persons, PERSONAL).many(ids, ['id', 'idNumber'])).map((p) => p?.idNumber ?? null),
  );
