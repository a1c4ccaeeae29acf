import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 专家进企业 and 专项整治: expert visits with the hazards they raised; campaigns with targets and linked hazards. */
export class CreateVisitsAndCampaigns1764401100000 implements MigrationInterface {
  name = 'CreateVisitsAndCampaigns1764401100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE expert_visit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        expert_name text NOT NULL CHECK (length(btrim(expert_name)) > 0),
        expert_person_id uuid REFERENCES person (id),
        visited_on date NOT NULL,
        findings text NOT NULL CHECK (length(btrim(findings)) > 0),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX expert_visit_organization_idx ON expert_visit (organization_id, visited_on)`);
    await q.query(`COMMENT ON TABLE expert_visit IS '专家进企业: expert guidance visits to enterprises; the hazards raised are linked in expert_visit_hazard'`);
    await q.query(`
      CREATE TABLE expert_visit_hazard (
        visit_id uuid NOT NULL REFERENCES expert_visit (id),
        hazard_id uuid NOT NULL REFERENCES hazard (id),
        PRIMARY KEY (visit_id, hazard_id)
      )`);
    await q.query(`CREATE INDEX expert_visit_hazard_hazard_idx ON expert_visit_hazard (hazard_id)`);
    await q.query(`
      CREATE TABLE campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        sector_code text REFERENCES industry_sector (code),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        description text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX campaign_period_idx ON campaign (starts_on, ends_on)`);
    await q.query(`COMMENT ON TABLE campaign IS '专项整治: special rectification campaigns; targets in campaign_target, followed hazards in campaign_hazard'`);
    await q.query(`
      CREATE TABLE campaign_target (
        campaign_id uuid NOT NULL REFERENCES campaign (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (campaign_id, organization_id)
      )`);
    await q.query(`CREATE INDEX campaign_target_organization_idx ON campaign_target (organization_id)`);
    await q.query(`
      CREATE TABLE campaign_hazard (
        campaign_id uuid NOT NULL REFERENCES campaign (id),
        hazard_id uuid NOT NULL REFERENCES hazard (id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (campaign_id, hazard_id)
      )`);
    await q.query(`CREATE INDEX campaign_hazard_hazard_idx ON campaign_hazard (hazard_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE campaign_hazard`);
    await q.query(`DROP TABLE campaign_target`);
    await q.query(`DROP TABLE campaign`);
    await q.query(`DROP TABLE expert_visit_hazard`);
    await q.query(`DROP TABLE expert_visit`);
  }
}
