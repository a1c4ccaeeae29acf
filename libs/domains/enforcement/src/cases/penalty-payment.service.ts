import { assertNotFuture, compareDecimals, createRecord, recordEvent, records, transaction, type RequestContext } from '@platform/core';
import { CasePermission } from './cases.permissions';
import { PenaltyCaseDecision } from './case.enums';
import { PenaltyCases } from './cases.entities';
import { PenaltyPayment } from './penalty-line.entity';
import { penaltyEvents, type PenaltyPaymentPayload } from './penalties.events';
import { penaltyRules } from './penalties.rules';
import { PAYABLE } from './penalty-checks';
import { paymentStateOf } from './penalty-state';
import { paymentStateRows, receiptRecorded } from './penalty.sql';
import type { RecordPenaltyPaymentInput } from './penalty.inputs';

const payloadOf = (p: PenaltyPayment): PenaltyPaymentPayload => ({ id: p.id, caseId: p.caseId, amountYuan: p.amountYuan, paidOn: p.paidOn });

/** Payments of a served case's fine and late-payment surcharge (行政处罚法 第六十七、七十二条). */
export class PenaltyPaymentService {
  /**
   * Records a payment of a case SERVED or EXECUTING with a PENALTY decision (rule `caseState`), paid
   * on a day from service to today (`range`, `notFuture`), not beyond what is owed that day, fine and
   * surcharge (`overpaid`), under a receipt number not recorded before (`unique`). Audited under the case.
   */
  record(ctx: RequestContext, input: RecordPenaltyPaymentInput): Promise<PenaltyPayment> {
    assertNotFuture(input.paidOn, 'input.paidOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const c = await records(tx, PenaltyCases, CasePermission.Manage).lock(input.caseId);
      if (!PAYABLE.includes(c.status) || c.decision !== PenaltyCaseDecision.PENALTY) {
        throw penaltyRules.field('input.caseId', 'caseState', `payments are recorded for a case decided with a penalty once served (${PAYABLE.join(', ')}); this one is ${c.status}${c.decision ? ` (${c.decision})` : ''}.`);
      }
      if (c.servedOn && input.paidOn < c.servedOn) throw penaltyRules.field('input.paidOn', 'range', `must not be before the decision was served (${c.servedOn}).`);
      // A receipt of another case, out of the caller's scope, counts too: the column is unique.
      const anywhere = await receiptRecorded(tx, input.receiptNumber);
      if (anywhere) throw penaltyRules.field('input.receiptNumber', 'unique', 'this receipt number is recorded already.');
      const [row] = await paymentStateRows(tx, [c.id], input.paidOn, CasePermission.Manage);
      const state = paymentStateOf(row!, input.paidOn);
      if (compareDecimals(input.amountYuan, state.outstandingYuan) > 0) {
        throw penaltyRules.field('input.amountYuan', 'overpaid', `exceeds what is owed on ${input.paidOn}: ${state.outstandingYuan} yuan (fine ${state.fineYuan}, surcharge ${state.surchargeYuan}, paid ${state.paidYuan}).`);
      }
      return createRecord(
        tx,
        PenaltyPayment,
        'PenaltyPayment',
        { caseId: c.id, amountYuan: input.amountYuan, paidOn: input.paidOn, receiptNumber: input.receiptNumber, note: input.note ?? null },
        { action: 'enforcement.penalty-payment.record', auditUnder: { entityType: 'PenaltyCase', entityId: c.id }, ...recordEvent(penaltyEvents['enforcement.penalty-payment.recorded'], payloadOf) },
      );
    });
  }
}
