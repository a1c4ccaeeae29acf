import type { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/**
 * The intake part (issue 21): the two-way thread between a tip's reporter (tracking code + secret, no
 * account) and the office. A staff message names its author's account (none when written by the system, e.g. the seed); a reporter's never names anyone.
 */
export class CreateTipMessages1764404105000 implements MigrationInterface {
  name = 'CreateTipMessages1764404105000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tip_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tip_id uuid NOT NULL REFERENCES tip (id),
        author text NOT NULL CHECK (author IN ('REPORTER', 'STAFF')),
        author_user_id uuid REFERENCES app_user (id),
        body text NOT NULL CHECK (length(btrim(body)) > 0 AND char_length(body) <= 2000),
        ${AUDIT_COLUMNS},
        CHECK (author = 'STAFF' OR author_user_id IS NULL)
      )`);
    await q.query(`CREATE INDEX tip_message_thread_idx ON tip_message (tip_id, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tip_message`);
  }
}
