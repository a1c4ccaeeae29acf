import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { ENTERPRISE_STATUS_RULE_SEEDS } from '../business-rules/enterprise-status';

/**
 * The enterprise safety butler (issue 22, point 二十二): no table of its own (the picture is computed
 * from the other modules' records); the first version of its rule `scenarios.enterprise-status`
 * (each reason's level and weight, the drill warning days).
 */
export class EnterpriseStatusRule1764404290000 implements MigrationInterface {
  name = 'EnterpriseStatusRule1764404290000';

  async up(q: QueryRunner): Promise<void> {
    await insertBusinessRuleVersions(q, ENTERPRISE_STATUS_RULE_SEEDS);
  }

  async down(): Promise<void> {
    // The rule's versions stay: versions are never deleted (the table refuses it).
  }
}
