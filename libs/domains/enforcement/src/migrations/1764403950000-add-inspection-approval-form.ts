import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INSPECTORS, correctionHtml, correctionText, gap, insertDocumentKinds, type KindSeed } from './document-kinds.insert';

/**
 * 行政检查审批表 (国办发〔2024〕54号: an administrative inspection is approved in writing before the
 * visit, the first of the standard inspection forms): a document kind issued when an inspection is
 * approved, numbered 检审, with its first template.
 */
const APPROVAL_FORM: KindSeed = {
  kind: 'INSPECTION_APPROVAL',
  nameZh: '行政检查审批表',
  numberPrefix: '检审',
  sortOrder: 0,
  title: '行政检查审批表（{{organization.name}}）',
  fields: [
    { name: 'inspectionCode', label: '检查编码', type: 'TEXT', required: true },
    { name: 'inspectionKind', label: '检查类别', type: 'TEXT', required: true },
    { name: 'enforcementItem', label: '执法事项', type: 'TEXT', required: true },
    { name: 'purpose', label: '检查事由', type: 'TEXT', required: true },
    { name: 'plannedOn', label: '拟检查日期', type: 'DATE', required: true },
    INSPECTORS,
    { name: 'approver', label: '审批人', type: 'TEXT', required: true },
    { name: 'approvedOn', label: '审批日期', type: 'DATE', required: true },
  ],
  text: `行政检查审批表
{{number}}
检查编码：{{inspectionCode}}
被检查单位：{{organization.name}}
检查类别：{{inspectionKind}}
执法事项：{{enforcementItem}}
检查事由：{{purpose}}
拟检查日期：{{plannedOn}}
执法人员：{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}
审批意见：同意检查。
审批人：{{approver}}${gap(2)}{{approvedOn}}
${correctionText('审批表')}{{issuer.name}}
{{issuedOnZh}}
`,
  body: `<table>
<tr><th>检查编码</th><td>{{inspectionCode}}</td></tr>
<tr><th>被检查单位</th><td>{{organization.name}}</td></tr>
<tr><th>检查类别</th><td>{{inspectionKind}}</td></tr>
<tr><th>执法事项</th><td>{{enforcementItem}}</td></tr>
<tr><th>检查事由</th><td>{{purpose}}</td></tr>
<tr><th>拟检查日期</th><td>{{plannedOn}}</td></tr>
<tr><th>执法人员</th><td>{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}</td></tr>
<tr><th>审批意见</th><td>同意检查。</td></tr>
<tr><th>审批人</th><td>{{approver}}${gap(2)}{{approvedOn}}</td></tr>
</table>
${correctionHtml('审批表')}
<p class="seal">{{issuer.name}}<br>{{issuedOnZh}}</p>`,
};

export class AddInspectionApprovalForm1764403950000 implements MigrationInterface {
  name = 'AddInspectionApprovalForm1764403950000';

  async up(q: QueryRunner): Promise<void> {
    await insertDocumentKinds(q, [APPROVAL_FORM], '首版：依据国办发〔2024〕54号行政检查审批要求编制。');
  }

  async down(q: QueryRunner): Promise<void> {
    // Documents and templates are insert-only (triggers): a rollback of this migration lifts that for the kind it added.
    await q.query(`ALTER TABLE enforcement_document DISABLE TRIGGER enforcement_document_immutable`);
    await q.query(`ALTER TABLE enforcement_document_template DISABLE TRIGGER enforcement_document_template_immutable`);
    await q.query(`DELETE FROM enforcement_document WHERE kind = 'INSPECTION_APPROVAL'`);
    await q.query(`DELETE FROM enforcement_document_sequence WHERE kind = 'INSPECTION_APPROVAL'`);
    await q.query(`UPDATE enforcement_document_kind SET current_template_id = NULL, current_template_version = 0 WHERE kind = 'INSPECTION_APPROVAL'`);
    await q.query(`DELETE FROM enforcement_document_template WHERE kind = 'INSPECTION_APPROVAL'`);
    await q.query(`DELETE FROM enforcement_document_kind WHERE kind = 'INSPECTION_APPROVAL'`);
    await q.query(`ALTER TABLE enforcement_document_template ENABLE TRIGGER enforcement_document_template_immutable`);
    await q.query(`ALTER TABLE enforcement_document ENABLE TRIGGER enforcement_document_immutable`);
  }
}
