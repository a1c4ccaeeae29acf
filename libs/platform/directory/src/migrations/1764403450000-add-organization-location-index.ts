import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A GiST index on the organizations' located point, for the spatial filters (`withinBox`, `near`) and
 * the `/geo/organizations` collection: core PostgreSQL's point_ops on the expression
 * `point(longitude, latitude)` (no PostGIS), which the kernel's spatial conditions are written against
 * (`point(t.longitude, t.latitude) <@ box(…)`).
 */
export class AddOrganizationLocationIndex1764403450000 implements MigrationInterface {
  name = 'AddOrganizationLocationIndex1764403450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX organization_location_idx ON organization USING gist (point(longitude, latitude))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organization_location_idx`);
  }
}
