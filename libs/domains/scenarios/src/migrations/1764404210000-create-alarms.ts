import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { ALARM_RULE_SEEDS } from '../business-rules/alarms';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;
const LEVELS = `('BLUE', 'YELLOW', 'ORANGE', 'RED')`;

/**
 * Alarms (issue 22, point 二十三): alarm rules over datastreams (thresholds, rolling-window sums, rates
 * of change, several sensors together, with hysteresis and minimum duration), maintenance windows
 * of things that suppress alarms, and the alarms with their life cycle, conversion and escalation;
 * the rule `scenarios.alarm-handling`.
 */
export class CreateAlarms1764404210000 implements MigrationInterface {
  name = 'CreateAlarms1764404210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE alarm_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid REFERENCES organization (id),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*$' AND length(code) <= 60),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 100),
        observed_property text NOT NULL CHECK (observed_property ~ '^[a-z][a-z_]{1,39}$'),
        datastream_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(datastream_ids) <= 20),
        kind text NOT NULL CHECK (kind IN ('THRESHOLD', 'WINDOW_SUM', 'RATE_OF_CHANGE', 'COMBINED')),
        window_hours int CHECK (window_hours IN (1, 3, 6, 12, 24)),
        comparison text NOT NULL CHECK (comparison IN ('AT_LEAST', 'AT_MOST')),
        trigger_value double precision NOT NULL,
        clear_value double precision NOT NULL,
        minimum_duration_minutes int NOT NULL DEFAULT 0 CHECK (minimum_duration_minutes BETWEEN 0 AND 1440),
        min_datastreams int CHECK (min_datastreams BETWEEN 2 AND 20),
        level text NOT NULL CHECK (level IN ${LEVELS}),
        conversion_target text NOT NULL CHECK (conversion_target IN ('HAZARD', 'WARNING')),
        hazard_category text NOT NULL,
        warning_hazard_type text,
        active boolean NOT NULL DEFAULT true,
        basis text,
        ${AUDIT_COLUMNS},
        CHECK ((kind IN ('WINDOW_SUM', 'RATE_OF_CHANGE')) = (window_hours IS NOT NULL)),
        CHECK ((kind = 'COMBINED') = (min_datastreams IS NOT NULL)),
        CHECK (kind <> 'COMBINED' OR cardinality(datastream_ids) >= min_datastreams),
        CHECK (CASE comparison WHEN 'AT_LEAST' THEN clear_value <= trigger_value ELSE clear_value >= trigger_value END),
        CHECK ((conversion_target = 'WARNING') = (warning_hazard_type IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX alarm_rule_property_idx ON alarm_rule (observed_property, id) WHERE active`);
    await q.query(`CREATE INDEX alarm_rule_organization_idx ON alarm_rule (organization_id, code, id)`);
    await q.query(`CREATE INDEX alarm_rule_created_idx ON alarm_rule (created_at, id)`);
    await q.query(`CREATE INDEX alarm_rule_updated_idx ON alarm_rule (updated_at, id)`);
    await q.query(`COMMENT ON TABLE alarm_rule IS '报警规则: thresholds, rolling-window sums over (t - N h, t], rates of change and combined rules over datastreams, with hysteresis (clear value) and minimum duration'`);

    await q.query(`
      CREATE TABLE sensor_maintenance_window (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thing_id uuid NOT NULL REFERENCES sensor_thing (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 2 AND 500),
        ${AUDIT_COLUMNS},
        CHECK (ends_at > starts_at),
        CHECK (ends_at - starts_at <= interval '31 days')
      )`);
    await q.query(`CREATE INDEX sensor_maintenance_window_thing_idx ON sensor_maintenance_window (thing_id, starts_at, id)`);
    await q.query(`CREATE INDEX sensor_maintenance_window_starts_idx ON sensor_maintenance_window (starts_at, id)`);
    await q.query(`CREATE INDEX sensor_maintenance_window_organization_idx ON sensor_maintenance_window (organization_id, starts_at, id)`);
    await q.query(`COMMENT ON TABLE sensor_maintenance_window IS '设备维护时段: readings of the thing in [starts_at, ends_at) raise no alarm; staleness is not judged inside'`);

    await q.query(`
      CREATE TABLE alarm (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid REFERENCES alarm_rule (id),
        kind text NOT NULL CHECK (kind IN ('RULE', 'STALE')),
        datastream_id uuid NOT NULL REFERENCES sensor_datastream (id),
        thing_id uuid NOT NULL REFERENCES sensor_thing (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        level text NOT NULL CHECK (level IN ${LEVELS}),
        status text NOT NULL DEFAULT 'TRIGGERED' CHECK (status IN ('TRIGGERED', 'ACKNOWLEDGED', 'CONVERTED', 'CLEARED')),
        condition_since timestamptz NOT NULL,
        triggered_at timestamptz NOT NULL,
        value double precision,
        peak_value double precision,
        condition_ended_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        acknowledgement_note text,
        converted_to text CHECK (converted_to IN ('HAZARD', 'WARNING')),
        converted_at timestamptz,
        hazard_id uuid,
        warning_id uuid,
        warning_draft jsonb,
        cleared_at timestamptz,
        clearance text CHECK (clearance IN ('CONDITION_ENDED', 'DATA_RESUMED', 'BY_HAND')),
        clear_reason text,
        escalation_step int NOT NULL DEFAULT 0 CHECK (escalation_step BETWEEN 0 AND 5),
        escalated_at timestamptz,
        escalated_to_person_id uuid,
        ${AUDIT_COLUMNS},
        CHECK ((kind = 'RULE') = (rule_id IS NOT NULL)),
        CHECK (triggered_at >= condition_since),
        CHECK (condition_ended_at IS NULL OR condition_ended_at > triggered_at),
        CHECK ((status = 'CLEARED') = (cleared_at IS NOT NULL AND clearance IS NOT NULL)),
        CHECK ((clearance = 'BY_HAND') = (clear_reason IS NOT NULL)),
        CHECK ((converted_to IS NULL) = (converted_at IS NULL)),
        CHECK (status <> 'CONVERTED' OR converted_to IS NOT NULL),
        CHECK (converted_to IS DISTINCT FROM 'HAZARD' OR hazard_id IS NOT NULL),
        CHECK (converted_to IS DISTINCT FROM 'WARNING' OR warning_draft IS NOT NULL),
        CHECK (status <> 'ACKNOWLEDGED' OR acknowledged_at IS NOT NULL)
      )`);
    // One open alarm per rule and datastream, one open STALE alarm per datastream; a run of the condition raises one alarm whatever the re-evaluations.
    await q.query(`CREATE UNIQUE INDEX alarm_open_rule_idx ON alarm (rule_id, datastream_id) WHERE status <> 'CLEARED' AND kind = 'RULE'`);
    await q.query(`CREATE UNIQUE INDEX alarm_open_stale_idx ON alarm (datastream_id) WHERE status <> 'CLEARED' AND kind = 'STALE'`);
    await q.query(`CREATE UNIQUE INDEX alarm_run_idx ON alarm (coalesce(rule_id, '00000000-0000-0000-0000-000000000000'::uuid), datastream_id, condition_since)`);
    await q.query(`CREATE INDEX alarm_triggered_idx ON alarm (triggered_at, id)`);
    await q.query(`CREATE INDEX alarm_organization_idx ON alarm (organization_id, triggered_at, id)`);
    await q.query(`CREATE INDEX alarm_datastream_idx ON alarm (datastream_id, triggered_at, id)`);
    await q.query(`CREATE INDEX alarm_thing_idx ON alarm (thing_id, triggered_at, id)`);
    await q.query(`CREATE INDEX alarm_rule_idx ON alarm (rule_id, triggered_at, id)`);
    await q.query(`CREATE INDEX alarm_unacknowledged_idx ON alarm (triggered_at, id) WHERE status = 'TRIGGERED'`);
    await q.query(`CREATE INDEX alarm_created_idx ON alarm (created_at, id)`);
    await q.query(`CREATE INDEX alarm_updated_idx ON alarm (updated_at, id)`);
    await q.query(`COMMENT ON TABLE alarm IS '报警: alarms of rules (RULE) and of data health (STALE), TRIGGERED -> ACKNOWLEDGED -> CONVERTED -> CLEARED'`);
    await insertBusinessRuleVersions(q, ALARM_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE alarm`);
    await q.query(`DROP TABLE sensor_maintenance_window`);
    await q.query(`DROP TABLE alarm_rule`);
    // The rule's versions stay: versions are never deleted (the table refuses it).
  }
}
