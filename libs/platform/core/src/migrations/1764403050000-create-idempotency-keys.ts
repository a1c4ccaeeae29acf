import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdempotencyKeys1764403050000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764403050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        principal text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'committed', 'done')),
        token uuid NOT NULL,
        status int,
        response text,
        created_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (principal, key),
        CHECK ((state = 'done') = (response IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at)`);
    await q.query(
      `COMMENT ON TABLE idempotency_key IS '幂等键: the Idempotency-Key of each mutation request per principal, with the first response (replayed to retries) until it expires'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
