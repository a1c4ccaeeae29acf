import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { TIP_SLA_RULE_SEEDS } from '../business-rules/tips';

/**
 * 举报办理 (issue 21): the actions on a tip beside its workflow (催办、督办、退单、延期、回访、重新办理、合并)
 * and the seeded version of the clock rule reporting.tip-sla (信访工作条例 2022 for letters and visits,
 * a local 12345 rule, an example local rule for the other channels).
 */
export class CreateTipHandling1764404110000 implements MigrationInterface {
  name = 'CreateTipHandling1764404110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tip_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tip_id uuid NOT NULL REFERENCES tip (id),
        kind text NOT NULL CHECK (kind IN ('URGE', 'SUPERVISE', 'SEND_BACK', 'EXTEND', 'FOLLOW_UP', 'REOPEN', 'MERGE', 'NOTE')),
        note text CHECK (length(btrim(note)) BETWEEN 1 AND 2000),
        days int CHECK (days BETWEEN 1 AND 366),
        result text CHECK (result IN ('SATISFIED', 'NOT_FIXED', 'NO_ANSWER')),
        related_tip_id uuid REFERENCES tip (id),
        actor_kind text NOT NULL CHECK (actor_kind IN ('anonymous', 'user', 'api-client', 'system')),
        actor_id uuid,
        at timestamptz NOT NULL,
        -- clock_timestamp(): two actions of one transaction (a follow-up and the reopen it causes) keep their order.
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((kind = 'EXTEND') = (days IS NOT NULL)),
        CHECK ((kind = 'FOLLOW_UP') = (result IS NOT NULL)),
        CHECK ((kind = 'MERGE') = (related_tip_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX tip_action_tip_at_idx ON tip_action (tip_id, at, created_at, id)`);
    await q.query(`CREATE INDEX tip_action_kind_at_idx ON tip_action (kind, at)`);
    await q.query(`CREATE INDEX tip_action_updated_idx ON tip_action (updated_at, id)`);
    await q.query(`COMMENT ON TABLE tip_action IS '举报办理动作: 催办、督办、退单、延期、回访、重新办理、合并 on a tip, beside its workflow, with who and when'`);
    await insertBusinessRuleVersions(q, TIP_SLA_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM business_rule_version WHERE rule_code = 'reporting.tip-sla'`);
    await q.query(`DROP TABLE tip_action`);
  }
}
