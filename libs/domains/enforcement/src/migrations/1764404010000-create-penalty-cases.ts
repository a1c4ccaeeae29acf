import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { CASE_RULE_SEEDS } from '../business-rules/cases';
import { insertDocumentKinds } from './document-kinds.insert';
import { CASE_DOCUMENT_KINDS } from './penalty-case-documents.data';

const STATUSES = `('FILED', 'INVESTIGATING', 'LEGAL_REVIEW', 'NOTIFIED', 'HEARING', 'DECIDED', 'SERVED', 'EXECUTING', 'CLOSED', 'ARCHIVED')`;
const DECISIONS = `('PENALTY', 'NO_PENALTY_MINOR', 'NO_PENALTY_UNPROVEN', 'TRANSFER_TO_JUDICIAL')`;
const INDICATORS = `ARRAY['MONITORING_DATA_TAMPERED', 'MONITORING_EQUIPMENT_DISABLED', 'REFUSED_SUSPENSION_ORDER', 'UNLICENSED_HIGH_RISK_WORK', 'FORCED_RISKY_WORK', 'KNOWN_MAJOR_HAZARD_CONTINUED']`;
const EVIDENCE_KINDS = `('DOCUMENTARY', 'PHYSICAL', 'AUDIOVISUAL', 'ELECTRONIC', 'WITNESS_TESTIMONY', 'PARTY_STATEMENT', 'EXPERT_OPINION', 'INSPECTION_RECORD')`;
const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/**
 * 行政处罚案件 (issue 20): penalty cases from filing (立案) to archiving (归档) with their enforcers'
 * conflict-of-interest declarations (回避), evidence (证据), statements (陈述申辩), suspensions (中止);
 * the legal clocks' rule `enforcement.case-clocks` and the document kinds of a case with their first
 * templates. `accident_investigation_id` references the accidents part's table (migration 1764404000000).
 */
export class CreatePenaltyCases1764404010000 implements MigrationInterface {
  name = 'CreatePenaltyCases1764404010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enforcement_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (length(btrim(code)) > 0),
        legal_subject_id uuid NOT NULL REFERENCES organization (id),
        enforcement_item_id uuid NOT NULL REFERENCES enforcement_item (id),
        enterprise_id uuid NOT NULL REFERENCES organization (id),
        inspection_id uuid REFERENCES inspection (id),
        accident_investigation_id uuid REFERENCES accident_investigation (id),
        origin text NOT NULL CHECK (origin IN ('STANDALONE', 'INSPECTION', 'ACCIDENT')),
        cause text NOT NULL CHECK (length(btrim(cause)) > 0),
        facts text NOT NULL CHECK (length(btrim(facts)) > 0),
        act_ended_on date NOT NULL,
        filed_on date NOT NULL CHECK (filed_on >= act_ended_on),
        enforcer_person_ids uuid[] NOT NULL CHECK (cardinality(enforcer_person_ids) BETWEEN 2 AND 10 AND array_position(enforcer_person_ids, NULL) IS NULL),
        filing_approver_person_id uuid NOT NULL REFERENCES person (id),
        status text NOT NULL DEFAULT 'FILED' CHECK (status IN ${STATUSES}),
        major_or_complex boolean NOT NULL DEFAULT false,
        harm_to_life_or_health boolean NOT NULL DEFAULT false,
        suspended boolean NOT NULL DEFAULT false,
        criminal_indicators text[] NOT NULL DEFAULT '{}' CHECK (criminal_indicators <@ ${INDICATORS}),
        clock_rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        decision_days int NOT NULL CHECK (decision_days BETWEEN 1 AND 365),
        target_days int NOT NULL CHECK (target_days BETWEEN 1 AND 365),
        warn_days_before int NOT NULL CHECK (warn_days_before BETWEEN 0 AND 60),
        extension_days int CHECK (extension_days BETWEEN 1 AND 365),
        extension_reason text,
        extension_approver_person_id uuid REFERENCES person (id),
        extended_on date,
        legal_review_required boolean NOT NULL DEFAULT false,
        hearing_required boolean NOT NULL DEFAULT false,
        investigated_on date,
        investigation_summary text,
        reviewed_on date,
        reviewer_person_id uuid REFERENCES person (id),
        review_opinion text,
        discussed_on date,
        discussion_participants text[],
        discussion_conclusion text,
        notified_on date,
        notice_basis text,
        intended_penalty text,
        notified_fine_yuan numeric(14, 2) CHECK (notified_fine_yuan >= 0),
        hearing_request_due_on date,
        hearing_requested_on date,
        hearing_on date,
        hearing_notified_on date,
        hearing_chair_person_id uuid REFERENCES person (id),
        hearing_held_on date,
        hearing_record text,
        decided_on date,
        decision text CHECK (decision IN ${DECISIONS}),
        decision_reason text,
        decider_person_id uuid REFERENCES person (id),
        decided_fine_yuan numeric(14, 2) CHECK (decided_fine_yuan >= 0),
        decision_document_number text,
        service_due_on date,
        served_on date,
        service_method text CHECK (service_method IN ('DIRECT', 'LEFT_AT_ADDRESS', 'POST', 'ELECTRONIC', 'ENTRUSTED', 'PUBLIC_NOTICE')),
        service_recipient text,
        payment_due_on date,
        execution_started_on date,
        closed_on date,
        closure_reason text,
        closure_approver_person_id uuid REFERENCES person (id),
        archived_on date,
        ${AUDIT_COLUMNS},
        CHECK (NOT (origin = 'INSPECTION') OR inspection_id IS NOT NULL),
        CHECK (NOT (origin = 'ACCIDENT') OR accident_investigation_id IS NOT NULL),
        CHECK ((extension_days IS NULL) = (extension_reason IS NULL) AND (extension_days IS NULL) = (extension_approver_person_id IS NULL) AND (extension_days IS NULL) = (extended_on IS NULL)),
        CHECK ((reviewed_on IS NULL) = (reviewer_person_id IS NULL)),
        CHECK ((discussed_on IS NULL) = (discussion_conclusion IS NULL)),
        CHECK ((status IN ('NOTIFIED', 'HEARING')) <= (notified_on IS NOT NULL)),
        CHECK ((notified_on IS NULL) = (hearing_request_due_on IS NULL)),
        CHECK ((hearing_on IS NULL) = (hearing_notified_on IS NULL) AND (hearing_on IS NULL) = (hearing_chair_person_id IS NULL)),
        CHECK ((decided_on IS NULL) = (decision IS NULL) AND (decided_on IS NULL) = (decider_person_id IS NULL) AND (decided_on IS NULL) = (service_due_on IS NULL)),
        CHECK ((status IN ('DECIDED', 'SERVED', 'EXECUTING', 'CLOSED', 'ARCHIVED')) <= (decided_on IS NOT NULL)),
        CHECK ((status IN ('SERVED', 'EXECUTING')) <= (served_on IS NOT NULL)),
        CHECK ((served_on IS NULL) = (service_method IS NULL)),
        CHECK ((status IN ('CLOSED', 'ARCHIVED')) = (closed_on IS NOT NULL)),
        CHECK ((status = 'ARCHIVED') = (archived_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX enforcement_case_enterprise_idx ON enforcement_case (enterprise_id, filed_on, id)`);
    await q.query(`CREATE INDEX enforcement_case_filed_idx ON enforcement_case (filed_on, id)`);
    await q.query(`CREATE INDEX enforcement_case_inspection_idx ON enforcement_case (inspection_id) WHERE inspection_id IS NOT NULL`);
    await q.query(`CREATE INDEX enforcement_case_accident_idx ON enforcement_case (accident_investigation_id) WHERE accident_investigation_id IS NOT NULL`);
    await q.query(`CREATE INDEX enforcement_case_created_idx ON enforcement_case (created_at, id)`);
    await q.query(`CREATE INDEX enforcement_case_updated_idx ON enforcement_case (updated_at, id)`);
    await q.query(`COMMENT ON TABLE enforcement_case IS '行政处罚案件: administrative penalty cases from filing to archiving with the legal clocks of the rule version stored at filing'`);

    await q.query(`
      CREATE TABLE enforcement_case_recusal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES enforcement_case (id),
        person_id uuid NOT NULL REFERENCES person (id),
        recused boolean NOT NULL,
        reason text,
        declared_on date NOT NULL,
        replaced_by_person_id uuid REFERENCES person (id),
        ${AUDIT_COLUMNS},
        CHECK (NOT recused OR length(btrim(coalesce(reason, ''))) > 0),
        UNIQUE (case_id, person_id)
      )`);
    await q.query(`CREATE INDEX enforcement_case_recusal_page_idx ON enforcement_case_recusal (case_id, declared_on, id)`);
    await q.query(`COMMENT ON TABLE enforcement_case_recusal IS '回避声明: each enforcer''s conflict-of-interest declaration on a case (none, or recused with a reason and replaced)'`);

    await q.query(`
      CREATE TABLE enforcement_case_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES enforcement_case (id),
        position int NOT NULL CHECK (position >= 1),
        kind text NOT NULL CHECK (kind IN ${EVIDENCE_KINDS}),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        description text,
        collected_on date NOT NULL,
        collector_person_ids uuid[] NOT NULL CHECK (cardinality(collector_person_ids) >= 1),
        ${AUDIT_COLUMNS},
        UNIQUE (case_id, position)
      )`);
    await q.query(`CREATE INDEX enforcement_case_evidence_page_idx ON enforcement_case_evidence (case_id, position, id)`);
    await q.query(`COMMENT ON TABLE enforcement_case_evidence IS '证据: evidence items of a case of the eight legal kinds (行政诉讼法 第三十三条), files as kernel attachments'`);

    await q.query(`
      CREATE TABLE enforcement_case_statement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES enforcement_case (id),
        position int NOT NULL CHECK (position >= 1),
        made_on date NOT NULL,
        made_by text NOT NULL CHECK (length(btrim(made_by)) > 0),
        content text NOT NULL CHECK (length(btrim(content)) > 0),
        accepted boolean NOT NULL,
        response text NOT NULL CHECK (length(btrim(response)) > 0),
        ${AUDIT_COLUMNS},
        UNIQUE (case_id, position)
      )`);
    await q.query(`CREATE INDEX enforcement_case_statement_page_idx ON enforcement_case_statement (case_id, position, id)`);
    await q.query(`COMMENT ON TABLE enforcement_case_statement IS '陈述申辩: the party''s statements and defences after the notice, with the office''s review of each'`);

    await q.query(`
      CREATE TABLE enforcement_case_suspension (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES enforcement_case (id),
        suspended_on date NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        resumed_on date CHECK (resumed_on >= suspended_on),
        resume_reason text,
        ${AUDIT_COLUMNS},
        CHECK ((resumed_on IS NULL) = (resume_reason IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX enforcement_case_suspension_open_idx ON enforcement_case_suspension (case_id) WHERE resumed_on IS NULL`);
    await q.query(`CREATE INDEX enforcement_case_suspension_page_idx ON enforcement_case_suspension (case_id, suspended_on, id)`);
    await q.query(`COMMENT ON TABLE enforcement_case_suspension IS '中止: suspensions of a case''s decision clock (days from suspension to resumption do not count); at most one open at a time'`);

    // The legal clocks in one place: the decision due date counts suspended days up to today for an open suspension.
    await q.query(`
      CREATE FUNCTION enforcement_case_suspended_days(p_case_id uuid, p_today date) RETURNS int LANGUAGE sql STABLE AS $$
        SELECT coalesce(sum(coalesce(s.resumed_on, greatest(p_today, s.suspended_on)) - s.suspended_on), 0)::int
        FROM enforcement_case_suspension s WHERE s.case_id = p_case_id
      $$`);
    await q.query(`COMMENT ON FUNCTION enforcement_case_suspended_days(uuid, date) IS 'Days a case has been suspended (中止) as of the day: closed suspensions whole, an open one up to the day.'`);

    // 一案双查 findings of accident investigations (migration 1764404000000, before this table existed) name the case they led to.
    await q.query(`ALTER TABLE accident_oversight_finding ADD CONSTRAINT accident_oversight_finding_penalty_case_fk FOREIGN KEY (penalty_case_id) REFERENCES enforcement_case (id)`);

    await insertBusinessRuleVersions(q, CASE_RULE_SEEDS);
    await insertDocumentKinds(q, CASE_DOCUMENT_KINDS, '首版：依据《中华人民共和国行政处罚法》（2021年修订）及安全生产行政执法文书式样编制。');
  }

  async down(q: QueryRunner): Promise<void> {
    const kinds = CASE_DOCUMENT_KINDS.map((k) => k.kind);
    await q.query(`ALTER TABLE enforcement_document DISABLE TRIGGER enforcement_document_immutable`);
    await q.query(`ALTER TABLE enforcement_document_template DISABLE TRIGGER enforcement_document_template_immutable`);
    await q.query(`DELETE FROM enforcement_document WHERE kind = ANY($1)`, [kinds]);
    await q.query(`DELETE FROM enforcement_document_sequence WHERE kind = ANY($1)`, [kinds]);
    await q.query(`UPDATE enforcement_document_kind SET current_template_id = NULL, current_template_version = 0 WHERE kind = ANY($1)`, [kinds]);
    await q.query(`DELETE FROM enforcement_document_template WHERE kind = ANY($1)`, [kinds]);
    await q.query(`DELETE FROM enforcement_document_kind WHERE kind = ANY($1)`, [kinds]);
    await q.query(`ALTER TABLE enforcement_document_template ENABLE TRIGGER enforcement_document_template_immutable`);
    await q.query(`ALTER TABLE enforcement_document ENABLE TRIGGER enforcement_document_immutable`);
    await q.query(`DROP FUNCTION enforcement_case_suspended_days(uuid, date)`);
    await q.query(`ALTER TABLE accident_oversight_finding DROP CONSTRAINT accident_oversight_finding_penalty_case_fk`);
    await q.query(`DROP TABLE enforcement_case_suspension`);
    await q.query(`DROP TABLE enforcement_case_statement`);
    await q.query(`DROP TABLE enforcement_case_evidence`);
    await q.query(`DROP TABLE enforcement_case_recusal`);
    await q.query(`DROP TABLE enforcement_case`);
    // The rule's versions stay: versions are never deleted.
  }
}
