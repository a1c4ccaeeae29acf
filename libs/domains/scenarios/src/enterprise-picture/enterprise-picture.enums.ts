import { registerEnumType } from 'type-graphql';
import { EnterpriseReasonCode } from '../business-rules/enterprise-status';

/** Defined with the business rule that lists it (the rule's first version is inserted by a migration). */
export { EnterpriseReasonCode };

/** An enterprise's composite status: RED when a RED reason holds, YELLOW when only YELLOW ones do, else GREEN. */
export enum EnterpriseStatus {
  RED = 'RED',
  YELLOW = 'YELLOW',
  GREEN = 'GREEN',
}


/** The words of each reason, in Chinese and English (the record's detail, when one, follows them). */
export const REASON_WORDS: Readonly<Record<EnterpriseReasonCode, { readonly zh: string; readonly en: string }>> = {
  MAJOR_HAZARD_OPEN: { zh: '存在未销号的重大事故隐患', en: 'An open major accident hazard' },
  HAZARD_OVERDUE: { zh: '隐患整改逾期', en: 'A hazard past its rectification deadline' },
  CERTIFICATE_EXPIRED: { zh: '特种作业操作证过期或逾期未复审', en: 'A special-operation certificate expired or overdue for review' },
  INSURANCE_LAPSED: { zh: '强制投保行业未投保安责险', en: 'No work-safety liability insurance in a mandatory sector' },
  HAZARD_OPEN: { zh: '存在未销号的一般隐患', en: 'An open general hazard' },
  REINSPECTION_OVERDUE: { zh: '责令整改后逾期未复查', en: 'A re-inspection after a rectification order is overdue' },
  CASE_OPEN: { zh: '行政处罚案件办理中', en: 'A penalty case is open' },
  CERTIFICATE_EXPIRING: { zh: '特种作业操作证临近到期或待复审', en: 'A special-operation certificate is expiring or due for review' },
  INSURANCE_LAPSING: { zh: '安责险保单即将到期且未续保', en: 'A liability insurance policy lapses soon with no renewal' },
  DRILL_OVERDUE: { zh: '应急演练未按规则完成', en: 'Drills required by its rule are not held' },
  PLAN_MISSING: { zh: '无有效的现场处置预案', en: 'No effective on-site emergency plan' },
  PLAN_REVIEW_OVERDUE: { zh: '应急预案逾期未评估', en: 'The emergency plan is overdue for review' },
  NO_INTERNAL_REWARD_MECHANISM: { zh: '未建立内部举报奖励机制', en: 'No internal reward mechanism for hazard reports' },
  ALARM_UNACKNOWLEDGED: { zh: '监测报警未确认', en: 'A monitoring alarm is not acknowledged' },
  ALARM_OPEN: { zh: '监测报警已确认未解除', en: 'A monitoring alarm is acknowledged but not cleared' },
  EQUIPMENT_ELIMINATED_IN_SERVICE: { zh: '仍在使用淘汰落后工艺设备', en: 'An eliminated process or equipment is still in service' },
  EQUIPMENT_RENEWAL_OVERDUE: { zh: '设备更新计划逾期未完成', en: 'An equipment renewal plan is past its due day' },
};

registerEnumType(EnterpriseStatus, {
  name: 'EnterpriseStatus',
  description: '企业安全状态。An enterprise\'s composite status today from its reasons (rule scenarios.enterprise-status).',
  valuesConfig: {
    RED: { description: '红。At least one reason of level RED holds (e.g. an open major hazard).' },
    YELLOW: { description: '黄。Only reasons of level YELLOW hold.' },
    GREEN: { description: '绿。No reason holds.' },
  },
});

registerEnumType(EnterpriseReasonCode, {
  name: 'EnterpriseReasonCode',
  description: '企业状态原因。Why an enterprise is not green; its level (RED or YELLOW) and weight come from the rule scenarios.enterprise-status in force today.',
  valuesConfig: Object.fromEntries(Object.entries(REASON_WORDS).map(([code, w]) => [code, { description: `${w.zh}。${w.en}.` }])),
});
