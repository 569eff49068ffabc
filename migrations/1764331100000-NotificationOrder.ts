import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order of events and notifications: a transaction's events share its one timestamp (three
 * gates opened by one submission), so timestamps alone leave their order to chance. A sequence
 * number keeps the order in which they were written, for the outbox, the console's list and the
 * digest.
 */
export class NotificationOrder1764331100000 implements MigrationInterface {
  name = 'NotificationOrder1764331100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_event ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
    await q.query(`ALTER TABLE notification ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
    await q.query(`DROP INDEX notification_event_pending_idx`);
    await q.query(
      `CREATE INDEX notification_event_pending_idx ON notification_event (seq) WHERE distributed_at IS NULL`,
    );
    await q.query(`DROP INDEX notification_organisation_idx`);
    await q.query(
      `CREATE INDEX notification_organisation_idx ON notification (organisation_id, occurred_at DESC, seq DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_organisation_idx`);
    await q.query(`DROP INDEX notification_event_pending_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN seq`);
    await q.query(`ALTER TABLE notification_event DROP COLUMN seq`);
    await q.query(
      `CREATE INDEX notification_event_pending_idx ON notification_event (occurred_at, id) WHERE distributed_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX notification_organisation_idx ON notification (organisation_id, occurred_at DESC, id DESC)`,
    );
  }
}
