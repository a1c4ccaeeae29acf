import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `('MILITIA','MICRO_FIRE_STATION','FULL_TIME_FIRE','ENTERPRISE','VOLUNTEER')`;
const AFTER = `('MILITIA','MICRO_FIRE_STATION','FULL_TIME_FIRE','ENTERPRISE','VOLUNTEER','SOCIAL')`;

/**
 * Social rescue forces (社会应急力量, issue 21, point 二十一): rescue teams and staffing rules of kind
 * SOCIAL, beside the volunteer teams the village or town organizes.
 */
export class AddSocialRescueTeams1764404145000 implements MigrationInterface {
  name = 'AddSocialRescueTeams1764404145000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rescue_team DROP CONSTRAINT rescue_team_kind_check, ADD CONSTRAINT rescue_team_kind_check CHECK (kind IN ${AFTER})`);
    await q.query(`ALTER TABLE staffing_rule DROP CONSTRAINT staffing_rule_team_kind_check, ADD CONSTRAINT staffing_rule_team_kind_check CHECK (team_kind IN ${AFTER})`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Teams of kind SOCIAL become VOLUNTEER teams (the kind that held social forces before).
    await q.query(`UPDATE rescue_team SET kind = 'VOLUNTEER' WHERE kind = 'SOCIAL'`);
    await q.query(`UPDATE staffing_rule SET team_kind = 'VOLUNTEER' WHERE team_kind = 'SOCIAL'`);
    await q.query(`ALTER TABLE rescue_team DROP CONSTRAINT rescue_team_kind_check, ADD CONSTRAINT rescue_team_kind_check CHECK (kind IN ${BEFORE})`);
    await q.query(`ALTER TABLE staffing_rule DROP CONSTRAINT staffing_rule_team_kind_check, ADD CONSTRAINT staffing_rule_team_kind_check CHECK (team_kind IN ${BEFORE})`);
  }
}
