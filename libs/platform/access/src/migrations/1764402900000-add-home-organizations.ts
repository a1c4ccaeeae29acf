import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and API clients belong to a home organization (所属组织): administrators manage them only
 * where their reach covers it (and every role the account holds). Existing rows get the deepest
 * organization that contains all their role anchors, or the root when they hold no role.
 */
export class AddHomeOrganizations1764402900000 implements MigrationInterface {
  name = 'AddHomeOrganizations1764402900000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, kind] of [
      ['app_user', 'user'],
      ['api_client', 'api-client'],
    ] as const) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN organization_id uuid REFERENCES organization (id)`);
      // lca() gives the longest common proper ancestor, hence the extra label: lca('1.2.x', '1.2.3.x') = '1.2'.
      await q.query(
        `UPDATE ${table} p SET organization_id = COALESCE(
           (SELECT o.id FROM organization o WHERE o.path = (
              SELECT lca(array_agg(ao.path || 'x'::text)) FROM role_assignment ra JOIN organization ao ON ao.id = ra.organization_id
              WHERE ra.principal_kind = $1 AND ra.principal_id = p.id)),
           (SELECT o.id FROM organization o WHERE nlevel(o.path) = 1 ORDER BY o.created_at, o.id LIMIT 1))`,
        [kind],
      );
      await q.query(`CREATE INDEX ${table}_organization_idx ON ${table} (organization_id)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['app_user', 'api_client']) await q.query(`ALTER TABLE ${table} DROP COLUMN organization_id`);
  }
}
