import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Releases with SemVer-ordered versions, QA gates and sign-offs (issue 4). */
export class CreateReleases1764330200000 implements MigrationInterface {
  name = 'CreateReleases1764330200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE release (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        service_id uuid NOT NULL,
        version text NOT NULL,
        major integer NOT NULL,
        minor integer NOT NULL,
        patch integer NOT NULL,
        prerelease text[] COLLATE "C",
        state text NOT NULL,
        notes text,
        changes jsonb NOT NULL,
        interfaces jsonb NOT NULL,
        artifact_digest text NOT NULL,
        artifact_url text,
        created_by jsonb NOT NULL,
        author_subject text NOT NULL,
        created_at timestamptz NOT NULL,
        submitted_at timestamptz,
        published_at timestamptz,
        withdrawal jsonb,
        deprecation jsonb,
        CONSTRAINT release_pkey PRIMARY KEY (id),
        -- Never reusable: rows are never deleted, so the constraint covers withdrawn and deprecated ones.
        CONSTRAINT release_service_id_version_key UNIQUE (service_id, version),
        CONSTRAINT release_service_id_fkey FOREIGN KEY (service_id) REFERENCES online_service (id) ON DELETE RESTRICT
      )`);
    // SemVer precedence: a release (NULL pre-release) above its pre-releases.
    await q.query(`
      CREATE INDEX release_service_id_precedence_idx
        ON release (service_id, major DESC, minor DESC, patch DESC, (prerelease IS NULL) DESC, prerelease DESC)`);
    await q.query(`
      CREATE TABLE qa_gate (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        release_id uuid NOT NULL,
        kind text NOT NULL,
        required_approvals integer NOT NULL,
        waiver jsonb,
        created_at timestamptz NOT NULL,
        CONSTRAINT qa_gate_pkey PRIMARY KEY (id),
        CONSTRAINT qa_gate_release_id_kind_key UNIQUE (release_id, kind),
        CONSTRAINT qa_gate_release_id_fkey FOREIGN KEY (release_id) REFERENCES release (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE sign_off (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        gate_id uuid NOT NULL,
        reviewer jsonb NOT NULL,
        reviewer_subject text NOT NULL,
        verdict text NOT NULL,
        comment text,
        evidence_url text,
        artifact_digest text NOT NULL,
        outdated boolean NOT NULL,
        replaced_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT sign_off_pkey PRIMARY KEY (id),
        CONSTRAINT sign_off_gate_id_fkey FOREIGN KEY (gate_id) REFERENCES qa_gate (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX sign_off_gate_id_idx ON sign_off (gate_id)`);
    // One current sign-off per reviewer and gate.
    await q.query(`
      CREATE UNIQUE INDEX sign_off_current_key ON sign_off (gate_id, reviewer_subject)
        WHERE replaced_at IS NULL AND NOT outdated`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sign_off');
    await q.query('DROP TABLE qa_gate');
    await q.query('DROP TABLE release');
  }
}
