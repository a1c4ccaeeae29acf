import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccess1764400300000 implements MigrationInterface {
  name = 'CreateAccess1764400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        person_id uuid REFERENCES person (id),
        status text NOT NULL CHECK (status IN ('ACTIVE','DISABLED')),
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username))`);

    await q.query(`
      CREATE TABLE api_client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        key_prefix text NOT NULL,
        key_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE','DISABLED')),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX api_client_key_prefix_uq ON api_client (key_prefix)`);

    await q.query(`
      CREATE TABLE role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name_zh text NOT NULL,
        description text NOT NULL,
        is_system boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX role_code_uq ON role (code)`);

    await q.query(`
      CREATE TABLE role_permission (
        role_id uuid NOT NULL REFERENCES role (id) ON DELETE CASCADE,
        permission text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('ALL','ORG_SUBTREE','OWN_ORG')),
        PRIMARY KEY (role_id, permission)
      )`);

    await q.query(`
      CREATE TABLE role_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        principal_kind text NOT NULL CHECK (principal_kind IN ('user','api-client')),
        principal_id uuid NOT NULL,
        role_id uuid NOT NULL REFERENCES role (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX role_assignment_uq ON role_assignment (principal_kind, principal_id, role_id, organization_id)`);
    await q.query(`CREATE INDEX role_assignment_role_idx ON role_assignment (role_id)`);

    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX refresh_token_hash_uq ON refresh_token (token_hash)`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['refresh_token', 'role_assignment', 'role_permission', 'role', 'api_client', 'app_user']) await q.query(`DROP TABLE ${t}`);
  }
}
