import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { INSPECTION_RULE_SEEDS } from '../business-rules/inspections';

const STATUSES = `('DRAFT', 'SUBMITTED', 'APPROVED', 'RECORDED', 'RECTIFICATION_ORDERED', 'REINSPECTED', 'CLOSED', 'CANCELLED')`;
const NOT_VISITED = `('DRAFT', 'SUBMITTED', 'APPROVED', 'CANCELLED')`;
const CERTIFICATE_STATUSES = `('VALID', 'REVIEW_DUE', 'REVIEW_OVERDUE', 'EXPIRING', 'EXPIRED', 'REVOKED')`;
const DUTIES = `('RESPONSIBILITY_SYSTEM', 'RULES_AND_PROCEDURES', 'TRAINING', 'INVESTMENT', 'DUAL_PREVENTION', 'EMERGENCY_PLAN', 'ACCIDENT_REPORTING')`;
const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/**
 * 行政检查 (work-plan point 十八): inspections of enterprises by a legal subject under an item of its
 * list, with their inspectors, approval, visit, order to rectify and re-inspection; the rows the visit
 * records (checklist of the principal's seven duties, special-operation certificates seen,
 * hazardous-work permits, findings); the yearly counter of inspection codes; and the first versions of
 * the re-inspection rule.
 */
export class CreateInspections1764403940000 implements MigrationInterface {
  name = 'CreateInspections1764403940000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,8}-[0-9]{4}-[0-9]{4,}$'),
        legal_subject_id uuid NOT NULL REFERENCES organization (id),
        enforcement_item_id uuid NOT NULL REFERENCES enforcement_item (id),
        enterprise_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL CHECK (kind IN ('ROUTINE', 'CASE', 'SPECIAL')),
        purpose text NOT NULL CHECK (length(btrim(purpose)) > 0),
        planned_on date NOT NULL,
        inspector_person_ids uuid[] NOT NULL CHECK (cardinality(inspector_person_ids) BETWEEN 2 AND 10 AND array_position(inspector_person_ids, NULL) IS NULL),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ${STATUSES}),
        submitted_on date,
        approver_person_id uuid REFERENCES person (id),
        approved_on date,
        rejection_reason text,
        enterprise_class text CHECK (enterprise_class IN ('KEY', 'ORDINARY')),
        frequency_cap int CHECK (frequency_cap BETWEEN 1 AND 365),
        repeat_window_days int CHECK (repeat_window_days BETWEEN 0 AND 365),
        frequency_rule_version_id uuid REFERENCES business_rule_version (id),
        visited_on date,
        visit_time text CHECK (length(btrim(visit_time)) > 0),
        unit_signatory_name text CHECK (length(btrim(unit_signatory_name)) > 0),
        summary text,
        rectification_ordered_on date,
        rectification_deadline date,
        reinspection_due_on date,
        rule_version_id uuid REFERENCES business_rule_version (id),
        reinspected_on date,
        rectified boolean,
        reinspection_opinion text,
        for_case boolean NOT NULL DEFAULT false,
        for_case_reason text,
        closed_on date,
        cancelled_on date,
        cancel_reason text,
        ${AUDIT_COLUMNS},
        CHECK ((frequency_cap IS NULL) = (frequency_rule_version_id IS NULL) AND (frequency_cap IS NULL) = (repeat_window_days IS NULL) AND (frequency_cap IS NULL OR enterprise_class IS NOT NULL)),
        CHECK ((approved_on IS NULL) = (approver_person_id IS NULL)),
        CHECK (status IN ('DRAFT', 'SUBMITTED', 'CANCELLED') OR approved_on IS NOT NULL),
        CHECK ((status IN ${NOT_VISITED}) = (visited_on IS NULL)),
        CHECK ((visited_on IS NULL) = (unit_signatory_name IS NULL) AND (visited_on IS NULL) = (visit_time IS NULL)),
        CHECK ((rectification_ordered_on IS NULL) = (rectification_deadline IS NULL) AND (rectification_ordered_on IS NULL) = (reinspection_due_on IS NULL) AND (rectification_ordered_on IS NULL) = (rule_version_id IS NULL)),
        CHECK (rectification_deadline > rectification_ordered_on AND reinspection_due_on >= rectification_deadline),
        CHECK (status <> 'RECTIFICATION_ORDERED' OR rectification_ordered_on IS NOT NULL),
        CHECK ((reinspected_on IS NULL) = (rectified IS NULL)),
        CHECK ((status = 'REINSPECTED') <= (reinspected_on IS NOT NULL)),
        CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL)),
        CHECK ((status = 'CANCELLED') = (cancelled_on IS NOT NULL) AND (cancelled_on IS NULL) = (cancel_reason IS NULL)),
        CHECK (NOT for_case OR for_case_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX inspection_enterprise_idx ON inspection (enterprise_id, planned_on, id)`);
    await q.query(`CREATE INDEX inspection_planned_idx ON inspection (planned_on, id)`);
    await q.query(`CREATE INDEX inspection_subject_visited_idx ON inspection (legal_subject_id, visited_on) WHERE visited_on IS NOT NULL`);
    await q.query(`CREATE INDEX inspection_reinspection_due_idx ON inspection (reinspection_due_on) WHERE reinspection_due_on IS NOT NULL`);
    await q.query(`CREATE INDEX inspection_created_idx ON inspection (created_at, id)`);
    await q.query(`CREATE INDEX inspection_updated_idx ON inspection (updated_at, id)`);
    await q.query(`COMMENT ON TABLE inspection IS '行政检查: administrative inspections of enterprises by a legal subject with certified inspectors, approved, visited, ordered to rectify and re-inspected, counted against the yearly frequency cap'`);
    await q.query(`
      CREATE TABLE inspection_code_counter (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
        last_number int NOT NULL CHECK (last_number >= 0)
      )`);
    await q.query(`COMMENT ON TABLE inspection_code_counter IS '检查编码计数: the last number of inspection codes per year (gap-free, taken under the row lock)'`);
    // A finding's law_article_ids name articles of the law catalog, each checked in force on the visit day (checkArticlesInForce) when recorded.
    await q.query(`
      CREATE TABLE inspection_checklist_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES inspection (id),
        position int NOT NULL CHECK (position BETWEEN 1 AND 7),
        duty text NOT NULL CHECK (duty IN ${DUTIES}),
        duty_text text NOT NULL,
        result text NOT NULL CHECK (result IN ('COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE')),
        note text,
        law_article_id uuid NOT NULL REFERENCES law_article (id),
        ${AUDIT_COLUMNS},
        UNIQUE (inspection_id, duty),
        UNIQUE (inspection_id, position)
      )`);
    await q.query(`CREATE INDEX inspection_checklist_item_page_idx ON inspection_checklist_item (inspection_id, position, id)`);
    await q.query(`COMMENT ON TABLE inspection_checklist_item IS '检查表: the principal''s seven duties (安全生产法 第二十一条) as found at an inspection''s visit'`);
    await q.query(`
      CREATE TABLE inspection_certificate_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES inspection (id),
        position int NOT NULL CHECK (position >= 1),
        special_operation_certificate_id uuid NOT NULL REFERENCES special_operation_certificate (id),
        status text NOT NULL CHECK (status IN ${CERTIFICATE_STATUSES}),
        valid boolean NOT NULL,
        note text,
        ${AUDIT_COLUMNS},
        CHECK (valid = (status NOT IN ('EXPIRED', 'REVOKED', 'REVIEW_OVERDUE'))),
        UNIQUE (inspection_id, special_operation_certificate_id),
        UNIQUE (inspection_id, position)
      )`);
    await q.query(`CREATE INDEX inspection_certificate_check_page_idx ON inspection_certificate_check (inspection_id, position, id)`);
    await q.query(`COMMENT ON TABLE inspection_certificate_check IS '特种作业证核查: special-operation certificates of the enterprise''s workers seen at a visit, with their status that day'`);
    await q.query(`
      CREATE TABLE inspection_permit_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES inspection (id),
        position int NOT NULL CHECK (position >= 1),
        kind text NOT NULL CHECK (kind IN ('HOT_WORK', 'CONFINED_SPACE', 'WORK_AT_HEIGHT', 'TEMPORARY_ELECTRICITY', 'LIFTING', 'BLIND_PLATE', 'EARTHWORK', 'ROAD_BREAKING', 'BLASTING')),
        permit_number text CHECK (length(btrim(permit_number)) > 0),
        result text NOT NULL CHECK (result IN ('VALID', 'INVALID', 'MISSING')),
        note text,
        ${AUDIT_COLUMNS},
        CHECK ((result = 'MISSING') = (permit_number IS NULL)),
        UNIQUE (inspection_id, position)
      )`);
    await q.query(`CREATE INDEX inspection_permit_check_page_idx ON inspection_permit_check (inspection_id, position, id)`);
    await q.query(`COMMENT ON TABLE inspection_permit_check IS '作业票检查: hazardous-work permits checked at a visit'`);
    // hazard_id names a hazard of the risk module, raised through its API (reportHazard) in the visit's transaction: no foreign key into its table.
    await q.query(`
      CREATE TABLE inspection_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES inspection (id),
        position int NOT NULL CHECK (position >= 1),
        origin text NOT NULL CHECK (origin IN ('INSPECTOR', 'CERTIFICATE_CHECK')),
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        checklist_duty text CHECK (checklist_duty IN ${DUTIES}),
        certificate_check_id uuid REFERENCES inspection_certificate_check (id),
        law_article_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(law_article_ids) <= 10),
        severity text NOT NULL CHECK (severity IN ('GENERAL', 'MAJOR')),
        rectification_required boolean NOT NULL,
        hazard_category text,
        hazard_id uuid,
        for_case boolean NOT NULL DEFAULT false,
        case_reason text,
        ${AUDIT_COLUMNS},
        CHECK ((origin = 'CERTIFICATE_CHECK') = (certificate_check_id IS NOT NULL)),
        CHECK ((hazard_id IS NULL) = (hazard_category IS NULL)),
        CHECK (for_case = (case_reason IS NOT NULL)),
        UNIQUE (inspection_id, position)
      )`);
    await q.query(`CREATE INDEX inspection_finding_page_idx ON inspection_finding (inspection_id, position, id)`);
    await q.query(`CREATE INDEX inspection_finding_hazard_idx ON inspection_finding (hazard_id) WHERE hazard_id IS NOT NULL`);
    await q.query(`COMMENT ON TABLE inspection_finding IS '检查发现问题: findings of a visit, the articles they break, the hazards they raised (risk module) and whether they call for a case'`);
    await insertBusinessRuleVersions(q, INSPECTION_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inspection_finding`);
    await q.query(`DROP TABLE inspection_permit_check`);
    await q.query(`DROP TABLE inspection_certificate_check`);
    await q.query(`DROP TABLE inspection_checklist_item`);
    await q.query(`DROP TABLE inspection_code_counter`);
    await q.query(`DROP TABLE inspection`);
    // The rule's versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
