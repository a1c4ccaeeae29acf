import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventOutbox1764403400000 implements MigrationInterface {
  name = 'CreateEventOutbox1764403400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_outbox (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        request_id text NOT NULL,
        actor_kind text NOT NULL,
        actor_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    // The relay's queue: the rows no relay has taken yet, oldest first.
    await q.query(`CREATE INDEX event_outbox_undispatched_idx ON event_outbox (id) WHERE dispatched_at IS NULL`);
    // The retention prune.
    await q.query(`CREATE INDEX event_outbox_recorded_idx ON event_outbox (recorded_at)`);
    await q.query(
      `COMMENT ON TABLE event_outbox IS '事件发件箱: every domain event, written in the transaction of the change it announces (none on rollback); relays (webhooks) take undispatched rows with FOR UPDATE SKIP LOCKED; pruned after EVENT_OUTBOX_RETENTION_HOURS'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_outbox`);
  }
}
