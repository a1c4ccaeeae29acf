import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { ACCIDENT_RULE_SEEDS } from '../business-rules/accidents';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;
const GRADES = `('EXTRAORDINARILY_SERIOUS', 'SERIOUS', 'LARGER', 'ORDINARY')`;
const ROLES = `('GOVERNMENT', 'EMERGENCY_MANAGEMENT', 'INDUSTRY_DEPARTMENT', 'SUPERVISORY_COMMISSION', 'PUBLIC_SECURITY', 'TRADE_UNION', 'PROCURATORATE', 'EXPERT')`;

/**
 * GB 6441-1986《企业职工伤亡事故分类》: the 20 kinds of accident (事故类别) [U: the standard's list as
 * quoted in secondary sources, not read in the original].
 */
export const ACCIDENT_CATEGORIES: ReadonlyArray<readonly [code: string, nameZh: string]> = [
  ['01', '物体打击'],
  ['02', '车辆伤害'],
  ['03', '机械伤害'],
  ['04', '起重伤害'],
  ['05', '触电'],
  ['06', '淹溺'],
  ['07', '灼烫'],
  ['08', '火灾'],
  ['09', '高处坠落'],
  ['10', '坍塌'],
  ['11', '冒顶片帮'],
  ['12', '透水'],
  ['13', '放炮'],
  ['14', '火药爆炸'],
  ['15', '瓦斯爆炸'],
  ['16', '锅炉爆炸'],
  ['17', '容器爆炸'],
  ['18', '其他爆炸'],
  ['19', '中毒和窒息'],
  ['20', '其他伤害'],
];

/**
 * 生产安全事故调查 (issue 20, 国务院令第493号): the accident categories of GB 6441-1986; one investigation
 * per incident of the response module (its figures, grade and rule version, the reporting delay, the
 * clocks of report and reply); the team; the 四不放过 checklist; 一案双查 findings against the approving
 * and supervising bodies; follow-up measures; and the first versions of the grade and clock rules.
 */
export class CreateAccidentInvestigations1764404000000 implements MigrationInterface {
  name = 'CreateAccidentInvestigations1764404000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accident_category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{2}$'),
        name_zh text NOT NULL UNIQUE,
        standard text NOT NULL DEFAULT 'GB 6441-1986',
        ${AUDIT_COLUMNS}
      )`);
    await q.query(`INSERT INTO accident_category (code, name_zh) SELECT * FROM unnest($1::text[], $2::text[])`, [ACCIDENT_CATEGORIES.map(([c]) => c), ACCIDENT_CATEGORIES.map(([, n]) => n)]);
    await q.query(`
      CREATE TABLE accident_investigation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL UNIQUE REFERENCES incident (id),
        kind text NOT NULL CHECK (kind IN ('WORK_SAFETY', 'NATURAL_DISASTER')),
        organization_id uuid NOT NULL REFERENCES organization (id),
        enterprise_id uuid REFERENCES organization (id),
        category_id uuid REFERENCES accident_category (id),
        incident_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        unit_reported_at timestamptz,
        first_reported_at timestamptz,
        report_delay_minutes int,
        reported_late boolean,
        deaths int NOT NULL DEFAULT 0 CHECK (deaths >= 0),
        seriously_injured int NOT NULL DEFAULT 0 CHECK (seriously_injured >= 0),
        direct_loss_yuan numeric(14, 2) NOT NULL DEFAULT 0 CHECK (direct_loss_yuan >= 0),
        basis_report_id uuid REFERENCES incident_damage_report (id),
        grade_basis text CHECK (grade_basis IN ('VERIFIED', 'PROVISIONAL')),
        grade text CHECK (grade IN ${GRADES}),
        grade_rule_version_id uuid REFERENCES business_rule_version (id),
        regrade_window_ends_at timestamptz,
        reports_counted int NOT NULL DEFAULT 0 CHECK (reports_counted >= 0),
        figures_refreshed_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'INVESTIGATING' CHECK (status IN ('INVESTIGATING', 'REPORTED', 'REPLIED', 'CLOSED')),
        clock_rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        report_due_on date NOT NULL,
        report_extension_days int CHECK (report_extension_days BETWEEN 1 AND 365),
        report_extension_reason text,
        report_submitted_on date,
        report_summary text,
        reply_due_on date,
        reply_extension_days int CHECK (reply_extension_days BETWEEN 1 AND 365),
        reply_extension_reason text,
        replied_on date,
        reply_reference text,
        closed_on date,
        ${AUDIT_COLUMNS},
        CHECK (kind = 'NATURAL_DISASTER' OR enterprise_id IS NOT NULL),
        CHECK ((grade IS NULL) = (grade_rule_version_id IS NULL) AND (grade IS NULL) = (grade_basis IS NULL)),
        CHECK ((report_extension_days IS NULL) = (report_extension_reason IS NULL)),
        CHECK ((reply_extension_days IS NULL) = (reply_extension_reason IS NULL)),
        CHECK ((report_submitted_on IS NULL) = (reply_due_on IS NULL)),
        CHECK (status = 'INVESTIGATING' OR report_submitted_on IS NOT NULL),
        CHECK (status NOT IN ('REPLIED', 'CLOSED') OR replied_on IS NOT NULL),
        CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX accident_investigation_organization_idx ON accident_investigation (organization_id, occurred_at, id)`);
    await q.query(`CREATE INDEX accident_investigation_occurred_idx ON accident_investigation (occurred_at, id)`);
    await q.query(`COMMENT ON TABLE accident_investigation IS '事故调查: one per incident (国务院令第493号), scoped by organization_id (the enterprise of a work-safety accident, else the incident''s reporting organization)'`);
    await q.query(`
      CREATE TABLE accident_team_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES accident_investigation (id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 1),
        role text NOT NULL CHECK (role IN ${ROLES}),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        organization_id uuid REFERENCES organization (id),
        person_id uuid REFERENCES person (id),
        leader boolean NOT NULL DEFAULT false,
        ${AUDIT_COLUMNS},
        UNIQUE (investigation_id, position)
      )`);
    await q.query(`CREATE UNIQUE INDEX accident_team_member_one_leader ON accident_team_member (investigation_id) WHERE leader`);
    await q.query(`
      CREATE TABLE accident_four_not_spared (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES accident_investigation (id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position BETWEEN 1 AND 4),
        item text NOT NULL CHECK (item IN ('CAUSE_FOUND', 'RESPONSIBLE_HANDLED', 'MEASURES_IMPLEMENTED', 'PEOPLE_EDUCATED')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE')),
        note text,
        evidence_document_ids uuid[] NOT NULL DEFAULT '{}',
        done_on date,
        ${AUDIT_COLUMNS},
        UNIQUE (investigation_id, item),
        UNIQUE (investigation_id, position),
        CHECK ((status = 'DONE') = (done_on IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE accident_oversight_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES accident_investigation (id) ON DELETE CASCADE,
        body_role text NOT NULL CHECK (body_role IN ('APPROVING', 'SUPERVISING')),
        organization_id uuid NOT NULL REFERENCES organization (id),
        finding text NOT NULL CHECK (length(btrim(finding)) > 0),
        responsibility text NOT NULL CHECK (length(btrim(responsibility)) > 0),
        penalty_case_id uuid,
        ${AUDIT_COLUMNS}
      )`);
    await q.query(`CREATE INDEX accident_oversight_finding_page_idx ON accident_oversight_finding (investigation_id, created_at, id)`);
    await q.query(`
      CREATE TABLE accident_measure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES accident_investigation (id) ON DELETE CASCADE,
        measure text NOT NULL CHECK (length(btrim(measure)) > 0),
        responsible_organization_id uuid NOT NULL REFERENCES organization (id),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'VERIFIED')),
        done_on date,
        verified_on date,
        note text,
        ${AUDIT_COLUMNS},
        CHECK ((status = 'OPEN') = (done_on IS NULL)),
        CHECK ((status = 'VERIFIED') = (verified_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX accident_measure_page_idx ON accident_measure (investigation_id, due_on, id)`);
    await insertBusinessRuleVersions(q, ACCIDENT_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['accident_measure', 'accident_oversight_finding', 'accident_four_not_spared', 'accident_team_member', 'accident_investigation', 'accident_category']) await q.query(`DROP TABLE ${table}`);
    // The rules' versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
