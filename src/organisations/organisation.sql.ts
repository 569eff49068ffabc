import type { EntityManager } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * SQL fragments over the organisations' tables (organisation, interface_standard,
 * organisation_capability) for other modules' statements. Each takes the SQL expressions it
 * compares with and answers a condition or a sub-select; parameters stay with the caller.
 * Append-only: other modules add the fragments they need at the end.
 */
export const organisationSql = {
  /** Scalar sub-select: the id of the organisation with this key (an SQL expression), or NULL. */
  idByKey: (key: string) => `(SELECT o.id FROM organisation o WHERE o.key = ${key})`,

  /**
   * Scalar sub-select: the organisation (an id expression) as JSON with the columns of
   * OrganisationEntity (timestamps as text), for a page that primes the organisation loader.
   */
  asJson: (organisationId: string) =>
    `(SELECT json_build_object('id', o.id, 'key', o.key, 'name', o.name, 'kind', o.kind, 'ars', o.ars,
                 'parentId', o.parent_id, 'createdAt', o.created_at, 'updatedAt', o.updated_at)
            FROM organisation o WHERE o.id = ${organisationId})`,

  /**
   * Condition: the organisation declared capabilities for a standard among `uses` (an SQL
   * expression of a jsonb array of { standard, version }) but not the version used there.
   * An organisation that declared nothing for a standard is not affected by it.
   */
  lacksVersionOf: (organisationId: string, uses: string) =>
    `EXISTS (SELECT 1 FROM organisation_capability c
                   JOIN interface_standard st ON st.id = c.standard_id
                   JOIN jsonb_to_recordset(CAST(${uses} AS jsonb)) AS u(standard text, version text) ON u.standard = st.key
                  WHERE c.organisation_id = ${organisationId} AND NOT (u.version = ANY(c.versions)))`,

  /** Scalar sub-select: the name of the organisation (an id expression), for ordering by it. */
  nameOf: (organisationId: string) => `(SELECT o.name FROM organisation o WHERE o.id = ${organisationId})`,
};

export const standardSql = {
  /** Statement: the keys (column `key`) among the text[] parameter that name a registered interface standard. */
  knownKeys: (keys: string) => `SELECT st.key FROM interface_standard st WHERE st.key = ANY(${keys})`,
};

/** Named reads of organisations inside another module's transaction. */
export const organisationReads = {
  byKey: (manager: EntityManager, key: string): Promise<OrganisationEntity | null> =>
    manager.findOneBy(OrganisationEntity, { key }),
};
