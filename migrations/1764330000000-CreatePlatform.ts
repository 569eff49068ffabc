import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, interface standards, capabilities and the audit chain (issue 2). */
export class CreatePlatform1764330000000 implements MigrationInterface {
  name = 'CreatePlatform1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        ars text,
        parent_id uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT organisation_pkey PRIMARY KEY (id),
        CONSTRAINT organisation_key_key UNIQUE (key),
        CONSTRAINT organisation_kind_check
          CHECK (kind IN ('STATE', 'DISTRICT', 'AMT', 'MUNICIPALITY', 'SERVICE_PROVIDER', 'OTHER')),
        CONSTRAINT organisation_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES organisation (id) ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE interface_standard (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        key text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT interface_standard_pkey PRIMARY KEY (id),
        CONSTRAINT interface_standard_key_key UNIQUE (key),
        CONSTRAINT interface_standard_kind_check CHECK (kind IN ('XOEV_STANDARD', 'TRANSPORT', 'PORTAL_COMPONENT', 'OTHER'))
      )`);
    await q.query(`
      CREATE TABLE organisation_capability (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        standard_id uuid NOT NULL,
        versions text[] NOT NULL,
        CONSTRAINT organisation_capability_pkey PRIMARY KEY (id),
        CONSTRAINT organisation_capability_organisation_id_standard_id_key UNIQUE (organisation_id, standard_id),
        CONSTRAINT organisation_capability_organisation_id_fkey
          FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE,
        CONSTRAINT organisation_capability_standard_id_fkey
          FOREIGN KEY (standard_id) REFERENCES interface_standard (id) ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE audit_event (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        actor_snapshot jsonb NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        data text,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT audit_event_pkey PRIMARY KEY (id),
        CONSTRAINT audit_event_seq_key UNIQUE (seq),
        -- Two events linking to the same predecessor would fork the chain.
        CONSTRAINT audit_event_prev_hash_key UNIQUE (prev_hash)
      )`);
    // Append-only: the application never changes or removes an event.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`CREATE INDEX audit_event_entity_id_idx ON audit_event (entity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_event');
    await q.query('DROP FUNCTION audit_event_append_only()');
    await q.query('DROP TABLE organisation_capability');
    await q.query('DROP TABLE interface_standard');
    await q.query('DROP TABLE organisation');
  }
}
