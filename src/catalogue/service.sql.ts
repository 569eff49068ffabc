import type { EntityManager } from 'typeorm';
import { OnlineServiceEntity } from './catalogue.entity';

/**
 * SQL fragments and transaction reads over the online_service table for other modules'
 * statements (the catalogue owns the table). Append-only: each module that needs one adds it here,
 * so every online_service query stays reviewable in the catalogue's folder.
 */
export const serviceSql = {
  /** Condition: the service `serviceId` (an SQL expression) is one of organisation `org`'s (a parameter). */
  ownedBy: (serviceId: string, org: string) =>
    `${serviceId} IN (SELECT o.id FROM online_service o WHERE o.owner_id = ${org})`,

  /** Scalar sub-select: the id of the service with the slug `slug` (a parameter). */
  idBySlug: (slug: string) => `(SELECT id FROM online_service WHERE slug = ${slug})`,

  /** Scalar sub-select: the owner (organisation id) of the service `serviceId` (an SQL expression). */
  ownerOf: (serviceId: string) => `(SELECT o.owner_id FROM online_service o WHERE o.id = ${serviceId})`,
};

/** Named reads of services inside another module's transaction. */
export const serviceReads = {
  /**
   * The service, held FOR SHARE until commit: a lifecycle change (FOR UPDATE) waits, so a check
   * made on it (e.g. "accepts subscriptions") still holds at commit.
   */
  forShare: (manager: EntityManager, id: string): Promise<OnlineServiceEntity | null> =>
    manager.findOne(OnlineServiceEntity, { where: { id }, lock: { mode: 'pessimistic_read' } }),
};
