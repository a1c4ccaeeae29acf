import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { PENALTY_RULE_SEEDS } from '../business-rules/penalties';
import { INSPECTORS, correctionHtml, correctionText, gap, insertDocumentKinds, type KindSeed } from './document-kinds.insert';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;
const ROLES = `('PRINCIPAL', 'OTHER_MANAGER', 'RESPONSIBLE_SUPERVISOR', 'OTHER_DIRECTLY_RESPONSIBLE')`;

/** 当场行政处罚决定书 (行政处罚法 第五十二条: a numbered form handed to the party on the spot), numbered 简罚. */
const ON_THE_SPOT_DECISION: KindSeed = {
  kind: 'ON_THE_SPOT_DECISION',
  nameZh: '当场行政处罚决定书',
  numberPrefix: '简罚',
  sortOrder: 40,
  title: '当场行政处罚决定书（{{partyName}}）',
  fields: [
    { name: 'partyName', label: '当事人', type: 'TEXT', required: true },
    { name: 'place', label: '违法地点', type: 'TEXT', required: true },
    { name: 'facts', label: '违法事实', type: 'TEXT', required: true },
    { name: 'legalBasis', label: '处罚依据', type: 'TEXT', required: true },
    { name: 'penalty', label: '处罚内容', type: 'TEXT', required: true },
    { name: 'decidedOn', label: '处罚日期', type: 'DATE', required: true },
    INSPECTORS,
  ],
  text: `当场行政处罚决定书
{{number}}
当事人：{{partyName}}
违法地点：{{place}}
违法事实：{{facts}}
处罚依据：{{legalBasis}}
处罚内容：{{penalty}}
处罚日期：{{decidedOn}}
执法人员：{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}
当事人如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。
当事人签收：${gap(6)}
${correctionText('决定书')}{{issuer.name}}
{{issuedOnZh}}
`,
  body: `<table>
<tr><th>当事人</th><td>{{partyName}}</td></tr>
<tr><th>违法地点</th><td>{{place}}</td></tr>
<tr><th>违法事实</th><td>{{facts}}</td></tr>
<tr><th>处罚依据</th><td>{{legalBasis}}</td></tr>
<tr><th>处罚内容</th><td>{{penalty}}</td></tr>
<tr><th>处罚日期</th><td>{{decidedOn}}</td></tr>
<tr><th>执法人员</th><td>{{#inspectors}}{{name}}（执法证号：{{certificateNumber}}）{{^last}}、{{/last}}{{/inspectors}}</td></tr>
</table>
<p>当事人如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。</p>
<p class="signature">当事人签收：${gap(6)}</p>
${correctionHtml('决定书')}
<p class="seal">{{issuer.name}}<br>{{issuedOnZh}}</p>`,
};

/**
 * 一案双罚 and the money of a case (issue 20): the penalty lines of a case (the unit and each responsible
 * person, each under a discretion band of the case's item, the amount in yuan or as a share of last
 * year's income), the payments recorded against a served decision, on-the-spot (简易程序) penalties with
 * their decision form; the rules of on-the-spot limits and 首违不罚, and a national version of the
 * hearing threshold.
 */
export class CreatePenaltyLines1764404020000 implements MigrationInterface {
  name = 'CreatePenaltyLines1764404020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enforcement_penalty_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES enforcement_case (id),
        position int NOT NULL CHECK (position >= 1),
        subject_kind text NOT NULL CHECK (subject_kind IN ('UNIT', 'PERSON')),
        person_id uuid REFERENCES person (id),
        person_role text CHECK (person_role IN ${ROLES}),
        band_id uuid NOT NULL REFERENCES enforcement_discretion_band (id),
        law_article_ids uuid[] NOT NULL CHECK (cardinality(law_article_ids) BETWEEN 1 AND 5 AND array_position(law_article_ids, NULL) IS NULL),
        amount_yuan numeric(14, 2) NOT NULL CHECK (amount_yuan >= 0),
        income_yuan numeric(14, 2) CHECK (income_yuan >= 0),
        income_evidence text CHECK (length(btrim(income_evidence)) > 0),
        income_percent int CHECK (income_percent BETWEEN 0 AND 100),
        accident_grade text,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        ${AUDIT_COLUMNS},
        CHECK ((subject_kind = 'PERSON') = (person_id IS NOT NULL) AND (person_id IS NULL) = (person_role IS NULL)),
        CHECK ((income_yuan IS NULL) = (income_percent IS NULL) AND (income_yuan IS NULL) = (income_evidence IS NULL)),
        CHECK (income_yuan IS NULL OR subject_kind = 'PERSON'),
        CHECK (income_yuan IS NULL OR amount_yuan = round(income_yuan * income_percent / 100, 2)),
        UNIQUE (case_id, position)
      )`);
    // 一事不再罚 on one case: one line for the unit, one per person (the service names the rule first).
    await q.query(`CREATE UNIQUE INDEX enforcement_penalty_line_unit_key ON enforcement_penalty_line (case_id) WHERE subject_kind = 'UNIT'`);
    await q.query(`CREATE UNIQUE INDEX enforcement_penalty_line_person_key ON enforcement_penalty_line (case_id, person_id) WHERE subject_kind = 'PERSON'`);
    await q.query(`CREATE INDEX enforcement_penalty_line_page_idx ON enforcement_penalty_line (case_id, position, id)`);
    await q.query(`CREATE INDEX enforcement_penalty_line_person_idx ON enforcement_penalty_line (person_id) WHERE person_id IS NOT NULL`);
    await q.query(`COMMENT ON TABLE enforcement_penalty_line IS '处罚明细（一案双罚）: the fines of a case on the unit and on each responsible person, each under a discretion band of the case''s item'`);
    await q.query(`COMMENT ON COLUMN enforcement_penalty_line.income_yuan IS 'sensitive personal data (上一年年收入)'`);
    await q.query(`COMMENT ON COLUMN enforcement_penalty_line.income_evidence IS 'sensitive personal data (年收入证明)'`);

    await q.query(`
      CREATE TABLE enforcement_penalty_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES enforcement_case (id),
        amount_yuan numeric(14, 2) NOT NULL CHECK (amount_yuan > 0),
        paid_on date NOT NULL,
        receipt_number text NOT NULL UNIQUE CHECK (length(btrim(receipt_number)) > 0),
        note text,
        ${AUDIT_COLUMNS}
      )`);
    await q.query(`CREATE INDEX enforcement_penalty_payment_page_idx ON enforcement_penalty_payment (case_id, paid_on, id)`);
    await q.query(`COMMENT ON TABLE enforcement_penalty_payment IS '罚款缴纳: payments of a case''s fine and surcharge (receipt of the bank or the non-tax revenue system)'`);

    await q.query(`
      CREATE TABLE enforcement_on_the_spot_penalty (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        document_id uuid NOT NULL REFERENCES enforcement_document (id),
        legal_subject_id uuid NOT NULL REFERENCES organization (id),
        enforcement_item_id uuid NOT NULL REFERENCES enforcement_item (id),
        enterprise_id uuid NOT NULL REFERENCES organization (id),
        party_kind text NOT NULL CHECK (party_kind IN ('CITIZEN', 'ORGANIZATION')),
        party_person_id uuid REFERENCES person (id),
        party_name text NOT NULL CHECK (length(btrim(party_name)) > 0),
        place text NOT NULL CHECK (length(btrim(place)) > 0),
        facts text NOT NULL CHECK (length(btrim(facts)) > 0),
        law_article_ids uuid[] NOT NULL CHECK (cardinality(law_article_ids) BETWEEN 1 AND 5 AND array_position(law_article_ids, NULL) IS NULL),
        kind text NOT NULL CHECK (kind IN ('WARNING', 'FINE')),
        fine_yuan numeric(14, 2),
        decided_on date NOT NULL,
        enforcer_person_ids uuid[] NOT NULL CHECK (cardinality(enforcer_person_ids) BETWEEN 1 AND 10 AND array_position(enforcer_person_ids, NULL) IS NULL),
        limits_rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        filing_due_on date NOT NULL,
        filed_on date,
        ${AUDIT_COLUMNS},
        CHECK ((kind = 'FINE') = (fine_yuan IS NOT NULL) AND (fine_yuan IS NULL OR fine_yuan > 0)),
        CHECK (party_kind = 'CITIZEN' OR party_person_id IS NULL),
        CHECK (filing_due_on >= decided_on AND filed_on >= decided_on)
      )`);
    await q.query(`CREATE INDEX enforcement_on_the_spot_penalty_enterprise_idx ON enforcement_on_the_spot_penalty (enterprise_id, decided_on, id)`);
    await q.query(`CREATE INDEX enforcement_on_the_spot_penalty_decided_idx ON enforcement_on_the_spot_penalty (decided_on, id)`);
    await q.query(`CREATE INDEX enforcement_on_the_spot_penalty_created_idx ON enforcement_on_the_spot_penalty (created_at, id)`);
    await q.query(`CREATE INDEX enforcement_on_the_spot_penalty_updated_idx ON enforcement_on_the_spot_penalty (updated_at, id)`);
    await q.query(`COMMENT ON TABLE enforcement_on_the_spot_penalty IS '当场处罚（简易程序）: warnings and small fines decided on the spot by certified enforcers with a numbered decision form, filed with the agency'`);

    await insertDocumentKinds(q, [ON_THE_SPOT_DECISION], '首版：依据行政处罚法第五十二条当场处罚决定书要求编制。');
    await insertBusinessRuleVersions(q, PENALTY_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement_on_the_spot_penalty`);
    await q.query(`DROP TABLE enforcement_penalty_payment`);
    await q.query(`DROP TABLE enforcement_penalty_line`);
    // Documents and templates are insert-only (triggers): a rollback of this migration lifts that for the kind it added.
    await q.query(`ALTER TABLE enforcement_document DISABLE TRIGGER enforcement_document_immutable`);
    await q.query(`ALTER TABLE enforcement_document_template DISABLE TRIGGER enforcement_document_template_immutable`);
    await q.query(`DELETE FROM enforcement_document WHERE kind = 'ON_THE_SPOT_DECISION'`);
    await q.query(`DELETE FROM enforcement_document_sequence WHERE kind = 'ON_THE_SPOT_DECISION'`);
    await q.query(`UPDATE enforcement_document_kind SET current_template_id = NULL, current_template_version = 0 WHERE kind = 'ON_THE_SPOT_DECISION'`);
    await q.query(`DELETE FROM enforcement_document_template WHERE kind = 'ON_THE_SPOT_DECISION'`);
    await q.query(`DELETE FROM enforcement_document_kind WHERE kind = 'ON_THE_SPOT_DECISION'`);
    await q.query(`ALTER TABLE enforcement_document_template ENABLE TRIGGER enforcement_document_template_immutable`);
    await q.query(`ALTER TABLE enforcement_document ENABLE TRIGGER enforcement_document_immutable`);
    // The rules' versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
