import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { REFERRAL_RULE_SEEDS } from '../business-rules/referrals';
import { INSPECTORS, correctionHtml, correctionText, gap, insertDocumentKinds, type KindSeed } from './document-kinds.insert';

const STATUSES = `('FLAGGED', 'REPORTED', 'DECIDED', 'TRANSFERRED', 'ANSWERED', 'CLOSED', 'DISMISSED')`;
const OPEN = `('FLAGGED', 'REPORTED', 'DECIDED', 'TRANSFERRED', 'ANSWERED')`;
const REASONS = `ARRAY['DEATHS', 'SERIOUS_INJURIES', 'DIRECT_LOSS', 'MONITORING_DATA_TAMPERED', 'MONITORING_EQUIPMENT_DISABLED', 'REFUSED_SUSPENSION_ORDER', 'UNLICENSED_HIGH_RISK_WORK', 'FORCED_RISKY_WORK', 'KNOWN_MAJOR_HAZARD_CONTINUED', 'REPORTING_OFFENCE']`;
const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/** 涉嫌犯罪案件移送报告: the enforcers' written report to the agency head (应急〔2019〕54号), numbered 移报. */
const REFERRAL_REPORT: KindSeed = {
  kind: 'CRIMINAL_REFERRAL_REPORT',
  nameZh: '涉嫌犯罪案件移送报告',
  numberPrefix: '移报',
  sortOrder: 60,
  title: '涉嫌犯罪案件移送报告（{{organization.name}}）',
  fields: [
    { name: 'referralCode', label: '移送编号', type: 'TEXT', required: true },
    { name: 'source', label: '案件或事故', type: 'TEXT', required: true },
    { name: 'reasons', label: '移送事由', type: 'LIST', required: true },
    { name: 'suspectedOffence', label: '涉嫌罪名', type: 'TEXT', required: true },
    { name: 'summary', label: '案情摘要', type: 'TEXT', required: true },
    INSPECTORS,
    { name: 'reportedOn', label: '报告日期', type: 'DATE', required: true },
  ],
  text: `涉嫌犯罪案件移送报告
{{number}}
移送编号：{{referralCode}}
涉案单位：{{organization.name}}
案件或事故：{{source}}
移送事由：{{#reasons}}{{index}}. {{text}}{{^last}}；{{/last}}{{/reasons}}
涉嫌罪名：{{suspectedOffence}}
案情摘要：{{summary}}
承办人员：{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}
经核实，本案涉嫌犯罪，依据《安全生产行政执法与刑事司法衔接工作办法》，建议移送公安机关。请负责人审批。
报告日期：{{reportedOn}}
${correctionText('报告')}{{issuer.name}}
{{issuedOnZh}}
`,
  body: `<table>
<tr><th>移送编号</th><td>{{referralCode}}</td></tr>
<tr><th>涉案单位</th><td>{{organization.name}}</td></tr>
<tr><th>案件或事故</th><td>{{source}}</td></tr>
<tr><th>移送事由</th><td>{{#reasons}}{{index}}. {{text}}{{^last}}<br>{{/last}}{{/reasons}}</td></tr>
<tr><th>涉嫌罪名</th><td>{{suspectedOffence}}</td></tr>
<tr><th>案情摘要</th><td>{{summary}}</td></tr>
<tr><th>承办人员</th><td>{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}</td></tr>
</table>
<p>经核实，本案涉嫌犯罪，依据《安全生产行政执法与刑事司法衔接工作办法》，建议移送公安机关。请负责人审批。</p>
<p class="signature">报告日期：{{reportedOn}}</p>
${correctionHtml('报告')}
<p class="seal">{{issuer.name}}<br>{{issuedOnZh}}</p>`,
};

/** 涉嫌犯罪案件移送书: the transfer to the police at the same level, the procuratorate copied, numbered 移送. */
const TRANSFER: KindSeed = {
  kind: 'CRIMINAL_CASE_TRANSFER',
  nameZh: '涉嫌犯罪案件移送书',
  numberPrefix: '移送',
  sortOrder: 61,
  title: '涉嫌犯罪案件移送书（{{organization.name}}）',
  fields: [
    { name: 'referralCode', label: '移送编号', type: 'TEXT', required: true },
    { name: 'policeOrgan', label: '接收公安机关', type: 'TEXT', required: true },
    { name: 'procuratorate', label: '抄送检察院', type: 'TEXT', required: true },
    { name: 'source', label: '案件或事故', type: 'TEXT', required: true },
    { name: 'suspectedOffence', label: '涉嫌罪名', type: 'TEXT', required: true },
    { name: 'summary', label: '案情摘要', type: 'TEXT', required: true },
    { name: 'decider', label: '批准人', type: 'TEXT', required: true },
    { name: 'transferredOn', label: '移送日期', type: 'DATE', required: true },
  ],
  text: `涉嫌犯罪案件移送书
{{number}}
{{policeOrgan}}：
{{organization.name}}（{{source}}）一案，经本机关调查，涉嫌{{suspectedOffence}}。依据《安全生产行政执法与刑事司法衔接工作办法》，现将该案移送你单位，请依法审查，并于三日内将立案或者不立案的决定书面告知本机关，同时抄送{{procuratorate}}。
案情摘要：{{summary}}
移送编号：{{referralCode}}
批准人：{{decider}}${gap(2)}移送日期：{{transferredOn}}
抄送：{{procuratorate}}
${correctionText('移送书')}{{issuer.name}}
{{issuedOnZh}}
`,
  body: `<p>{{policeOrgan}}：</p>
<p>{{organization.name}}（{{source}}）一案，经本机关调查，涉嫌{{suspectedOffence}}。依据《安全生产行政执法与刑事司法衔接工作办法》，现将该案移送你单位，请依法审查，并于三日内将立案或者不立案的决定书面告知本机关，同时抄送{{procuratorate}}。</p>
<table>
<tr><th>案情摘要</th><td>{{summary}}</td></tr>
<tr><th>移送编号</th><td>{{referralCode}}</td></tr>
<tr><th>批准人</th><td>{{decider}}${gap(2)}{{transferredOn}}</td></tr>
<tr><th>抄送</th><td>{{procuratorate}}</td></tr>
</table>
${correctionHtml('移送书')}
<p class="seal">{{issuer.name}}<br>{{issuedOnZh}}</p>`,
};

/**
 * 行刑衔接 (issue 20): referrals of suspected crimes to the judicial organs, flagged from a penalty
 * case's criminal indicators (migration 1764404010000) or an accident investigation's figures
 * (1764404000000) (their codes are numbered by the kernel's `yearlyNumbers`, series enforcement.criminal-referral); the rules `enforcement.criminal-thresholds` and
 * `enforcement.referral-clocks` with their first versions; the two document kinds with their first
 * templates.
 */
export class CreateCriminalReferrals1764404030000 implements MigrationInterface {
  name = 'CreateCriminalReferrals1764404030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE criminal_referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,8}-[0-9]{4}-[0-9]{4,}$'),
        case_id uuid REFERENCES enforcement_case (id),
        accident_investigation_id uuid REFERENCES accident_investigation (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        reasons text[] NOT NULL CHECK (cardinality(reasons) BETWEEN 1 AND 10 AND reasons <@ ${REASONS}),
        threshold_rule_version_id uuid REFERENCES business_rule_version (id),
        status text NOT NULL DEFAULT 'FLAGGED' CHECK (status IN ${STATUSES}),
        flagged_at timestamptz NOT NULL,
        legal_subject_id uuid REFERENCES organization (id),
        enforcer_person_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(enforcer_person_ids) <= 10 AND array_position(enforcer_person_ids, NULL) IS NULL),
        suspected_offence text CHECK (length(btrim(suspected_offence)) > 0),
        report_summary text CHECK (length(btrim(report_summary)) > 0),
        reported_at timestamptz,
        clock_rule_version_id uuid REFERENCES business_rule_version (id),
        decision_due_at timestamptz,
        decided_at timestamptz,
        decision text CHECK (decision IN ('TRANSFER', 'NOT_TRANSFER')),
        decision_reason text,
        decider_person_id uuid REFERENCES person (id),
        decision_on_time boolean,
        transfer_due_at timestamptz,
        transferred_at timestamptz,
        police_organ text CHECK (length(btrim(police_organ)) > 0),
        procuratorate text CHECK (length(btrim(procuratorate)) > 0),
        transfer_on_time boolean,
        answer_due_at timestamptz,
        answered_at timestamptz,
        police_answer text CHECK (police_answer IN ('FILED', 'NOT_FILED')),
        police_answer_note text,
        answer_on_time boolean,
        closed_at timestamptz,
        dismissed_at timestamptz,
        dismiss_reason text,
        ${AUDIT_COLUMNS},
        CHECK ((case_id IS NULL) <> (accident_investigation_id IS NULL)),
        CHECK ((reported_at IS NULL) = (status = 'FLAGGED' OR status = 'DISMISSED')),
        CHECK ((reported_at IS NULL) OR (cardinality(enforcer_person_ids) >= 2 AND legal_subject_id IS NOT NULL AND suspected_offence IS NOT NULL AND report_summary IS NOT NULL AND clock_rule_version_id IS NOT NULL AND decision_due_at > reported_at)),
        CHECK ((decided_at IS NULL) = (decision IS NULL) AND (decided_at IS NULL) = (decision_on_time IS NULL) AND (decided_at IS NULL) = (decider_person_id IS NULL)),
        CHECK (decided_at IS NULL OR reported_at IS NOT NULL AND decided_at >= reported_at),
        CHECK (decision IS DISTINCT FROM 'NOT_TRANSFER' OR decision_reason IS NOT NULL),
        CHECK ((transfer_due_at IS NOT NULL) = (decision IS NOT DISTINCT FROM 'TRANSFER')),
        CHECK ((transferred_at IS NULL) = (transfer_on_time IS NULL) AND (transferred_at IS NULL) = (police_organ IS NULL) AND (transferred_at IS NULL) = (procuratorate IS NULL) AND (transferred_at IS NULL) = (answer_due_at IS NULL)),
        CHECK (transferred_at IS NULL OR decision = 'TRANSFER' AND transferred_at >= decided_at),
        CHECK ((answered_at IS NULL) = (police_answer IS NULL) AND (answered_at IS NULL) = (answer_on_time IS NULL)),
        CHECK (answered_at IS NULL OR transferred_at IS NOT NULL AND answered_at >= transferred_at),
        CHECK (status NOT IN ('DECIDED', 'TRANSFERRED', 'ANSWERED', 'CLOSED') OR decided_at IS NOT NULL),
        CHECK (status NOT IN ('TRANSFERRED', 'ANSWERED') OR transferred_at IS NOT NULL),
        CHECK (status <> 'ANSWERED' OR answered_at IS NOT NULL),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
        CHECK ((status = 'DISMISSED') = (dismissed_at IS NOT NULL) AND (dismissed_at IS NULL) = (dismiss_reason IS NULL))
      )`);
    // No second open referral for one source: flagReferral adds reasons to the open one.
    await q.query(`CREATE UNIQUE INDEX criminal_referral_open_case_idx ON criminal_referral (case_id) WHERE case_id IS NOT NULL AND status IN ${OPEN}`);
    await q.query(`CREATE UNIQUE INDEX criminal_referral_open_accident_idx ON criminal_referral (accident_investigation_id) WHERE accident_investigation_id IS NOT NULL AND status IN ${OPEN}`);
    await q.query(`CREATE INDEX criminal_referral_case_idx ON criminal_referral (case_id, flagged_at, id) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX criminal_referral_accident_idx ON criminal_referral (accident_investigation_id, flagged_at, id) WHERE accident_investigation_id IS NOT NULL`);
    await q.query(`CREATE INDEX criminal_referral_organization_idx ON criminal_referral (organization_id, flagged_at, id)`);
    await q.query(`CREATE INDEX criminal_referral_flagged_idx ON criminal_referral (flagged_at, id)`);
    await q.query(`CREATE INDEX criminal_referral_created_idx ON criminal_referral (created_at, id)`);
    await q.query(`CREATE INDEX criminal_referral_updated_idx ON criminal_referral (updated_at, id)`);
    await q.query(`COMMENT ON TABLE criminal_referral IS '行刑衔接: referrals of suspected crimes from penalty cases or accident investigations to the police, with the report, the head''s decision, the transfer and the answer on their clocks (应急〔2019〕54号)'`);
    await insertBusinessRuleVersions(q, REFERRAL_RULE_SEEDS);
    await insertDocumentKinds(q, [REFERRAL_REPORT, TRANSFER], '首版：依据《安全生产行政执法与刑事司法衔接工作办法》（应急〔2019〕54号）编制。');
  }

  async down(q: QueryRunner): Promise<void> {
    // Documents and templates are insert-only (triggers): a rollback of this migration lifts that for the kinds it added.
    const kinds = `('CRIMINAL_REFERRAL_REPORT', 'CRIMINAL_CASE_TRANSFER')`;
    await q.query(`ALTER TABLE enforcement_document DISABLE TRIGGER enforcement_document_immutable`);
    await q.query(`ALTER TABLE enforcement_document_template DISABLE TRIGGER enforcement_document_template_immutable`);
    await q.query(`DELETE FROM enforcement_document WHERE kind IN ${kinds}`);
    await q.query(`DELETE FROM enforcement_document_sequence WHERE kind IN ${kinds}`);
    await q.query(`UPDATE enforcement_document_kind SET current_template_id = NULL, current_template_version = 0 WHERE kind IN ${kinds}`);
    await q.query(`DELETE FROM enforcement_document_template WHERE kind IN ${kinds}`);
    await q.query(`DELETE FROM enforcement_document_kind WHERE kind IN ${kinds}`);
    await q.query(`ALTER TABLE enforcement_document_template ENABLE TRIGGER enforcement_document_template_immutable`);
    await q.query(`ALTER TABLE enforcement_document ENABLE TRIGGER enforcement_document_immutable`);
    await q.query(`DROP TABLE criminal_referral`);
    // The rules' versions stay: versions are never deleted (the table refuses it).
  }
}
