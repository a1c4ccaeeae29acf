import type { MigrationInterface, QueryRunner } from 'typeorm';

const HAZARDS = `('FOREST_FIRE','FLOOD','DROUGHT','RAINSTORM','METEOROLOGICAL','GEOLOGICAL')`;
const LEVELS = `('BLUE','YELLOW','ORANGE','RED')`;

/**
 * Default response actions per level (分级响应措施) as data: hazard type (null = any), the lowest level
 * it applies at, order, the action, and whether it is an evacuation (which lists the households to move).
 */
const TEMPLATES: ReadonlyArray<[hazard: string | null, minLevel: string, sortOrder: number, action: string, evacuation: boolean]> = [
  [null, 'BLUE', 10, '通知网格员和十户联防组长，逐户传达预警信息', false],
  [null, 'YELLOW', 20, '组织巡查隐患点和危险区域，发现险情立即报告', false],
  [null, 'ORANGE', 30, '村(居)干部进岗到位，实行24小时值守', false],
  [null, 'RED', 40, '启动村级应急预案，抢险救援队伍集结待命', false],
  ['GEOLOGICAL', 'YELLOW', 25, '地质灾害隐患点监测员加密监测，每2小时报告一次', false],
  ['GEOLOGICAL', 'RED', 50, '转移受威胁群众至避难场所', true],
  ['FLOOD', 'YELLOW', 25, '检查山坪塘、河道水位，清理排洪沟渠', false],
  ['FLOOD', 'ORANGE', 35, '低洼地带和临河住户做好转移准备', false],
  ['FLOOD', 'RED', 50, '转移低洼地带和临河受威胁群众至避难场所', true],
  ['RAINSTORM', 'ORANGE', 35, '停止户外作业和集体活动，加密巡查危旧房屋', false],
  ['RAINSTORM', 'RED', 50, '转移危旧房屋和低洼地带群众至避难场所', true],
  ['FOREST_FIRE', 'BLUE', 15, '加强野外用火管控，劝阻上山祭祀用火', false],
  ['FOREST_FIRE', 'ORANGE', 35, '护林员进山巡护，扑火队伍集结待命', false],
  ['FOREST_FIRE', 'RED', 50, '实行封山禁火，停止一切野外用火', false],
  ['DROUGHT', 'YELLOW', 25, '排查人畜饮水困难户，建立台账', false],
  ['DROUGHT', 'ORANGE', 35, '启动应急送水，保障群众基本饮水', false],
  ['METEOROLOGICAL', 'YELLOW', 25, '加固棚架、广告牌等临时设施', false],
  ['METEOROLOGICAL', 'ORANGE', 35, '停止高空和户外作业，转移危险区域人员', false],
];

/**
 * 预警叫应升级与分级响应 (work plan point 十四): escalations of warning deliveries nobody answered in
 * time, response action templates per hazard type and level (with defaults), and each delivery's
 * response actions copied from them.
 */
export class CreateWarningEscalations1764402550000 implements MigrationInterface {
  name = 'CreateWarningEscalations1764402550000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE warning_escalation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES warning_delivery (id) ON DELETE CASCADE,
        warning_id uuid NOT NULL REFERENCES warning (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id),
        step int NOT NULL CHECK (step BETWEEN 1 AND 5),
        escalated_at timestamptz NOT NULL,
        from_person_id uuid REFERENCES person (id),
        to_person_id uuid REFERENCES person (id),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (delivery_id, step)
      )`);
    await q.query(`CREATE INDEX warning_escalation_organization_idx ON warning_escalation (organization_id)`);
    await q.query(`CREATE INDEX warning_escalation_at_idx ON warning_escalation (escalated_at, id)`);
    await q.query(`COMMENT ON TABLE warning_escalation IS '预警叫应升级: one step up the chain of a delivery nobody acknowledged in time (step 1 the town duty leader, step 2 the emergency office head, then the town lead)'`);

    await q.query(`
      CREATE TABLE warning_response_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hazard_type text CHECK (hazard_type IN ${HAZARDS}),
        min_level text NOT NULL CHECK (min_level IN ${LEVELS}),
        sort_order int NOT NULL CHECK (sort_order BETWEEN 0 AND 999),
        action text NOT NULL CHECK (length(btrim(action)) BETWEEN 2 AND 200),
        evacuation boolean NOT NULL DEFAULT false,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX warning_response_template_order_idx ON warning_response_template (sort_order, id)`);
    await q.query(`CREATE UNIQUE INDEX warning_response_template_action_uq ON warning_response_template (coalesce(hazard_type, ''), action) WHERE archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE warning_response_template IS '分级响应措施模板: what a village must do for a warning of a hazard type (null = any) at min_level and above'`);
    await q.query(
      `INSERT INTO warning_response_template (hazard_type, min_level, sort_order, action, evacuation)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::boolean[])`,
      [TEMPLATES.map((t) => t[0]), TEMPLATES.map((t) => t[1]), TEMPLATES.map((t) => t[2]), TEMPLATES.map((t) => t[3]), TEMPLATES.map((t) => t[4])],
    );

    await q.query(`
      CREATE TABLE warning_response_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES warning_delivery (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id),
        template_id uuid NOT NULL REFERENCES warning_response_template (id),
        sort_order int NOT NULL,
        action text NOT NULL,
        evacuation boolean NOT NULL DEFAULT false,
        completed_at timestamptz,
        completed_by_person_id uuid REFERENCES person (id),
        completed_by_user_id uuid,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (delivery_id, template_id),
        CHECK (completed_at IS NOT NULL OR (completed_by_person_id IS NULL AND completed_by_user_id IS NULL AND note IS NULL))
      )`);
    await q.query(`CREATE INDEX warning_response_action_organization_idx ON warning_response_action (organization_id)`);
    await q.query(`CREATE INDEX warning_response_action_delivery_idx ON warning_response_action (delivery_id, sort_order, id)`);
    await q.query(`COMMENT ON TABLE warning_response_action IS '响应措施: a delivery''s actions, copied from the templates of its warning''s hazard type and level when first seen'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE warning_response_action`);
    await q.query(`DROP TABLE warning_response_template`);
    await q.query(`DROP TABLE warning_escalation`);
  }
}
