import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forge namespaces: a service may link only a repository inside a GitHub organisation or GitLab
 * group that an OPERATOR mapped to the service's owner (before, any maintainer could point a
 * service at any repository, whose signed deliveries then created its releases). The links that
 * exist are kept: each github.com owner a service links today is mapped to that service's owner.
 * GitHub Enterprise hosts are configuration, unknown here: their links are mapped by an OPERATOR.
 */
export class ForgeNamespaces1764331400000 implements MigrationInterface {
  name = 'ForgeNamespaces1764331400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE forge_namespace (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        forge text NOT NULL,
        namespace text NOT NULL,
        organisation_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT forge_namespace_pkey PRIMARY KEY (id),
        CONSTRAINT forge_namespace_key UNIQUE (forge, namespace, organisation_id),
        CONSTRAINT forge_namespace_forge_check CHECK (forge IN ('GITHUB', 'GITLAB')),
        CONSTRAINT forge_namespace_organisation_id_fkey FOREIGN KEY (organisation_id)
          REFERENCES organisation (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX forge_namespace_organisation_id_idx ON forge_namespace (organisation_id)`);
    await q.query(`
      INSERT INTO forge_namespace (forge, namespace, organisation_id, created_at)
      SELECT DISTINCT 'GITHUB', lower(substring(repository_url FROM '^https://github\\.com/([A-Za-z0-9-]+)/')),
             owner_id, now()
        FROM online_service
       WHERE repository_url ~* '^https://github\\.com/[A-Za-z0-9-]+/[A-Za-z0-9_.-]+'
      ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE forge_namespace`);
  }
}
