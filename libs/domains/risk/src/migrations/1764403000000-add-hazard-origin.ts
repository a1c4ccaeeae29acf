import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hazards remember the record in another module they came from (e.g. a drill), as a global id: a
 * reference across modules without a foreign key (the other module may be switched off).
 */
export class AddHazardOrigin1764403000000 implements MigrationInterface {
  name = 'AddHazardOrigin1764403000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hazard ADD COLUMN origin_node_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hazard DROP COLUMN origin_node_id`);
  }
}
