import { registerEnumType } from 'type-graphql';

/** What a gap of the ledger is. */
export enum DutyLedgerGapKind {
  DUTY_WITHOUT_ACTION = 'DUTY_WITHOUT_ACTION',
  ACTION_WITHOUT_EVIDENCE = 'ACTION_WITHOUT_EVIDENCE',
  TASK_OVERDUE = 'TASK_OVERDUE',
  TASK_WITHOUT_UPDATE = 'TASK_WITHOUT_UPDATE',
}

registerEnumType(DutyLedgerGapKind, {
  name: 'DutyLedgerGapKind',
  description: '履职缺口类型。What is missing in an official\'s ledger for the period.',
  valuesConfig: {
    DUTY_WITHOUT_ACTION: { description: '职责无履职记录。A duty of the list in force with no action recorded in the period.' },
    ACTION_WITHOUT_EVIDENCE: { description: '履职无佐证。A duty whose actions in the period carry no evidence (attachment) at all.' },
    TASK_OVERDUE: { description: '任务逾期。A key task the official owns, due within the period (by its last day or today) and not completed.' },
    TASK_WITHOUT_UPDATE: { description: '任务无进展。A key task the official owns, open during the period, with no progress update in it.' },
  },
});
