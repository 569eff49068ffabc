import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Legal norms, online services with German full-text search, and legal bases (issue 3). */
export class CreateCatalogue1764330100000 implements MigrationInterface {
  name = 'CreateCatalogue1764330100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE legal_norm (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        abbreviation text NOT NULL,
        title text NOT NULL,
        jurisdiction text NOT NULL,
        url text,
        eli text,
        created_at timestamptz NOT NULL,
        CONSTRAINT legal_norm_pkey PRIMARY KEY (id),
        CONSTRAINT legal_norm_abbreviation_key UNIQUE (abbreviation)
      )`);
    // "WoGG" and "wogg" are the same law: unique also ignoring case.
    await q.query(
      `CREATE UNIQUE INDEX legal_norm_abbreviation_lower_key ON legal_norm (lower(abbreviation))`,
    );
    await q.query(`
      CREATE TABLE online_service (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        name text NOT NULL,
        summary text NOT NULL,
        description text,
        leika_keys text[] NOT NULL,
        ozg_ids text[] NOT NULL,
        themenfeld text,
        maturity_level smallint,
        sdg_relevant boolean NOT NULL,
        lifecycle text NOT NULL,
        reuse_model text NOT NULL,
        subscription_approval text NOT NULL,
        owner_id uuid NOT NULL,
        license text,
        repository_url text,
        qa_policy jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        -- Weighted German full text: name (A) outranks summary (B) outranks description (C).
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('german', name), 'A') ||
          setweight(to_tsvector('german', summary), 'B') ||
          setweight(to_tsvector('german', coalesce(description, '')), 'C')
        ) STORED,
        CONSTRAINT online_service_pkey PRIMARY KEY (id),
        CONSTRAINT online_service_slug_key UNIQUE (slug),
        CONSTRAINT online_service_maturity_level_check CHECK (maturity_level BETWEEN 0 AND 4),
        CONSTRAINT online_service_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES organisation (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX online_service_owner_id_idx ON online_service (owner_id)`);
    await q.query(`CREATE INDEX online_service_search_idx ON online_service USING gin (search)`);
    await q.query(`CREATE INDEX online_service_leika_keys_idx ON online_service USING gin (leika_keys)`);
    await q.query(`CREATE INDEX online_service_name_id_idx ON online_service (name, id)`);
    await q.query(`
      CREATE TABLE service_legal_basis (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        service_id uuid NOT NULL,
        norm_id uuid NOT NULL,
        provision text,
        position integer NOT NULL,
        CONSTRAINT service_legal_basis_pkey PRIMARY KEY (id),
        CONSTRAINT service_legal_basis_service_id_fkey FOREIGN KEY (service_id) REFERENCES online_service (id) ON DELETE CASCADE,
        CONSTRAINT service_legal_basis_norm_id_fkey FOREIGN KEY (norm_id) REFERENCES legal_norm (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX service_legal_basis_service_id_idx ON service_legal_basis (service_id)`);
    await q.query(`CREATE INDEX service_legal_basis_norm_id_idx ON service_legal_basis (norm_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE service_legal_basis');
    await q.query('DROP TABLE online_service');
    await q.query('DROP TABLE legal_norm');
  }
}
