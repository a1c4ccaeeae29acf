import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that match the hazard read paths' keyset orders, so a page is an index range scan that
 * stops after `first + 1` rows: hazards newest found first (all, and per organization), and a
 * hazard's steps oldest first.
 */
export class AddHazardReadIndexes1764401600000 implements MigrationInterface {
  name = 'AddHazardReadIndexes1764401600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX hazard_found_idx ON hazard (found_at DESC, id DESC)`);
    await q.query(`CREATE INDEX hazard_organization_found_idx ON hazard (organization_id, found_at DESC, id DESC)`);
    await q.query(`DROP INDEX hazard_organization_idx`);
    await q.query(`CREATE INDEX hazard_event_hazard_at_idx ON hazard_event (hazard_id, at, id)`);
    await q.query(`DROP INDEX hazard_event_hazard_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX hazard_event_hazard_idx ON hazard_event (hazard_id, at)`);
    await q.query(`DROP INDEX hazard_event_hazard_at_idx`);
    await q.query(`CREATE INDEX hazard_organization_idx ON hazard (organization_id)`);
    await q.query(`DROP INDEX hazard_organization_found_idx`);
    await q.query(`DROP INDEX hazard_found_idx`);
  }
}
