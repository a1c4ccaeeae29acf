import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { TERMINAL_READINESS_RULE_SEEDS } from '../business-rules/terminals';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/**
 * Emergency communication terminals (issue 22, points 二十三/二十四, 工信部联信管〔2024〕256号 基层保底通信):
 * the fallback terminals of villages and communities with their test history, the 三断 drills, and the
 * rule `scenarios.terminal-readiness` (a terminal is ready when its last test was OK within N days).
 */
export class CreateTerminals1764404260000 implements MigrationInterface {
  name = 'CreateTerminals1764404260000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE communication_terminal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL CHECK (kind IN ('SATELLITE_PHONE', 'BEIDOU_SHORT_MESSAGE', 'RADIO_370MHZ', 'AD_HOC_NETWORK')),
        identifier text NOT NULL CHECK (length(btrim(identifier)) > 0) UNIQUE,
        model text,
        holder_person_id uuid REFERENCES person (id),
        status text NOT NULL DEFAULT 'IN_SERVICE' CHECK (status IN ('IN_SERVICE', 'UNDER_REPAIR', 'RETIRED')),
        note text,
        last_tested_at timestamptz,
        last_test_result text CHECK (last_test_result IN ('OK', 'FAILED')),
        ${AUDIT_COLUMNS},
        CHECK ((last_tested_at IS NULL) = (last_test_result IS NULL))
      )`);
    await q.query(`CREATE INDEX communication_terminal_organization_idx ON communication_terminal (organization_id, identifier, id)`);
    await q.query(`CREATE INDEX communication_terminal_identifier_idx ON communication_terminal (identifier, id)`);
    await q.query(`CREATE INDEX communication_terminal_last_tested_idx ON communication_terminal (last_tested_at, id)`);
    await q.query(`CREATE INDEX communication_terminal_holder_idx ON communication_terminal (holder_person_id) WHERE holder_person_id IS NOT NULL`);
    await q.query(`CREATE INDEX communication_terminal_created_idx ON communication_terminal (created_at, id)`);
    await q.query(`CREATE INDEX communication_terminal_updated_idx ON communication_terminal (updated_at, id)`);
    await q.query(`COMMENT ON TABLE communication_terminal IS '应急通信保底终端: satellite phones, 北斗 short-message terminals, 370 MHz radios and ad-hoc network kits of villages; readiness is computed from the last test and scenarios.terminal-readiness'`);

    await q.query(`
      CREATE TABLE communication_terminal_test (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        terminal_id uuid NOT NULL REFERENCES communication_terminal (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        tested_at timestamptz NOT NULL,
        tester_person_id uuid REFERENCES person (id),
        recorded_by uuid,
        result text NOT NULL CHECK (result IN ('OK', 'FAILED')),
        note text,
        ${AUDIT_COLUMNS},
        CHECK (result = 'OK' OR length(btrim(coalesce(note, ''))) > 0)
      )`);
    await q.query(`CREATE INDEX communication_terminal_test_terminal_idx ON communication_terminal_test (terminal_id, tested_at, id)`);
    await q.query(`CREATE INDEX communication_terminal_test_organization_idx ON communication_terminal_test (organization_id, tested_at, id)`);
    await q.query(`CREATE INDEX communication_terminal_test_tester_idx ON communication_terminal_test (tester_person_id) WHERE tester_person_id IS NOT NULL`);
    await q.query(`COMMENT ON TABLE communication_terminal_test IS '终端测试记录: the history of tests of a terminal (when, by whom, OK or FAILED with a note); the latest updates the terminal'`);

    await q.query(`
      CREATE TABLE blackout_drill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        held_on date NOT NULL,
        scenario text NOT NULL CHECK (length(btrim(scenario)) > 0),
        power_cut boolean NOT NULL,
        network_cut boolean NOT NULL,
        road_cut boolean NOT NULL,
        terminal_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(terminal_ids) <= 50),
        result text NOT NULL CHECK (result IN ('PASSED', 'PARTIAL', 'FAILED')),
        problems text,
        hazard_id uuid,
        ${AUDIT_COLUMNS},
        CHECK (power_cut OR network_cut OR road_cut),
        CHECK (result = 'PASSED' OR length(btrim(coalesce(problems, ''))) > 0),
        CHECK (hazard_id IS NULL OR problems IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX blackout_drill_organization_idx ON blackout_drill (organization_id, held_on, id)`);
    await q.query(`CREATE INDEX blackout_drill_held_idx ON blackout_drill (held_on, id)`);
    await q.query(`CREATE INDEX blackout_drill_terminals_idx ON blackout_drill USING gin (terminal_ids)`);
    await q.query(`COMMENT ON TABLE blackout_drill IS '"三断"演练: drills of a village under power, network and road cuts, with the terminals used, the result and the problems found (optionally raised as a DRILL hazard)'`);
    await insertBusinessRuleVersions(q, TERMINAL_READINESS_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE blackout_drill`);
    await q.query(`DROP TABLE communication_terminal_test`);
    await q.query(`DROP TABLE communication_terminal`);
    // The rule's versions stay: versions are never deleted (the table refuses it).
  }
}
