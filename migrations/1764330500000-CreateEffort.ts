import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Maintenance baselines and recorded effort (issue 7). */
export class CreateEffort1764330500000 implements MigrationInterface {
  name = 'CreateEffort1764330500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE online_service ADD COLUMN maintenance_baseline jsonb`);
    await q.query(`
      CREATE TABLE effort_entry (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        service_id uuid NOT NULL,
        campaign_target_id uuid,
        hours numeric(6, 2) NOT NULL,
        date date NOT NULL,
        note text,
        recorded_by jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT effort_entry_pkey PRIMARY KEY (id),
        CONSTRAINT effort_entry_hours_check CHECK (hours > 0 AND hours <= 24),
        CONSTRAINT effort_entry_service_id_fkey FOREIGN KEY (service_id) REFERENCES online_service (id) ON DELETE RESTRICT,
        CONSTRAINT effort_entry_campaign_target_id_fkey FOREIGN KEY (campaign_target_id) REFERENCES campaign_target (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX effort_entry_service_id_idx ON effort_entry (service_id, date DESC, id DESC)`);
    await q.query(`CREATE INDEX effort_entry_campaign_target_id_idx ON effort_entry (campaign_target_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE effort_entry');
    await q.query('ALTER TABLE online_service DROP COLUMN maintenance_baseline');
  }
}
