import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHANNELS = `('HOTLINE_12350', 'HOTLINE_12345', 'QR_CODE', 'LETTER', 'VISIT', 'ONLINE', 'OPEN311')`;
const CATEGORIES = `('MAJOR_HAZARD', 'HAZARD', 'ILLEGAL_OPERATION', 'CONCEALED_ACCIDENT', 'FIRE_SAFETY', 'OTHER')`;
const STATUSES = `('RECEIVED', 'ACCEPTED', 'REJECTED', 'SENT_BACK', 'ASSIGNED', 'VERIFYING', 'VERIFIED', 'NOT_VERIFIED', 'HANDLED', 'ESCALATED', 'CLOSED')`;
const OUTCOMES = `('FIXED', 'NOT_RESPONSIBLE', 'DUPLICATE', 'NO_HAZARD_FOUND', 'NOT_VERIFIED', 'REJECTED', 'SENT_BACK', 'ESCALATED')`;
const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/**
 * 举报 (issue 21): tips from the public with their tracking code (numbered by the kernel's
 * `yearlyNumbers`, series reporting.tip) and the hash of their secret, the organization they concern
 * (row scope), the reporter's kind and (sensitive) identity, the workflow's state and outcome, the
 * per-channel clocks, the hazard raised, the enforcement outcome for rewards and the follow-up.
 */
export class CreateTips1764404100000 implements MigrationInterface {
  name = 'CreateTips1764404100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tip (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^JB-[0-9]{4}-[0-9]{6,}$'),
        secret_hash text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
        channel text NOT NULL CHECK (channel IN ${CHANNELS}),
        external_reference text CHECK (length(btrim(external_reference)) BETWEEN 1 AND 100),
        category text NOT NULL CHECK (category IN ${CATEGORIES}),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 100),
        description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 4000),
        organization_id uuid NOT NULL REFERENCES organization (id),
        enterprise_id uuid REFERENCES organization (id),
        place_code text CHECK (length(btrim(place_code)) BETWEEN 1 AND 64),
        address text CHECK (length(btrim(address)) BETWEEN 1 AND 200),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        involves_deaths boolean NOT NULL DEFAULT false,
        reported_deaths int CHECK (reported_deaths BETWEEN 1 AND 10000),
        reporter_kind text NOT NULL CHECK (reporter_kind IN ('ANONYMOUS', 'NAMED', 'EMPLOYEE')),
        reporter_name text CHECK (length(btrim(reporter_name)) BETWEEN 1 AND 50),
        reporter_phone text CHECK (length(btrim(reporter_phone)) BETWEEN 1 AND 30),
        reporter_contact text CHECK (length(btrim(reporter_contact)) BETWEEN 1 AND 200),
        identity_disclosed_at timestamptz,
        reporter_access_expires_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'RECEIVED' CHECK (status IN ${STATUSES}),
        outcome text CHECK (outcome IN ${OUTCOMES}),
        status_reason text CHECK (length(btrim(status_reason)) BETWEEN 1 AND 1000),
        assigned_organization_id uuid REFERENCES organization (id),
        assigned_person_id uuid REFERENCES person (id),
        sla_rule_version_id uuid REFERENCES business_rule_version (id),
        accept_due_at timestamptz,
        handle_due_at timestamptz,
        extended_days int NOT NULL DEFAULT 0 CHECK (extended_days BETWEEN 0 AND 366),
        accepted_at timestamptz,
        verified_at timestamptz,
        handled_at timestamptz,
        closed_at timestamptz,
        duplicate_of_id uuid REFERENCES tip (id),
        hazard_id uuid REFERENCES hazard (id),
        penalty_case_id uuid REFERENCES enforcement_case (id),
        accident_investigation_id uuid REFERENCES accident_investigation (id),
        follow_up_due_at timestamptz,
        follow_up_result text CHECK (follow_up_result IN ('SATISFIED', 'NOT_FIXED', 'NO_ANSWER')),
        follow_up_at timestamptz,
        reopen_count int NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
        ${AUDIT_COLUMNS},
        CHECK (longitude IS NULL = (latitude IS NULL)),
        CHECK (involves_deaths OR reported_deaths IS NULL),
        CHECK (reporter_kind <> 'EMPLOYEE' OR reporter_name IS NOT NULL AND reporter_phone IS NOT NULL),
        CHECK (reporter_kind <> 'ANONYMOUS' OR identity_disclosed_at IS NOT NULL OR reporter_name IS NULL AND reporter_phone IS NULL AND reporter_contact IS NULL),
        CHECK (duplicate_of_id IS DISTINCT FROM id),
        CHECK ((outcome IS NULL) = (status NOT IN ('CLOSED', 'REJECTED', 'SENT_BACK'))),
        CHECK ((closed_at IS NULL) = (status NOT IN ('CLOSED', 'REJECTED', 'SENT_BACK'))),
        CHECK (outcome IS DISTINCT FROM 'DUPLICATE' OR duplicate_of_id IS NOT NULL),
        CHECK ((follow_up_result IS NULL) = (follow_up_at IS NULL)),
        CHECK (status <> 'ASSIGNED' OR assigned_organization_id IS NOT NULL),
        CHECK (status NOT IN ('VERIFIED', 'HANDLED') OR hazard_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX tip_organization_idx ON tip (organization_id, received_at, id)`);
    await q.query(`CREATE INDEX tip_enterprise_idx ON tip (enterprise_id, received_at) WHERE enterprise_id IS NOT NULL`);
    await q.query(`CREATE INDEX tip_place_idx ON tip (place_code, received_at) WHERE place_code IS NOT NULL`);
    await q.query(`CREATE INDEX tip_location_idx ON tip USING gist (point(longitude, latitude))`);
    await q.query(`CREATE INDEX tip_status_idx ON tip (status, received_at, id)`);
    await q.query(`CREATE INDEX tip_duplicate_idx ON tip (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL`);
    await q.query(`CREATE INDEX tip_hazard_idx ON tip (hazard_id) WHERE hazard_id IS NOT NULL`);
    await q.query(`CREATE INDEX tip_received_idx ON tip (received_at, id)`);
    await q.query(`CREATE INDEX tip_created_idx ON tip (created_at, id)`);
    await q.query(`CREATE INDEX tip_updated_idx ON tip (updated_at, id)`);
    await q.query(`COMMENT ON TABLE tip IS '举报: tips from the public (12350, 12345, QR codes, letters and visits, the web, Open311), tracked by code and secret, handled on per-channel clocks, verified into hazards, closed with an outcome and followed up'`);
    await q.query(`COMMENT ON COLUMN tip.secret_hash IS 'SHA-256 (hex) of the normalized secret (提取码, 80 bits); the secret itself is shown once and never stored'`);
    await q.query(`COMMENT ON COLUMN tip.reporter_name IS 'Sensitive: masked unless reporting.tip:read-reporter; never in a public view'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tip`);
  }
}
