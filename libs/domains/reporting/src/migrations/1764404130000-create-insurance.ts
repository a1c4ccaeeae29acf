import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { INSURANCE_RULE_SEEDS } from '../business-rules/insurance';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;
const YUAN = (column: string, nullable = false) => `${column} numeric(14,2)${nullable ? '' : ' NOT NULL'} CHECK (${column} >= 0)`;

/**
 * Insurance (issue 21, point 十九): work-safety liability insurance policies of enterprises
 * (应急〔2025〕27号) with the rule `reporting.insurance-mandatory-sectors`, the district's catastrophe
 * insurance policy (渝府办发〔2017〕121号) with `reporting.catastrophe-insurance-minimums`, and the
 * town's claims under it for casualties of incidents.
 */
export class CreateInsurance1764404130000 implements MigrationInterface {
  name = 'CreateInsurance1764404130000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE liability_insurance_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES organization (id),
        insurer text NOT NULL CHECK (length(btrim(insurer)) > 0),
        policy_number text NOT NULL CHECK (length(btrim(policy_number)) > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        ${YUAN('per_person_limit_yuan')},
        headcount_covered int NOT NULL CHECK (headcount_covered > 0),
        ${YUAN('premium_yuan', true)},
        rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        cancelled_on date,
        cancellation_reason text,
        ${AUDIT_COLUMNS},
        CHECK (ends_on > starts_on),
        CHECK (per_person_limit_yuan > 0),
        CHECK ((cancelled_on IS NULL) = (cancellation_reason IS NULL)),
        CHECK (cancelled_on IS NULL OR cancelled_on >= starts_on),
        UNIQUE (insurer, policy_number)
      )`);
    await q.query(`CREATE INDEX liability_insurance_policy_enterprise_idx ON liability_insurance_policy (enterprise_id, ends_on, id)`);
    await q.query(`CREATE INDEX liability_insurance_policy_ends_idx ON liability_insurance_policy (ends_on, id)`);
    await q.query(`CREATE INDEX liability_insurance_policy_created_idx ON liability_insurance_policy (created_at, id)`);
    await q.query(`CREATE INDEX liability_insurance_policy_updated_idx ON liability_insurance_policy (updated_at, id)`);
    await q.query(`COMMENT ON TABLE liability_insurance_policy IS '安全生产责任保险: policies of enterprises (应急〔2025〕27号); status, limit check and lapse warning are computed from the dates and the kept rule version'`);

    await q.query(`
      CREATE TABLE catastrophe_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        policyholder text NOT NULL CHECK (length(btrim(policyholder)) > 0),
        insurer text NOT NULL CHECK (length(btrim(insurer)) > 0),
        policy_number text NOT NULL CHECK (length(btrim(policy_number)) > 0),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        ${YUAN('per_person_limit_yuan')},
        ${YUAN('medical_per_person_limit_yuan')},
        ${YUAN('per_event_limit_yuan')},
        ${YUAN('annual_limit_yuan')},
        perils text[] NOT NULL CHECK (cardinality(perils) BETWEEN 1 AND 20),
        rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        ${AUDIT_COLUMNS},
        CHECK (ends_on > starts_on),
        CHECK (annual_limit_yuan >= per_event_limit_yuan)
      )`);
    await q.query(`CREATE INDEX catastrophe_policy_period_idx ON catastrophe_policy (starts_on, id)`);
    await q.query(`CREATE INDEX catastrophe_policy_organization_idx ON catastrophe_policy (organization_id, starts_on, id)`);
    await q.query(`CREATE INDEX catastrophe_policy_created_idx ON catastrophe_policy (created_at, id)`);
    await q.query(`CREATE INDEX catastrophe_policy_updated_idx ON catastrophe_policy (updated_at, id)`);
    await q.query(`COMMENT ON TABLE catastrophe_policy IS '巨灾保险: the district''s government-paid catastrophe insurance policy as the town keeps it (渝府办发〔2017〕121号)'`);

    await q.query(`
      CREATE TABLE catastrophe_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        policy_id uuid NOT NULL REFERENCES catastrophe_policy (id),
        incident_id uuid NOT NULL REFERENCES incident (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL CHECK (kind IN ('DEATH', 'DISABILITY', 'MEDICAL')),
        persons int NOT NULL CHECK (persons BETWEEN 1 AND 1000),
        ${YUAN('amount_claimed_yuan')},
        filed_on date NOT NULL,
        note text,
        status text NOT NULL DEFAULT 'FILED' CHECK (status IN ('FILED', 'PAID', 'REJECTED')),
        ${YUAN('amount_paid_yuan', true)},
        decided_at timestamptz,
        rejection_reason text,
        ${AUDIT_COLUMNS},
        CHECK ((status = 'PAID') = (amount_paid_yuan IS NOT NULL)),
        CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL)),
        CHECK ((status = 'FILED') = (decided_at IS NULL)),
        CHECK (amount_paid_yuan IS NULL OR amount_paid_yuan <= amount_claimed_yuan)
      )`);
    await q.query(`CREATE INDEX catastrophe_claim_policy_idx ON catastrophe_claim (policy_id, filed_on, id)`);
    await q.query(`CREATE INDEX catastrophe_claim_incident_idx ON catastrophe_claim (incident_id, filed_on, id)`);
    await q.query(`CREATE INDEX catastrophe_claim_organization_idx ON catastrophe_claim (organization_id, filed_on, id)`);
    await q.query(`CREATE INDEX catastrophe_claim_filed_idx ON catastrophe_claim (filed_on, id)`);
    await q.query(`CREATE INDEX catastrophe_claim_created_idx ON catastrophe_claim (created_at, id)`);
    await q.query(`CREATE INDEX catastrophe_claim_updated_idx ON catastrophe_claim (updated_at, id)`);
    await q.query(`COMMENT ON TABLE catastrophe_claim IS '巨灾保险理赔: the town''s claims under the district catastrophe policy for casualties of incidents, FILED then PAID or REJECTED'`);
    await insertBusinessRuleVersions(q, INSURANCE_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catastrophe_claim`);
    await q.query(`DROP TABLE catastrophe_policy`);
    await q.query(`DROP TABLE liability_insurance_policy`);
    // The rules' versions stay: versions are never deleted (the table refuses it).
  }
}
