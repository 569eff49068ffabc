import type { EntityManager } from 'typeorm';
import type { QaRule } from '#src/qa/qa-policy.rules';
import type { ServiceLifecycle } from './catalogue-enums';
import { OnlineServiceEntity } from './catalogue.entity';

/**
 * The catalogue's SQL that other modules embed or run (subscriptions, campaigns, effort, GitHub):
 * fragments over online_service, service_legal_basis and legal_norm, each taking the SQL
 * expressions it compares with (parameters stay with the caller), and a few named reads and
 * writes inside the caller's transaction.
 */
export const serviceSql = {
  /**
   * Sub-select: the ids of the organisation's services. Use it as `x.service_id IN (...)` where the
   * condition sits in an OR: PostgreSQL runs it once as a hashed sub-plan, where a correlated
   * `ownedBy` would run once per row (the subscriptions page: about a third slower).
   */
  idsOwnedBy: (organisationId: string) =>
    `(SELECT o.id FROM online_service o WHERE o.owner_id = ${organisationId})`,

  /** Condition: the organisation `organisationId` (an SQL expression) owns at least one service. */
  ownsAny: (organisationId: string) =>
    `EXISTS (SELECT 1 FROM online_service owned WHERE owned.owner_id = ${organisationId})`,

  /** Scalar sub-select: the owner (organisation id) of the service `serviceId` (an SQL expression). */
  ownerOf: (serviceId: string) => `(SELECT o.owner_id FROM online_service o WHERE o.id = ${serviceId})`,

  /**
   * Statement: the `ServiceFacts` of the service `id`, optionally locked until commit
   * (`share`: FOR SHARE, `update`: FOR UPDATE).
   */
  facts: (id: string, lock?: 'share' | 'update') =>
    `SELECT s.id, s.slug, s.owner_id AS "ownerId", s.lifecycle, s.qa_policy AS "qaPolicy"
       FROM online_service s WHERE s.id = ${id}${lock ? ` FOR ${lock === 'share' ? 'SHARE' : 'UPDATE'}` : ''}`,

  /** Condition: the service (an SQL expression of its id) is owned by the organisation (an id expression). */
  ownedBy: (serviceId: string, organisationId: string) =>
    `EXISTS (SELECT 1 FROM online_service svc WHERE svc.id = ${serviceId} AND svc.owner_id = ${organisationId})`,

  /** Scalar sub-select: the id of the service with this slug (an SQL expression), or NULL. */
  idBySlug: (slug: string) => `(SELECT svc.id FROM online_service svc WHERE svc.slug = ${slug})`,

  /** Condition: one of the service's legal bases cites the norm with this abbreviation (an SQL expression). */
  citesNorm: (serviceId: string, abbreviation: string) =>
    `EXISTS (SELECT 1 FROM service_legal_basis lb JOIN legal_norm n ON n.id = lb.norm_id
                  WHERE lb.service_id = ${serviceId} AND n.abbreviation = ${abbreviation})`,

  /** A select: the services' id, slug, name, owner_id and repository_url, for a uuid[] expression. */
  byIds: (ids: string) =>
    `SELECT s.id, s.slug, s.name, s.owner_id, s.repository_url FROM online_service s WHERE s.id = ANY(${ids})`,

  /** Scalar sub-select: the service's slug. */
  slugOf: (serviceId: string) => `(SELECT s.slug FROM online_service s WHERE s.id = ${serviceId})`,

  /** Scalar sub-select: the service's name. */
  nameOf: (serviceId: string) => `(SELECT s.name FROM online_service s WHERE s.id = ${serviceId})`,

  /** Scalar sub-select: the service's repositoryUrl. */
  repositoryUrlOf: (serviceId: string) =>
    `(SELECT s.repository_url FROM online_service s WHERE s.id = ${serviceId})`,

  /** A select: the legal bases citing the norm (service_id, provision). */
  basesCiting: (normId: string) =>
    `SELECT b.service_id, b.provision FROM service_legal_basis b WHERE b.norm_id = ${normId}`,

  /**
   * A select: services whose repositoryUrl may link the repository (`fullName`, lower case): a
   * cheap filter, the exact rule is the caller's (id, owner_id, repository_url, by slug).
   */
  mayLinkRepository: (fullName: string) =>
    `SELECT id, owner_id, repository_url FROM online_service
      WHERE repository_url IS NOT NULL AND strpos(lower(repository_url), ${fullName}) > 0 ORDER BY slug`,
};

export const normSql = {
  /** A select: the norm (id, abbreviation) by its exact abbreviation. */
  byAbbreviation: (abbreviation: string) =>
    `SELECT n.id, n.abbreviation FROM legal_norm n WHERE n.abbreviation = ${abbreviation}`,

  /** A LATERAL body: the norm's abbreviation, title and url as norm_abbreviation, norm_title, norm_url. */
  citation: (normId: string) =>
    `SELECT n.abbreviation AS norm_abbreviation, n.title AS norm_title, n.url AS norm_url FROM legal_norm n WHERE n.id = ${normId}`,
};

/** Named reads and writes of services inside another module's transaction. */
export const serviceReads = {
  /**
   * The service, held FOR SHARE until commit: a lifecycle change (FOR UPDATE) waits, so a check
   * made on it (e.g. "accepts subscriptions") still holds at commit.
   */
  forShare: (manager: EntityManager, id: string): Promise<OnlineServiceEntity | null> =>
    manager.findOne(OnlineServiceEntity, { where: { id }, lock: { mode: 'pessimistic_read' } }),

  /** The service, or null; `lock` takes its row FOR UPDATE until commit. */
  byId(manager: EntityManager, id: string, lock = false): Promise<OnlineServiceEntity | null> {
    return manager.findOne(OnlineServiceEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  },

  /** The owner's services, by slug. */
  ownedBy(manager: EntityManager, ownerId: string): Promise<OnlineServiceEntity[]> {
    return manager.find(OnlineServiceEntity, { where: { ownerId }, order: { slug: 'ASC' } });
  },

  /** Sets the annual maintenance baseline (a three-point estimate; effort's figure on the catalogue's row). */
  async setMaintenanceBaseline(
    manager: EntityManager,
    id: string,
    baseline: OnlineServiceEntity['maintenanceBaseline'],
    now: Date,
  ): Promise<void> {
    await manager.update(OnlineServiceEntity, { id }, { maintenanceBaseline: baseline, updatedAt: now });
  },
};

/** What other modules read of a service row through `serviceSql.facts`. */
export interface ServiceFacts {
  id: string;
  slug: string;
  ownerId: string;
  lifecycle: ServiceLifecycle;
  qaPolicy: QaRule[] | null;
}
