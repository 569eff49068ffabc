import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The GitHub integration (issue 8): webhook deliveries, which are also the queue of work in
 * (PENDING rows), and one issue per campaign target, which is also the queue of work out.
 */
export class CreateGithub1764330600000 implements MigrationInterface {
  name = 'CreateGithub1764330600000';

  async up(q: QueryRunner): Promise<void> {
    // Where an imported release came from (delivery, GitHub release URL, sender): also the marker
    // of an import for the four-eyes rule.
    await q.query(`ALTER TABLE release ADD COLUMN imported_from jsonb`);
    await q.query(`
      CREATE TABLE github_delivery (
        id text NOT NULL,
        event text NOT NULL,
        action text,
        repository text,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        outcome text NOT NULL,
        detail text,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        processed_at timestamptz,
        CONSTRAINT github_delivery_pkey PRIMARY KEY (id),
        CONSTRAINT github_delivery_outcome_check CHECK (outcome IN ('PENDING', 'PROCESSED', 'SKIPPED', 'FAILED'))
      )`);
    await q.query(
      `CREATE INDEX github_delivery_pending_idx ON github_delivery (next_attempt_at) WHERE outcome = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX github_delivery_received_at_idx ON github_delivery (received_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE campaign_target_issue (
        target_id uuid NOT NULL,
        repository text NOT NULL,
        state text NOT NULL,
        detail text,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        leased_until timestamptz,
        issue_id bigint,
        issue_number integer,
        issue_url text,
        issue_event_at timestamptz,
        opened_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT campaign_target_issue_pkey PRIMARY KEY (target_id),
        CONSTRAINT campaign_target_issue_target_id_fkey FOREIGN KEY (target_id) REFERENCES campaign_target (id) ON DELETE CASCADE,
        CONSTRAINT campaign_target_issue_state_check CHECK (state IN ('PENDING', 'OPENED', 'SKIPPED', 'FAILED')),
        CONSTRAINT campaign_target_issue_opened_check CHECK ((state = 'OPENED') = (issue_url IS NOT NULL AND issue_number IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX campaign_target_issue_pending_idx ON campaign_target_issue (next_attempt_at) WHERE state = 'PENDING'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX campaign_target_issue_repository_number_key ON campaign_target_issue (repository, issue_number) WHERE issue_number IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX campaign_target_issue_opened_at_idx ON campaign_target_issue (opened_at) WHERE opened_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_target_issue');
    await q.query('DROP TABLE github_delivery');
    await q.query('ALTER TABLE release DROP COLUMN imported_from');
  }
}
