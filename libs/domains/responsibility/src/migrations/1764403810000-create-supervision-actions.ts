import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { SUPERVISION_RULE_SEEDS } from '../business-rules/supervision';

const STATUSES = `('ISSUED', 'ACKNOWLEDGED', 'PLAN_SUBMITTED', 'RECTIFYING', 'ACCEPTANCE_REQUESTED', 'VERIFIED', 'CLOSED', 'ESCALATED')`;

/**
 * 督办 (work-plan point 一（三）): supervision actions of the town safety committee (通报, 督促函, 约谈,
 * 挂牌督办) addressed to departments and villages, their timeline, the major hazards tied to listed
 * supervision (ids of the risk module's hazards, checked through its API), and the first versions of
 * each kind's rule.
 */
export class CreateSupervisionActions1764403810000 implements MigrationInterface {
  name = 'CreateSupervisionActions1764403810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('NOTICE', 'URGING_LETTER', 'INTERVIEW', 'LISTED')),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        matter text NOT NULL CHECK (length(btrim(matter)) > 0),
        issued_on date NOT NULL,
        issuing_body text NOT NULL CHECK (length(btrim(issuing_body)) > 0),
        addressee_organization_id uuid NOT NULL REFERENCES organization (id),
        responsible_person_id uuid REFERENCES person (id),
        rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        response_due_on date NOT NULL,
        publication_due_on date,
        rectification_due_on date,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'ISSUED' CHECK (status IN ${STATUSES}),
        failure_count int NOT NULL DEFAULT 0 CHECK (failure_count BETWEEN 0 AND 100),
        acknowledged_on date,
        plan_submitted_on date,
        acceptance_requested_on date,
        acceptance_due_on date,
        verified_on date,
        closed_on date,
        escalated_on date,
        extension_requested_on date,
        extension_reason text,
        extension_decision_due_on date,
        extension_decided_on date,
        extension_approved boolean,
        extended_due_on date,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (response_due_on > issued_on AND due_on > issued_on),
        CHECK (rectification_due_on IS NULL OR rectification_due_on > issued_on),
        CHECK (kind <> 'LISTED' OR rectification_due_on IS NOT NULL),
        CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL)),
        CHECK ((status = 'ESCALATED') = (escalated_on IS NOT NULL)),
        CHECK ((extension_requested_on IS NULL) = (extension_decision_due_on IS NULL)),
        CHECK ((extension_approved IS NULL) = (extension_decided_on IS NULL)),
        CHECK ((extension_approved IS TRUE) = (extended_due_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX supervision_action_addressee_idx ON supervision_action (addressee_organization_id, due_on, id)`);
    await q.query(`CREATE INDEX supervision_action_issued_idx ON supervision_action (issued_on, id)`);
    await q.query(`CREATE INDEX supervision_action_due_idx ON supervision_action (due_on, id)`);
    await q.query(`COMMENT ON TABLE supervision_action IS '督办事项: supervision actions (通报, 督促函, 约谈, 挂牌督办) of the town safety committee addressed to departments and villages, with deadlines in working days from the version of the kind''s rule they keep'`);
    await q.query(`
      CREATE TABLE supervision_action_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supervision_action_id uuid NOT NULL REFERENCES supervision_action (id),
        action text NOT NULL,
        recorded_on date NOT NULL,
        from_status text CHECK (from_status IN ${STATUSES}),
        to_status text NOT NULL CHECK (to_status IN ${STATUSES}),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX supervision_action_step_action_idx ON supervision_action_step (supervision_action_id, created_at, id)`);
    await q.query(`COMMENT ON TABLE supervision_action_step IS '督办记录: the timeline of a supervision action (issue, steps, extension request and decision)'`);
    // hazard_id names a hazard of the risk module: checked through its API (records of Hazards) when linked, not by a foreign key into its table.
    await q.query(`
      CREATE TABLE supervision_action_hazard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supervision_action_id uuid NOT NULL REFERENCES supervision_action (id),
        hazard_id uuid NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (supervision_action_id, hazard_id)
      )`);
    await q.query(`CREATE INDEX supervision_action_hazard_page_idx ON supervision_action_hazard (supervision_action_id, linked_at, hazard_id)`);
    await q.query(`CREATE INDEX supervision_action_hazard_hazard_idx ON supervision_action_hazard (hazard_id)`);
    await q.query(`COMMENT ON TABLE supervision_action_hazard IS '督办关联隐患: major hazards (risk module) tied to a listed supervision; 摘牌 waits for them to be closed'`);
    await insertBusinessRuleVersions(q, SUPERVISION_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supervision_action_hazard`);
    await q.query(`DROP TABLE supervision_action_step`);
    await q.query(`DROP TABLE supervision_action`);
    // The rules' versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
