import type { QaRule } from '#src/qa/qa-policy.rules';
import type { ServiceLifecycle } from './catalogue-enums';

/**
 * SQL fragments over the online_service table for other modules' statements (append-only). Each
 * takes the SQL expressions it compares with; parameters stay with the caller.
 */
export const serviceSql = {
  /** Condition: the service (an expression of its id) is owned by the organisation `org`. */
  ownedBy: (serviceId: string, org: string) =>
    `EXISTS (SELECT 1 FROM online_service s WHERE s.id = ${serviceId} AND s.owner_id = ${org})`,

  /** Scalar sub-select: the slug of the service. */
  slugOf: (serviceId: string) => `(SELECT s.slug FROM online_service s WHERE s.id = ${serviceId})`,

  /** Scalar sub-select: the id of the service with this slug. */
  idOfSlug: (slug: string) => `(SELECT s.id FROM online_service s WHERE s.slug = ${slug})`,

  /**
   * Statement: the `ServiceFacts` of the service `id`, optionally locked until commit
   * (`share`: FOR SHARE, `update`: FOR UPDATE).
   */
  facts: (id: string, lock?: 'share' | 'update') =>
    `SELECT s.id, s.slug, s.owner_id AS "ownerId", s.lifecycle, s.qa_policy AS "qaPolicy"
       FROM online_service s WHERE s.id = ${id}${lock ? ` FOR ${lock === 'share' ? 'SHARE' : 'UPDATE'}` : ''}`,
};

/** What other modules read of a service row through `serviceSql.facts`. */
export interface ServiceFacts {
  id: string;
  slug: string;
  ownerId: string;
  lifecycle: ServiceLifecycle;
  qaPolicy: QaRule[] | null;
}
