import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { PLAN_RULE_SEEDS } from '../business-rules/plans';

/**
 * 年度监督检查计划 (work-plan point 十八): a legal subject's plan for a year with the inputs and results
 * of the 安监总政法〔2017〕150号 calculator (legal working days from the kernel calendar, inspection
 * working days, key and ordinary enterprises coverable), the rule versions it applied, approval and
 * revisions; its enterprise list (key or ordinary, derived from sector and risk, reclassified with a
 * reason, planned inspections and months); and the first versions of the frequency cap and workload rules.
 */
export class CreateInspectionPlans1764403930000 implements MigrationInterface {
  name = 'CreateInspectionPlans1764403930000';

  async up(q: QueryRunner): Promise<void> {
    const halfDays = (column: string) => `(${column} IS NULL OR (${column} BETWEEN 0.5 AND 60 AND ${column} * 2 = trunc(${column} * 2)))`;
    await q.query(`
      CREATE TABLE inspection_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        revision int NOT NULL CHECK (revision BETWEEN 1 AND 100),
        previous_id uuid REFERENCES inspection_plan (id),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'APPROVED', 'SUPERSEDED')),
        period_from date NOT NULL,
        period_to date NOT NULL,
        certified_inspectors int NOT NULL CHECK (certified_inspectors BETWEEN 1 AND 1000),
        other_enforcement_days int NOT NULL CHECK (other_enforcement_days BETWEEN 0 AND 366000),
        non_enforcement_days int NOT NULL CHECK (non_enforcement_days BETWEEN 0 AND 366000),
        key_inspection_days double precision CHECK ${halfDays('key_inspection_days')},
        ordinary_inspection_days double precision CHECK ${halfDays('ordinary_inspection_days')},
        workload_rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        frequency_rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        legal_working_days int NOT NULL CHECK (legal_working_days BETWEEN 0 AND 366),
        inspection_working_days int NOT NULL CHECK (inspection_working_days >= 0),
        key_inspection_days_applied double precision NOT NULL CHECK (key_inspection_days_applied > 0),
        ordinary_inspection_days_applied double precision NOT NULL CHECK (ordinary_inspection_days_applied > 0),
        key_enterprise_count int NOT NULL DEFAULT 0 CHECK (key_enterprise_count >= 0),
        key_inspection_count int NOT NULL DEFAULT 0 CHECK (key_inspection_count >= 0),
        key_enterprises_coverable int NOT NULL DEFAULT 0 CHECK (key_enterprises_coverable BETWEEN 0 AND key_enterprise_count),
        ordinary_enterprise_count int NOT NULL DEFAULT 0 CHECK (ordinary_enterprise_count >= 0),
        ordinary_inspection_count int NOT NULL DEFAULT 0 CHECK (ordinary_inspection_count >= 0),
        note text CHECK (note IS NULL OR length(btrim(note)) > 0),
        approved_at timestamptz,
        approved_by_kind text CHECK (approved_by_kind IN ('user', 'api-client', 'system')),
        approved_by_id uuid,
        approved_by_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (period_from <= period_to),
        CHECK (extract(year FROM period_from) = year AND extract(year FROM period_to) = year),
        -- 安监总政法〔2017〕150号: 监督检查工作日 = 法定工作日 × 执法人数 − 其他执法工作日 − 非执法工作日.
        CHECK (inspection_working_days = legal_working_days * certified_inspectors - other_enforcement_days - non_enforcement_days),
        CHECK ((status = 'DRAFT') = (approved_at IS NULL)),
        CHECK ((approved_at IS NULL) = (approved_by_kind IS NULL)),
        CHECK (revision = 1 OR previous_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX inspection_plan_revision_idx ON inspection_plan (organization_id, year, revision)`);
    // One plan in force and one draft per legal subject and year; a revision is made once per plan.
    await q.query(`CREATE UNIQUE INDEX inspection_plan_approved_idx ON inspection_plan (organization_id, year) WHERE status = 'APPROVED'`);
    await q.query(`CREATE UNIQUE INDEX inspection_plan_draft_idx ON inspection_plan (organization_id, year) WHERE status = 'DRAFT'`);
    await q.query(`CREATE UNIQUE INDEX inspection_plan_previous_idx ON inspection_plan (previous_id) WHERE previous_id IS NOT NULL`);
    await q.query(`CREATE INDEX inspection_plan_year_idx ON inspection_plan (year, revision, id)`);
    await q.query(`COMMENT ON TABLE inspection_plan IS '年度监督检查计划: a legal subject''s plan for a year, its calculator inputs and results (安监总政法〔2017〕150号), approval and revisions'`);
    await q.query(`
      CREATE TABLE inspection_plan_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES inspection_plan (id),
        enterprise_id uuid NOT NULL REFERENCES organization (id),
        position int NOT NULL CHECK (position BETWEEN 0 AND 1000000),
        enterprise_class text NOT NULL CHECK (enterprise_class IN ('KEY', 'ORDINARY')),
        derived_class text NOT NULL CHECK (derived_class IN ('KEY', 'ORDINARY')),
        derived_reason text NOT NULL CHECK (length(btrim(derived_reason)) > 0),
        reclassification_reason text CHECK (reclassification_reason IS NULL OR length(btrim(reclassification_reason)) > 0),
        planned_inspections int NOT NULL CHECK (planned_inspections BETWEEN 0 AND 365),
        planned_months int[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        -- One month (1–12) per planned inspection.
        CHECK (cardinality(planned_months) = planned_inspections AND planned_months <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] AND array_position(planned_months, NULL) IS NULL),
        -- An officer's reason exactly when the class departs from the derived one.
        CHECK ((enterprise_class = derived_class) = (reclassification_reason IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX inspection_plan_entry_enterprise_idx ON inspection_plan_entry (plan_id, enterprise_id)`);
    await q.query(`CREATE INDEX inspection_plan_entry_class_idx ON inspection_plan_entry (plan_id, enterprise_class, position, id)`);
    await q.query(`CREATE INDEX inspection_plan_entry_of_enterprise_idx ON inspection_plan_entry (enterprise_id)`);
    await q.query(`COMMENT ON TABLE inspection_plan_entry IS '监督检查企业名单: an enterprise of a plan, key or ordinary (derived from sector and risk, or moved by an officer with a reason), with its planned inspections and months'`);
    await insertBusinessRuleVersions(q, PLAN_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inspection_plan_entry`);
    await q.query(`DROP TABLE inspection_plan`);
    // The rules' versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
