import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (issue 17): the outbox of events written in the transaction of the change that
 * causes them, one notification per event and recipient organisation, who read which, the
 * organisations' channels (webhook endpoints, e-mail recipients) and the queue of deliveries.
 */
export class CreateNotifications1764331000000 implements MigrationInterface {
  name = 'CreateNotifications1764331000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_event (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor jsonb NOT NULL,
        subject jsonb NOT NULL,
        dedupe_key text,
        distributed_at timestamptz,
        recipients integer,
        CONSTRAINT notification_event_pkey PRIMARY KEY (id),
        CONSTRAINT notification_event_dedupe_key_key UNIQUE (dedupe_key)
      )`);
    await q.query(
      `CREATE INDEX notification_event_pending_idx ON notification_event (occurred_at, id) WHERE distributed_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE notification (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        kind text NOT NULL,
        gate_kind text,
        title text NOT NULL,
        link text NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT notification_pkey PRIMARY KEY (id),
        CONSTRAINT notification_event_id_organisation_id_key UNIQUE (event_id, organisation_id),
        CONSTRAINT notification_event_id_fkey FOREIGN KEY (event_id) REFERENCES notification_event (id),
        CONSTRAINT notification_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id)
      )`);
    await q.query(
      `CREATE INDEX notification_organisation_idx ON notification (organisation_id, occurred_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE notification_read (
        reader text NOT NULL,
        notification_id uuid NOT NULL,
        read_at timestamptz NOT NULL,
        CONSTRAINT notification_read_pkey PRIMARY KEY (reader, notification_id),
        CONSTRAINT notification_read_notification_id_fkey FOREIGN KEY (notification_id) REFERENCES notification (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE notification_channel (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        type text NOT NULL,
        kinds text[] NOT NULL,
        gate_kinds text[] NOT NULL DEFAULT '{}',
        mode text NOT NULL,
        url text,
        secret text,
        previous_secret text,
        previous_secret_until timestamptz,
        email text,
        unsubscribe_token text,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        disabled_at timestamptz,
        failure_streak integer NOT NULL DEFAULT 0,
        created_by jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT notification_channel_pkey PRIMARY KEY (id),
        CONSTRAINT notification_channel_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT notification_channel_unsubscribe_token_key UNIQUE (unsubscribe_token),
        CONSTRAINT notification_channel_type_check CHECK (type IN ('WEBHOOK', 'EMAIL')),
        CONSTRAINT notification_channel_mode_check CHECK (mode IN ('IMMEDIATE', 'DAILY_DIGEST')),
        CONSTRAINT notification_channel_webhook_check CHECK ((type = 'WEBHOOK') = (url IS NOT NULL AND secret IS NOT NULL)),
        CONSTRAINT notification_channel_email_check CHECK ((type = 'EMAIL') = (email IS NOT NULL AND unsubscribe_token IS NOT NULL)),
        CONSTRAINT notification_channel_webhook_immediate_check CHECK (type = 'EMAIL' OR mode = 'IMMEDIATE')
      )`);
    await q.query(`CREATE INDEX notification_channel_organisation_idx ON notification_channel (organisation_id)`);
    await q.query(`
      CREATE TABLE notification_delivery (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        channel_id uuid NOT NULL,
        notification_id uuid,
        digest_day date,
        state text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_attempt_at timestamptz,
        response_status integer,
        detail text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT notification_delivery_pkey PRIMARY KEY (id),
        CONSTRAINT notification_delivery_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES notification_channel (id) ON DELETE CASCADE,
        CONSTRAINT notification_delivery_notification_id_fkey FOREIGN KEY (notification_id) REFERENCES notification (id),
        CONSTRAINT notification_delivery_state_check CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
        CONSTRAINT notification_delivery_item_check CHECK ((notification_id IS NULL) <> (digest_day IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX notification_delivery_single_key ON notification_delivery (channel_id, notification_id) WHERE notification_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX notification_delivery_digest_key ON notification_delivery (channel_id, digest_day) WHERE digest_day IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at) WHERE state = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX notification_delivery_channel_idx ON notification_delivery (channel_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX notification_delivery_notification_idx ON notification_delivery (notification_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_delivery`);
    await q.query(`DROP TABLE notification_channel`);
    await q.query(`DROP TABLE notification_read`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE notification_event`);
  }
}
