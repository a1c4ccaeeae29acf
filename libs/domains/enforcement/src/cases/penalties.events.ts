import { defineEvents, payload } from '@platform/core';
import { PenaltyCases } from './cases.entities';
import { OnTheSpotPenalties } from './penalties.entities';

/** What a penalty line's or payment's event carries: the case and the row. */
export type PenaltyLinePayload = { id: string; caseId: string; subjectKind: string; amountYuan: string };
export type PenaltyPaymentPayload = { id: string; caseId: string; amountYuan: string; paidOn: string };
export type OnTheSpotPenaltyPayload = { id: string; number: string; enterpriseId: string; kind: string };

/** Lines and payments are about their case (a line removed is gone). */
const ofCase = { entity: PenaltyCases, field: 'caseId' } as const;

/** Every event of penalties: lines (filed under their case), payments and on-the-spot penalties. */
export const penaltyEvents = defineEvents({
  'enforcement.penalty-line.added': payload<PenaltyLinePayload>(ofCase),
  'enforcement.penalty-line.updated': payload<PenaltyLinePayload>(ofCase),
  'enforcement.penalty-line.removed': payload<PenaltyLinePayload>(ofCase),
  'enforcement.penalty-payment.recorded': payload<PenaltyPaymentPayload>(ofCase),
  'enforcement.on-the-spot-penalty.decided': payload<OnTheSpotPenaltyPayload>(OnTheSpotPenalties),
  'enforcement.on-the-spot-penalty.filed': payload<OnTheSpotPenaltyPayload>(OnTheSpotPenalties),
});

export type PenaltyEvents = typeof penaltyEvents;
