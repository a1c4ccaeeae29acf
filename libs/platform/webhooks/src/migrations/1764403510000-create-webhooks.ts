import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1764403510000 implements MigrationInterface {
  name = 'CreateWebhooks1764403510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        api_client_id uuid NOT NULL REFERENCES api_client (id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) <= 2000),
        event_types text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 200),
        within_subtree_of uuid REFERENCES organization (id),
        description text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX webhook_subscription_client_idx ON webhook_subscription (api_client_id, created_at DESC, id DESC)`);
    // The relay: active subscriptions to any of a batch's event types.
    await q.query(`CREATE INDEX webhook_subscription_types_idx ON webhook_subscription USING gin (event_types) WHERE status = 'ACTIVE'`);
    await q.query(`COMMENT ON TABLE webhook_subscription IS '事件推送订阅: an API client''s subscription to event types, delivered to its URL signed with its secret (Standard Webhooks)'`);

    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
        event_id bigint,
        event_type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        subject_node_id text,
        status text NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'HELD', 'DELIVERED', 'DEAD')),
        attempt_count int NOT NULL DEFAULT 0,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        last_status_code int,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        -- Once per subscription and event, whichever replica relays it (test messages have no event).
        CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id)
      )`);
    await q.query(`CREATE INDEX webhook_delivery_list_idx ON webhook_delivery (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_delivery_status_idx ON webhook_delivery (status, created_at DESC, id DESC)`);
    await q.query(`COMMENT ON TABLE webhook_delivery IS '事件推送投递: one event for one subscription (its id is the webhook-id), with its state; kept WEBHOOK_LOG_RETENTION_DAYS'`);

    await q.query(`
      CREATE TABLE webhook_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
        attempt int NOT NULL CHECK (attempt > 0),
        started_at timestamptz NOT NULL,
        duration_ms int,
        status_code int,
        error text,
        error_message text,
        response_body text,
        UNIQUE (delivery_id, attempt)
      )`);
    await q.query(`COMMENT ON TABLE webhook_attempt IS '投递尝试: every attempt of a delivery: time, duration, HTTP status or failure class, the start of the answer'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_attempt`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_subscription`);
  }
}
