import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { REWARD_RULE_SEEDS } from '../business-rules/rewards';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;
const GRADES = `('ORDINARY', 'LARGER', 'SERIOUS', 'EXTRAORDINARILY_SERIOUS')`;
const CHANNELS = `ARRAY['HOTLINE', 'MAILBOX', 'APP', 'WECHAT', 'IN_PERSON', 'OTHER']`;

/**
 * Rewards (issue 21): tip rewards (安监总财〔2018〕19号), one per group of merged duplicate tips, with the
 * rule `reporting.reward-tiers` and its national version; enterprises' internal hazard-report reward
 * mechanisms (安委〔2024〕7号) with their yearly ledger.
 */
export class CreateRewards1764404120000 implements MigrationInterface {
  name = 'CreateRewards1764404120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tip_reward (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tip_id uuid NOT NULL UNIQUE REFERENCES tip (id),
        group_tip_id uuid NOT NULL UNIQUE REFERENCES tip (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        basis text NOT NULL CHECK (basis IN ('FINE', 'ACCIDENT_GRADE')),
        penalty_case_id uuid REFERENCES enforcement_case (id),
        accident_investigation_id uuid REFERENCES accident_investigation (id),
        fine_yuan numeric(14,2) CHECK (fine_yuan > 0),
        accident_grade text CHECK (accident_grade IN ${GRADES}),
        verified_deaths int CHECK (verified_deaths > 0),
        amount_yuan numeric(12,2) NOT NULL CHECK (amount_yuan > 0),
        rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        status text NOT NULL DEFAULT 'COMPUTED' CHECK (status IN ('COMPUTED', 'APPROVED', 'PAID')),
        computed_at timestamptz NOT NULL,
        approved_at timestamptz,
        approved_by text,
        approved_by_person_id uuid REFERENCES person (id),
        approval_note text,
        claim_due_on date,
        paid_amount_yuan numeric(12,2) CHECK (paid_amount_yuan > 0 AND paid_amount_yuan <= amount_yuan),
        paid_at timestamptz,
        payment_method text CHECK (payment_method IN ('BANK_TRANSFER', 'CASH', 'MOBILE')),
        voucher_number text CHECK (length(btrim(voucher_number)) > 0),
        payment_note text,
        payment_recorded_by text,
        ${AUDIT_COLUMNS},
        CHECK (basis <> 'FINE' OR (penalty_case_id IS NOT NULL AND fine_yuan IS NOT NULL AND accident_investigation_id IS NULL AND accident_grade IS NULL AND verified_deaths IS NULL)),
        CHECK (basis <> 'ACCIDENT_GRADE' OR (accident_investigation_id IS NOT NULL AND accident_grade IS NOT NULL AND verified_deaths IS NOT NULL AND penalty_case_id IS NULL AND fine_yuan IS NULL)),
        CHECK ((approved_at IS NULL) = (status = 'COMPUTED') AND (approved_at IS NULL) = (claim_due_on IS NULL) AND (approved_at IS NULL) = (approved_by IS NULL)),
        CHECK (approved_at IS NULL OR approved_at >= computed_at),
        CHECK ((paid_at IS NULL) = (status <> 'PAID') AND (paid_at IS NULL) = (paid_amount_yuan IS NULL) AND (paid_at IS NULL) = (payment_method IS NULL) AND (paid_at IS NULL) = (voucher_number IS NULL) AND (paid_at IS NULL) = (payment_recorded_by IS NULL)),
        CHECK (paid_at IS NULL OR paid_at >= approved_at)
      )`);
    await q.query(`CREATE INDEX tip_reward_computed_idx ON tip_reward (computed_at, id)`);
    await q.query(`CREATE INDEX tip_reward_organization_idx ON tip_reward (organization_id, computed_at, id)`);
    await q.query(`CREATE INDEX tip_reward_status_idx ON tip_reward (status, claim_due_on)`);
    await q.query(`CREATE INDEX tip_reward_created_idx ON tip_reward (created_at, id)`);
    await q.query(`CREATE INDEX tip_reward_updated_idx ON tip_reward (updated_at, id)`);
    await q.query(`COMMENT ON TABLE tip_reward IS '举报奖励: the reward of the first valid reporter of a group of merged tips, computed from the final fine or accident grade by the rule version kept, approved and paid by the claim deadline (安监总财〔2018〕19号)'`);

    await q.query(`
      CREATE TABLE internal_reward_mechanism (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL UNIQUE REFERENCES organization (id),
        in_place boolean NOT NULL,
        since date,
        channels text[] NOT NULL DEFAULT '{}' CHECK (channels <@ ${CHANNELS} AND cardinality(channels) <= 6),
        funding text CHECK (length(btrim(funding)) > 0),
        note text,
        ${AUDIT_COLUMNS},
        CHECK (in_place OR since IS NULL)
      )`);
    await q.query(`CREATE INDEX internal_reward_mechanism_created_idx ON internal_reward_mechanism (created_at, id)`);
    await q.query(`CREATE INDEX internal_reward_mechanism_updated_idx ON internal_reward_mechanism (updated_at, id)`);
    await q.query(`COMMENT ON TABLE internal_reward_mechanism IS '企业内部举报奖励机制 (安委〔2024〕7号): one per enterprise, in place or not; enterprises without one are an input to the enforcement plan (重点监管)'`);
    await q.query(`
      CREATE TABLE internal_reward_ledger_year (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES internal_reward_mechanism (enterprise_id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        reports_received int NOT NULL CHECK (reports_received >= 0),
        reports_rewarded int NOT NULL CHECK (reports_rewarded >= 0 AND reports_rewarded <= reports_received),
        amount_paid_yuan numeric(12,2) NOT NULL CHECK (amount_paid_yuan >= 0),
        ${AUDIT_COLUMNS},
        CONSTRAINT internal_reward_ledger_year_key UNIQUE (enterprise_id, year)
      )`);
    await q.query(`CREATE INDEX internal_reward_ledger_year_created_idx ON internal_reward_ledger_year (created_at, id)`);
    await q.query(`CREATE INDEX internal_reward_ledger_year_updated_idx ON internal_reward_ledger_year (updated_at, id)`);
    await q.query(`COMMENT ON TABLE internal_reward_ledger_year IS '企业内部举报奖励台账: per enterprise and year, reports received and rewarded and the amount paid'`);
    await insertBusinessRuleVersions(q, REWARD_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE internal_reward_ledger_year`);
    await q.query(`DROP TABLE internal_reward_mechanism`);
    await q.query(`DROP TABLE tip_reward`);
    // The rule's versions stay: versions are never deleted (the table refuses it).
  }
}
