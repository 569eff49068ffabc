import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { serviceSql } from '#src/catalogue/service.sql';
import type { Viewer } from '#src/common/auth/viewer';
import { paginate, type Connection } from '#src/common/graphql/pagination';
import { isUuid } from '#src/common/ids';
import { uniqueViolation } from '#src/database/pg-errors';
import { organisationSql } from '#src/organisations/organisation.sql';
import type { InterfaceUse } from '#src/releases/release-enums';
import { subscriptionAccessSql } from './subscription.access';
import { SubscriptionEntity } from './subscription.entity';
import { OPEN_STATES, openSubscriptionExists } from './subscription.rules';
import type { SubscriptionState } from './subscription-state';

/**
 * The one home of the service_subscription table's SQL: named reads and writes for the services
 * of this module, and `subscriptionSql` fragments for other modules' statements. The other
 * aggregates' tables are reached through their owners' fragments (`serviceSql`, `organisationSql`).
 */

export interface SubscriptionFilter {
  organisationId?: string;
  organisationKey?: string | null;
  /** Subscriptions to the services owned by the organisation with this key (none if the key is unknown). */
  ownerKey?: string | null;
  serviceSlug?: string | null;
  state?: SubscriptionState | null;
}

/** One row of a service's fleet: how many ACTIVE subscriptions run a version (null: not reported). */
export interface FleetRow {
  service_id: string;
  version: string | null;
  n: number;
}

/** A subscription with its service's owner: the two parties the access policy looks at. */
export interface SubscriptionWithOwner {
  subscription: SubscriptionEntity;
  ownerId: string;
}

const NO_ID = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class SubscriptionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private visibleQuery(viewer: Viewer | null, manager: EntityManager = this.db.manager) {
    const query = manager.getRepository(SubscriptionEntity).createQueryBuilder('sub');
    const visible = subscriptionAccessSql.visible(viewer, 'sub');
    return query.where(visible.where, visible.params);
  }

  /** The ids among `ids` the viewer may read (the visibility policy). */
  async visibleIds(viewer: Viewer | null, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.visibleQuery(viewer)
      .select('sub.id', 'id')
      .andWhere('sub.id IN (:...ids)', { ids: ids.filter(isUuid).concat(NO_ID) })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** A keyset page of the subscriptions the viewer may read, newest request first. */
  page(
    viewer: Viewer | null,
    filter: SubscriptionFilter,
    first: number | null,
    after: string | null,
  ): Promise<Connection<SubscriptionEntity>> {
    const query = this.visibleQuery(viewer);
    if (filter.organisationId) {
      query.andWhere('sub.organisation_id = :orgId', { orgId: filter.organisationId });
    }
    if (filter.organisationKey) {
      query.andWhere(`sub.organisation_id = ${organisationSql.idByKey(':orgKey')}`, {
        orgKey: filter.organisationKey,
      });
    }
    if (filter.ownerKey) {
      query.andWhere(`sub.service_id IN ${serviceSql.idsOwnedBy(organisationSql.idByKey(':ownerKey'))}`, {
        ownerKey: filter.ownerKey,
      });
    }
    if (filter.serviceSlug) {
      query.andWhere(`sub.service_id = ${serviceSql.idBySlug(':slug')}`, { slug: filter.serviceSlug });
    }
    if (filter.state) {
      query.andWhere('sub.state = :state', { state: filter.state });
    }
    return paginate(query, { first, after }, [
      {
        expression: 'sub.requested_at',
        direction: 'DESC',
        type: 'text',
        value: (s) => s.requestedAt.toISOString(),
      },
      { expression: 'sub.id', direction: 'DESC', type: 'uuid', value: (s) => s.id },
    ]);
  }

  /** The organisation's REQUESTED, ACTIVE and SUSPENDED subscriptions that the viewer may read. */
  openOf(viewer: Viewer | null, organisationId: string): Promise<SubscriptionEntity[]> {
    return this.visibleQuery(viewer)
      .andWhere('sub.organisation_id = :orgId', { orgId: organisationId })
      .andWhere('sub.state IN (:...open)', { open: OPEN_STATES })
      .orderBy('sub.requested_at')
      .addOrderBy('sub.id')
      .getMany();
  }

  /**
   * The ACTIVE subscriptions to the services that the viewer may read (the visibility policy),
   * in one statement, ordered by the subscriber's name (then id).
   */
  async activeVisibleOf(viewer: Viewer | null, serviceIds: readonly string[]): Promise<SubscriptionEntity[]> {
    if (serviceIds.length === 0) {
      return [];
    }
    return this.visibleQuery(viewer)
      .andWhere('sub.service_id IN (:...serviceIds)', { serviceIds })
      .andWhere(`sub.state = 'ACTIVE'`)
      .orderBy(organisationSql.nameOf('sub.organisation_id'))
      .addOrderBy('sub.id')
      .getMany();
  }

  /** Subscriptions by id (no visibility check: for loaders behind the policy). */
  byIds(ids: readonly string[]): Promise<SubscriptionEntity[]> {
    return this.db.getRepository(SubscriptionEntity).findBy({ id: In([...ids]) });
  }

  /** The number of ACTIVE subscriptions of each service that has any. */
  async activeCounts(serviceIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { service_id: string; n: number }[] = await this.db.query(
      `SELECT service_id, count(*)::int AS n FROM service_subscription WHERE service_id = ANY($1::uuid[]) AND state = 'ACTIVE' GROUP BY service_id`,
      [serviceIds],
    );
    return new Map(rows.map((row) => [row.service_id, row.n]));
  }

  /** The number of ACTIVE subscriptions in the registry (a public figure, no names). */
  async activeTotal(): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM service_subscription WHERE state = 'ACTIVE'`,
    );
    return rows[0].n;
  }

  /** The services' ACTIVE subscriptions counted per deployed version (null: none reported). */
  async fleetRows(serviceIds: readonly string[]): Promise<FleetRow[]> {
    const rows: FleetRow[] = await this.db.query(
      `SELECT service_id, deployed_version AS version, count(*)::int AS n FROM service_subscription
        WHERE service_id = ANY($1::uuid[]) AND state = 'ACTIVE' GROUP BY service_id, deployed_version`,
      [serviceIds],
    );
    return rows;
  }

  /**
   * The ACTIVE subscriptions of the service whose organisation declared capabilities for a
   * standard among `uses` but not the version used; only those the viewer may read.
   */
  affectedBy(
    viewer: Viewer | null,
    serviceId: string,
    uses: readonly InterfaceUse[],
  ): Promise<SubscriptionEntity[]> {
    return this.visibleQuery(viewer)
      .andWhere('sub.service_id = :serviceId', { serviceId })
      .andWhere(`sub.state = 'ACTIVE'`)
      .andWhere(organisationSql.lacksVersionOf('sub.organisation_id', ':uses'), {
        uses: JSON.stringify(uses),
      })
      .orderBy('sub.requested_at')
      .addOrderBy('sub.id')
      .getMany();
  }

  /** The subscription and its service's owner, without a lock (to decide visibility first). */
  async withOwner(manager: EntityManager, id: string): Promise<SubscriptionWithOwner | null> {
    if (!isUuid(id)) {
      return null;
    }
    const query: SelectQueryBuilder<SubscriptionEntity> = manager
      .getRepository(SubscriptionEntity)
      .createQueryBuilder('sub')
      .addSelect(serviceSql.ownerOf('sub.service_id'), 'owner_id')
      .where('sub.id = :id', { id });
    const { entities, raw } = await query.getRawAndEntities<{ owner_id: string }>();
    return entities.length === 0 ? null : { subscription: entities[0], ownerId: raw[0].owner_id };
  }

  /** The subscription, locked FOR UPDATE until commit: every change is a locked read-check-write. */
  lockForUpdate(manager: EntityManager, id: string): Promise<SubscriptionEntity> {
    return manager.findOneOrFail(SubscriptionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Inserts a new subscription. The unique index service_subscription_open_key allows one
   * REQUESTED, ACTIVE or SUSPENDED subscription per organisation and service: a second one, even
   * from a racing request, is CONFLICT.
   */
  async insert(manager: EntityManager, fields: Omit<SubscriptionEntity, 'id'>): Promise<SubscriptionEntity> {
    const subscription = manager.create(SubscriptionEntity, fields);
    try {
      await manager.insert(SubscriptionEntity, subscription);
    } catch (error: unknown) {
      if (uniqueViolation(error) === 'service_subscription_open_key') {
        throw openSubscriptionExists();
      }
      throw error;
    }
    return subscription;
  }

  update(manager: EntityManager, id: string, patch: Partial<SubscriptionEntity>): Promise<unknown> {
    return manager.update(SubscriptionEntity, { id }, patch);
  }
}

/**
 * SQL fragments over service_subscription for other modules' statements (a campaign target's
 * subscribers). Parameters stay with the caller.
 */
export const subscriptionSql = {
  /** A FROM item: the ACTIVE subscriptions of the service `serviceId` (an SQL expression), as `alias`. */
  activeOf: (serviceId: string, alias: string) =>
    `(SELECT * FROM service_subscription WHERE service_id = ${serviceId} AND state = 'ACTIVE') ${alias}`,
};
