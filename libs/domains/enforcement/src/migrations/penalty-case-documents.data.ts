import { INSPECTORS, correctionHtml, correctionText, gap, type FieldDeclaration, type KindSeed } from './document-kinds.insert';

/*
 * The document kinds of a penalty case (行政处罚案件, issue 20) with their first templates, inserted by
 * migration 1764404010000. Each form is a table of labelled values; the text form repeats it line by line.
 */

type Row = readonly [label: string, value: string];

const text = (heading: string, rows: readonly Row[], what: string, closing: string): string => `${heading}
{{number}}
${rows.map(([l, v]) => `${l}：${v}`).join('\n')}
${closing ? `${closing}\n` : ''}${correctionText(what)}{{issuer.name}}
{{issuedOnZh}}
`;

const body = (rows: readonly Row[], what: string, closing: string): string => `<table>
${rows.map(([l, v]) => `<tr><th>${l}</th><td>${v}</td></tr>`).join('\n')}
</table>
${closing ? `<p>${closing}</p>\n` : ''}${correctionHtml(what)}
<p class="seal">{{issuer.name}}<br>{{issuedOnZh}}</p>`;

const ENFORCERS = '{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}';
const f = (name: string, label: string, type: FieldDeclaration['type'] = 'TEXT', required = true): FieldDeclaration => ({ name, label, type, required });

function kind(k: { kind: string; nameZh: string; numberPrefix: string; sortOrder: number; what: string; fields: readonly FieldDeclaration[]; rows: readonly Row[]; closing?: string }): KindSeed {
  return {
    kind: k.kind,
    nameZh: k.nameZh,
    numberPrefix: k.numberPrefix,
    sortOrder: k.sortOrder,
    title: `${k.nameZh}（{{organization.name}}）`,
    fields: k.fields,
    text: text(k.nameZh, k.rows, k.what, k.closing ?? ''),
    body: body(k.rows, k.what, k.closing ?? ''),
  };
}

/** 立案审批表: its number is the case's code. */
const CASE_FILING = kind({
  kind: 'CASE_FILING',
  nameZh: '立案审批表',
  numberPrefix: '立',
  sortOrder: 10,
  what: '审批表',
  fields: [f('enforcementItem', '执法事项'), f('cause', '案由'), f('facts', '案件来源及基本情况'), f('actEndedOn', '违法行为终了日期', 'DATE'), INSPECTORS, f('approver', '审批人'), f('filedOn', '立案日期', 'DATE')],
  rows: [['当事人', '{{organization.name}}'], ['执法事项', '{{enforcementItem}}'], ['案由', '{{cause}}'], ['案件来源及基本情况', '{{facts}}'], ['违法行为终了日期', '{{actEndedOn}}'], ['承办人', ENFORCERS], ['审批意见', `同意立案。${gap(1)}审批人：{{approver}}`], ['立案日期', '{{filedOn}}']],
});

/** 行政处罚告知书: facts, basis, intended penalty and the party's rights (行政处罚法 第四十四条、第六十三条). */
const PENALTY_NOTICE = kind({
  kind: 'PENALTY_NOTICE',
  nameZh: '行政处罚告知书',
  numberPrefix: '罚告',
  sortOrder: 11,
  what: '告知书',
  fields: [f('caseCode', '案件编号'), f('facts', '违法事实'), f('basis', '处罚依据'), f('intendedPenalty', '拟作出的行政处罚'), f('rights', '当事人权利'), f('hearingRequestDueOn', '听证申请期限', 'DATE', false)],
  rows: [['案件编号', '{{caseCode}}'], ['当事人', '{{organization.name}}'], ['违法事实', '{{facts}}'], ['处罚依据', '{{basis}}'], ['拟作出的行政处罚', '{{intendedPenalty}}'], ['当事人权利', '{{rights}}'], ['听证申请期限', '{{hearingRequestDueOn}}']],
});

/** 听证通知书: when and where the hearing is held and who chairs it. */
const HEARING_NOTICE = kind({
  kind: 'HEARING_NOTICE',
  nameZh: '听证通知书',
  numberPrefix: '听通',
  sortOrder: 12,
  what: '通知书',
  fields: [f('caseCode', '案件编号'), f('requestedOn', '听证申请日期', 'DATE'), f('hearingOn', '听证日期', 'DATE'), f('place', '听证地点'), f('chair', '听证主持人')],
  rows: [['案件编号', '{{caseCode}}'], ['当事人', '{{organization.name}}'], ['听证申请日期', '{{requestedOn}}'], ['听证日期', '{{hearingOn}}'], ['听证地点', '{{place}}'], ['听证主持人', '{{chair}}']],
  closing: '当事人认为主持人与本案有直接利害关系的，有权申请回避。无正当理由拒不出席听证的，视为放弃听证权利。',
});

/** 行政处罚决定书 (行政处罚法 第五十九条). */
const PENALTY_DECISION = kind({
  kind: 'PENALTY_DECISION',
  nameZh: '行政处罚决定书',
  numberPrefix: '罚决',
  sortOrder: 13,
  what: '决定书',
  fields: [f('caseCode', '案件编号'), f('facts', '违法事实和证据'), f('basis', '处罚依据'), f('penalty', '行政处罚的种类和依据'), f('fineYuan', '罚款金额（元）'), f('paymentDays', '缴纳期限（日）'), f('remedies', '救济途径'), f('decider', '负责人'), f('decidedOn', '决定日期', 'DATE')],
  rows: [['案件编号', '{{caseCode}}'], ['当事人', '{{organization.name}}'], ['违法事实和证据', '{{facts}}'], ['处罚依据', '{{basis}}'], ['行政处罚', '{{penalty}}'], ['罚款金额', '人民币{{fineYuan}}元'], ['履行方式和期限', '自收到本决定书之日起{{paymentDays}}日内缴纳罚款；逾期不缴纳的，每日按罚款数额的百分之三加处罚款。'], ['救济途径', '{{remedies}}'], ['负责人', '{{decider}}'], ['决定日期', '{{decidedOn}}']],
});

/** 不予行政处罚决定书 (行政处罚法 第三十三条、第五十七条). */
const NO_PENALTY_DECISION = kind({
  kind: 'NO_PENALTY_DECISION',
  nameZh: '不予行政处罚决定书',
  numberPrefix: '不罚',
  sortOrder: 14,
  what: '决定书',
  fields: [f('caseCode', '案件编号'), f('facts', '案件事实'), f('reason', '不予处罚的理由和依据'), f('decider', '负责人'), f('decidedOn', '决定日期', 'DATE')],
  rows: [['案件编号', '{{caseCode}}'], ['当事人', '{{organization.name}}'], ['案件事实', '{{facts}}'], ['不予处罚的理由和依据', '{{reason}}'], ['负责人', '{{decider}}'], ['决定日期', '{{decidedOn}}']],
});

/** 送达回执. */
const SERVICE_RECEIPT = kind({
  kind: 'SERVICE_RECEIPT',
  nameZh: '送达回执',
  numberPrefix: '送达',
  sortOrder: 15,
  what: '回执',
  fields: [f('caseCode', '案件编号'), f('documentNumber', '送达文书'), f('method', '送达方式'), f('recipient', '受送达人'), f('servedOn', '送达日期', 'DATE')],
  rows: [['案件编号', '{{caseCode}}'], ['受送达单位', '{{organization.name}}'], ['送达文书', '{{documentNumber}}'], ['送达方式', '{{method}}'], ['受送达人（签收人）', '{{recipient}}'], ['送达日期', '{{servedOn}}']],
});

/** 结案审批表. */
const CASE_CLOSURE = kind({
  kind: 'CASE_CLOSURE',
  nameZh: '结案审批表',
  numberPrefix: '结',
  sortOrder: 16,
  what: '审批表',
  fields: [f('caseCode', '案件编号'), f('decision', '处理结果'), f('execution', '执行情况'), f('reason', '结案理由'), f('approver', '审批人'), f('closedOn', '结案日期', 'DATE')],
  rows: [['案件编号', '{{caseCode}}'], ['当事人', '{{organization.name}}'], ['处理结果', '{{decision}}'], ['执行情况', '{{execution}}'], ['结案理由', '{{reason}}'], ['审批意见', `同意结案。${gap(1)}审批人：{{approver}}`], ['结案日期', '{{closedOn}}']],
});

export const CASE_DOCUMENT_KINDS: readonly KindSeed[] = [CASE_FILING, PENALTY_NOTICE, HEARING_NOTICE, PENALTY_DECISION, NO_PENALTY_DECISION, SERVICE_RECEIPT, CASE_CLOSURE];
