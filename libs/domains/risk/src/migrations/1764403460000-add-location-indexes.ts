import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The risk module's located tables. */
const TABLES = ['hazard', 'risk_point', 'shelter', 'fire_facility'];

/**
 * A GiST index on the located point of each of the module's located tables, for the spatial filters
 * (`withinBox`, `near`) and the `/geo/…` collections: core PostgreSQL's point_ops on the expression
 * `point(longitude, latitude)` (no PostGIS), which the kernel's spatial conditions are written against
 * (`point(t.longitude, t.latitude) <@ box(…)`).
 */
export class AddRiskLocationIndexes1764403460000 implements MigrationInterface {
  name = 'AddRiskLocationIndexes1764403460000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`CREATE INDEX ${table}_location_idx ON ${table} USING gist (point(longitude, latitude))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP INDEX ${table}_location_idx`);
  }
}
