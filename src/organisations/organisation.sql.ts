import type { EntityManager } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * SQL fragments and transaction reads over organisation, interface_standard and
 * organisation_capability for other modules' statements (the organisations module owns them).
 * Append-only: each module that needs one adds it here.
 */
export const organisationSql = {
  /** Scalar sub-select: the id of the organisation with the key `key` (a parameter). */
  idByKey: (key: string) => `(SELECT id FROM organisation WHERE key = ${key})`,

  /**
   * Condition: organisation `organisationId` (an SQL expression) declared capabilities for a
   * standard among `uses` (a parameter: jsonb array of { standard, version }) but not the version
   * used. An organisation that declared nothing for a standard is not caught.
   */
  lacksVersionOf: (organisationId: string, uses: string) =>
    `EXISTS (SELECT 1 FROM organisation_capability c
               JOIN interface_standard st ON st.id = c.standard_id
               JOIN jsonb_to_recordset(CAST(${uses} AS jsonb)) AS u(standard text, version text) ON u.standard = st.key
              WHERE c.organisation_id = ${organisationId} AND NOT (u.version = ANY(c.versions)))`,
};

/** Named reads of organisations inside another module's transaction. */
export const organisationReads = {
  byKey: (manager: EntityManager, key: string): Promise<OrganisationEntity | null> =>
    manager.findOneBy(OrganisationEntity, { key }),
};
