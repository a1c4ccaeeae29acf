import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { CAPACITY_RULE_SEEDS } from '../business-rules/capacity';

/** 村级应急能力 (work-plan point 四): each village's commitment, and the first version of the capacity rule. */
export class CreateVillageCapacity1764403850000 implements MigrationInterface {
  name = 'CreateVillageCapacity1764403850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE village_emergency_commitment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        arrival_minutes int NOT NULL CHECK (arrival_minutes BETWEEN 1 AND 240),
        assembly_point text,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX village_emergency_commitment_organization_idx ON village_emergency_commitment (organization_id)`);
    await q.query(`COMMENT ON TABLE village_emergency_commitment IS '村级应急承诺: a village''s committed arrival minutes and assembly point (its other capacity figures are read live from the rescue libraries)'`);
    await insertBusinessRuleVersions(q, CAPACITY_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE village_emergency_commitment`);
  }
}
