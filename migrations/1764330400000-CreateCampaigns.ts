import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Legal-change campaigns, their targets and fulfilling releases (issue 6). */
export class CreateCampaigns1764330400000 implements MigrationInterface {
  name = 'CreateCampaigns1764330400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE campaign (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL,
        description text,
        norm_id uuid NOT NULL,
        provisions text[] NOT NULL,
        amendment text,
        effective_date date NOT NULL,
        state text NOT NULL,
        closed_at timestamptz,
        cancellation_reason text,
        created_by jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT campaign_pkey PRIMARY KEY (id),
        CONSTRAINT campaign_norm_id_fkey FOREIGN KEY (norm_id) REFERENCES legal_norm (id) ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE campaign_target (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL,
        service_id uuid NOT NULL,
        added_at timestamptz NOT NULL,
        excluded_at timestamptz,
        exclusion_reason text,
        planned_release_date date,
        assignee text,
        estimate jsonb,
        CONSTRAINT campaign_target_pkey PRIMARY KEY (id),
        CONSTRAINT campaign_target_campaign_id_service_id_key UNIQUE (campaign_id, service_id),
        CONSTRAINT campaign_target_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
        CONSTRAINT campaign_target_service_id_fkey FOREIGN KEY (service_id) REFERENCES online_service (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX campaign_target_service_id_idx ON campaign_target (service_id)`);
    // Every exclusion with its end (re-inclusion): the burndown replays them day by day.
    await q.query(`
      CREATE TABLE campaign_target_exclusion (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        target_id uuid NOT NULL,
        excluded_at timestamptz NOT NULL,
        included_at timestamptz,
        reason text NOT NULL,
        CONSTRAINT campaign_target_exclusion_pkey PRIMARY KEY (id),
        CONSTRAINT campaign_target_exclusion_target_id_fkey FOREIGN KEY (target_id) REFERENCES campaign_target (id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX campaign_target_exclusion_target_id_idx ON campaign_target_exclusion (target_id)`,
    );
    await q.query(`
      CREATE TABLE campaign_fulfilment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        target_id uuid NOT NULL,
        release_id uuid NOT NULL,
        linked_at timestamptz NOT NULL,
        CONSTRAINT campaign_fulfilment_pkey PRIMARY KEY (id),
        CONSTRAINT campaign_fulfilment_target_id_release_id_key UNIQUE (target_id, release_id),
        CONSTRAINT campaign_fulfilment_target_id_fkey FOREIGN KEY (target_id) REFERENCES campaign_target (id) ON DELETE CASCADE,
        CONSTRAINT campaign_fulfilment_release_id_fkey FOREIGN KEY (release_id) REFERENCES release (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX campaign_fulfilment_release_id_idx ON campaign_fulfilment (release_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_fulfilment');
    await q.query('DROP TABLE campaign_target_exclusion');
    await q.query('DROP TABLE campaign_target');
    await q.query('DROP TABLE campaign');
  }
}
