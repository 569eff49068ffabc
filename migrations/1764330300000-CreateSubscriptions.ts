import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Subscriptions (Nachnutzung) of organisations to services (issue 5). */
export class CreateSubscriptions1764330300000 implements MigrationInterface {
  name = 'CreateSubscriptions1764330300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_subscription (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        service_id uuid NOT NULL,
        version_range text NOT NULL,
        state text NOT NULL,
        agreement_reference text,
        deployed_version text,
        deployed_at timestamptz,
        state_reason text,
        requested_at timestamptz NOT NULL,
        decided_at timestamptz,
        CONSTRAINT service_subscription_pkey PRIMARY KEY (id),
        CONSTRAINT service_subscription_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE RESTRICT,
        CONSTRAINT service_subscription_service_id_fkey FOREIGN KEY (service_id) REFERENCES online_service (id) ON DELETE RESTRICT
      )`);
    // The lists page newest first by (requested_at, id) within a service or an organisation.
    await q.query(
      `CREATE INDEX service_subscription_service_id_idx ON service_subscription (service_id, requested_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX service_subscription_organisation_id_idx ON service_subscription (organisation_id, requested_at DESC, id DESC)`,
    );
    // Counting a service's ACTIVE subscribers and their deployed versions (fleet, campaigns) from the index alone.
    await q.query(
      `CREATE INDEX service_subscription_active_idx ON service_subscription (service_id, deployed_version) WHERE state = 'ACTIVE'`,
    );
    // At most one binding subscription per organisation and service: two racing requests cannot both win.
    await q.query(`
      CREATE UNIQUE INDEX service_subscription_open_key ON service_subscription (organisation_id, service_id)
        WHERE state IN ('REQUESTED', 'ACTIVE', 'SUSPENDED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_subscription');
  }
}
