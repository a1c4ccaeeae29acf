import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEAD_LETTER_QUEUE, DELIVERY_QUEUE, JOB_SCHEMA } from '../queue/queues';

/**
 * pg-boss's own schema (`pgboss`: its version, queues, jobs partitioned per queue, archive) and the
 * webhooks' two queues, created here, as the owner that runs the migrations, so the gateways never
 * need DDL: they start pg-boss with `migrate: false` (it only checks the schema's version) and never
 * create queues (creating one creates a partition table). pg-boss's plans are its own SQL, run as it
 * runs them (`BEGIN … COMMIT` under its advisory lock), hence outside TypeORM's transaction. A later
 * pg-boss whose schema version differs needs a migration running `PgBoss.getMigrationPlans` (the
 * gateways refuse to start until it ran: "pg-boss database requires migrations").
 */
export class CreateJobQueue1764403500000 implements MigrationInterface {
  name = 'CreateJobQueue1764403500000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    const [{ installed }] = (await q.query(`SELECT to_regclass('${JOB_SCHEMA}.version') IS NOT NULL AS installed`)) as Array<{ installed: boolean }>;
    if (!installed) await q.query(PgBoss.getConstructionPlans(JOB_SCHEMA));
    // The dead-letter queue first: the delivery queue's jobs name it (a foreign key).
    await q.query(`SELECT ${JOB_SCHEMA}.create_queue($1, $2::json)`, [DEAD_LETTER_QUEUE, JSON.stringify({ policy: 'standard' })]);
    // `short`: at most one queued (not yet started) job per delivery (its singletonKey); attempts and backoff are set per job.
    await q.query(`SELECT ${JOB_SCHEMA}.create_queue($1, $2::json)`, [DELIVERY_QUEUE, JSON.stringify({ policy: 'short', deadLetter: DEAD_LETTER_QUEUE })]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA ${JOB_SCHEMA} CASCADE`);
  }
}
