import { registerEnumType } from 'type-graphql';

/** What an enforcement lead of monitoring data is about. */
export enum MonitoringLeadKind {
  GAP = 'GAP',
  TAMPER = 'TAMPER',
}

/** Where a lead stands. */
export enum MonitoringLeadStatus {
  OPEN = 'OPEN',
  REVIEWED = 'REVIEWED',
}

registerEnumType(MonitoringLeadKind, {
  name: 'MonitoringLeadKind',
  description: '线索类型。What the lead is about.',
  valuesConfig: {
    GAP: { description: '数据中断。An operating enterprise\'s monitoring sent nothing for at least the rule\'s minutes (scenarios.data-health).' },
    TAMPER: { description: '篡改信号。Readings flagged as tampered (resultQuality beginning with tamper).' },
  },
});
registerEnumType(MonitoringLeadStatus, {
  name: 'MonitoringLeadStatus',
  description: '线索状态。OPEN until an inspector reviewed it.',
  valuesConfig: {
    OPEN: { description: '待核查。Nobody reviewed it yet.' },
    REVIEWED: { description: '已核查。An inspector reviewed it and noted the outcome.' },
  },
});
