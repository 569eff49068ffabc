import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { ServiceLifecycle, SubscriptionApproval } from '#src/catalogue/catalogue-enums';
import { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { Access } from '#src/common/auth/access';
import { Role } from '#src/common/auth/role';
import { actorOf, actsFor, hasRole, isOperator, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import { paginate } from '#src/common/graphql/pagination';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { uniqueViolation } from '#src/database/pg-errors';
import { Transactions, type Tx } from '#src/database/transactions';
import { OrganisationEntity } from '#src/organisations/organisation.entity';
import type { ReleaseEntity } from '#src/releases/release.entity';
import { ReleaseRepository } from '#src/releases/release.repository';
import { SubscriptionEntity } from './subscription.entity';
import { SubscriptionState } from './subscription-state';
import { highestFirst, inRange, OPEN_STATES, rangeProblem, targetVersion } from './subscription.rules';

export interface SubscriptionFilter {
  organisationId?: string;
  organisationKey?: string | null;
  serviceSlug?: string | null;
  state?: SubscriptionState | null;
}

export interface Fleet {
  active: number;
  deployments: { version: string; subscribers: number }[];
  notReported: number;
}

type Locked = { subscription: SubscriptionEntity; service: OnlineServiceEntity };

function reasonOf(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') {
    throw DomainError.badInput(field, 'must not be empty');
  }
  if (trimmed.length > 2_000) {
    throw DomainError.badInput(field, 'must be at most 2000 characters');
  }
  return trimmed;
}

function conflictState(subscription: SubscriptionEntity, action: string): DomainError {
  return DomainError.conflict(`Cannot ${action} the subscription: it is ${subscription.state}`, {
    state: subscription.state,
  });
}

@Injectable()
export class SubscriptionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly access: Access,
    private readonly releases: ReleaseRepository,
  ) {}

  onModuleInit() {
    // The subscriber's own staff, the owner's MAINTAINERs (subscriptions to its services), OPERATORs.
    this.access.register({
      entityType: 'ServiceSubscription',
      visibleIds: async (viewer, ids) => {
        if (isOperator(viewer)) {
          return new Set(ids);
        }
        if (!viewer?.organisation) {
          return new Set();
        }
        const query = this.db
          .getRepository(SubscriptionEntity)
          .createQueryBuilder('sub')
          .select('sub.id', 'id');
        query.where('sub.id IN (:...ids)', {
          ids: ids.filter(isUuid).concat('00000000-0000-0000-0000-000000000000'),
        });
        this.restrictToVisible(query, viewer);
        return new Set((await query.getRawMany<{ id: string }>()).map((row) => row.id));
      },
    });
  }

  /** Adds "the viewer may see it" to a query over `sub` (service_subscription). */
  private restrictToVisible(query: SelectQueryBuilder<SubscriptionEntity>, viewer: Viewer | null): void {
    if (isOperator(viewer)) {
      return;
    }
    if (!viewer?.organisation) {
      query.andWhere('false');
      return;
    }
    const maintainer = hasRole(viewer, Role.MAINTAINER);
    query.andWhere(
      maintainer
        ? '(sub.organisation_id = :viewerOrg OR sub.service_id IN (SELECT o.id FROM online_service o WHERE o.owner_id = :viewerOrg))'
        : 'sub.organisation_id = :viewerOrg',
      { viewerOrg: viewer.organisation.id },
    );
  }

  // ------------------------------------------------------------------ reading

  list(viewer: Viewer | null, filter: SubscriptionFilter, first: number | null, after: string | null) {
    const query = this.db.getRepository(SubscriptionEntity).createQueryBuilder('sub');
    this.restrictToVisible(query, viewer);
    if (filter.organisationId) {
      query.andWhere('sub.organisation_id = :orgId', { orgId: filter.organisationId });
    }
    if (filter.organisationKey) {
      query.andWhere('sub.organisation_id = (SELECT id FROM organisation WHERE key = :orgKey)', {
        orgKey: filter.organisationKey,
      });
    }
    if (filter.serviceSlug) {
      query.andWhere('sub.service_id = (SELECT id FROM online_service WHERE slug = :slug)', {
        slug: filter.serviceSlug,
      });
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

  /** Every PUBLISHED release of a page of services, in one statement. */
  published(loaders: RequestLoaders, serviceId: string): Promise<ReleaseEntity[]> {
    return loaders
      .get<string, ReleaseEntity[]>('publishedByService', async (ids) => {
        const byService = await this.releases.publishedOf(ids);
        return ids.map((id) => byService.get(id) ?? []);
      })
      .load(serviceId);
  }

  /**
   * Highest PUBLISHED, non-deprecated release inside the range (pre-releases as npm ranges allow).
   * Worked out once per service and range in a request: a page of subscriptions shares a few ranges.
   */
  target(loaders: RequestLoaders, subscription: SubscriptionEntity): Promise<ReleaseEntity | null> {
    return loaders
      .get<string, ReleaseEntity | null>('targetByServiceAndRange', (keys) =>
        Promise.all(
          keys.map(async (key) => {
            const [serviceId, range] = [key.slice(0, 36), key.slice(37)];
            const candidates = (await this.published(loaders, serviceId)).filter((r) => !r.deprecation);
            const version = targetVersion(
              range,
              candidates.map((r) => r.version),
            );
            return candidates.find((r) => r.version === version) ?? null;
          }),
        ),
      )
      .load(`${subscription.serviceId}|${subscription.versionRange}`);
  }

  activeCount(loaders: RequestLoaders, serviceId: string): Promise<number> {
    return loaders
      .get<string, number>('activeSubscriptionCount', async (ids) => {
        const rows: { service_id: string; n: number }[] = await this.db.query(
          `SELECT service_id, count(*)::int AS n FROM service_subscription WHERE service_id = ANY($1::uuid[]) AND state = 'ACTIVE' GROUP BY service_id`,
          [ids],
        );
        return ids.map((id) => rows.find((row) => row.service_id === id)?.n ?? 0);
      })
      .load(serviceId);
  }

  fleet(loaders: RequestLoaders, serviceId: string): Promise<Fleet> {
    return loaders
      .get<string, Fleet>('fleetByService', async (ids) => {
        const rows: { service_id: string; version: string | null; n: number }[] = await this.db.query(
          `SELECT service_id, deployed_version AS version, count(*)::int AS n FROM service_subscription
            WHERE service_id = ANY($1::uuid[]) AND state = 'ACTIVE' GROUP BY service_id, deployed_version`,
          [ids],
        );
        return ids.map((id) => {
          const mine = rows.filter((row) => row.service_id === id);
          const deployed = mine.filter((row) => row.version !== null);
          const order = highestFirst(deployed.map((row) => row.version!));
          return {
            active: mine.reduce((sum, row) => sum + row.n, 0),
            deployments: order.map((version) => ({
              version,
              subscribers: deployed.find((row) => row.version === version)!.n,
            })),
            notReported: mine.find((row) => row.version === null)?.n ?? 0,
          };
        });
      })
      .load(serviceId);
  }

  byId(loaders: RequestLoaders, id: string): Promise<SubscriptionEntity | null> {
    return loaders
      .get<string, SubscriptionEntity | null>('subscriptionById', async (ids) => {
        const rows = await this.db.getRepository(SubscriptionEntity).findBy({ id: In([...ids]) });
        return inKeyOrder(ids, rows, (row) => row.id);
      })
      .load(id);
  }

  /**
   * ACTIVE subscriptions of the release's service whose organisation declared capabilities for a
   * standard the release uses, but not the version it uses; only those the viewer may see.
   */
  async affected(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    release: ReleaseEntity,
  ): Promise<SubscriptionEntity[]> {
    if (release.interfaces.length === 0) {
      return [];
    }
    const query = this.db
      .getRepository(SubscriptionEntity)
      .createQueryBuilder('sub')
      .where('sub.service_id = :serviceId', { serviceId: release.serviceId })
      .andWhere(`sub.state = 'ACTIVE'`)
      .andWhere(
        `EXISTS (SELECT 1 FROM organisation_capability c
                   JOIN interface_standard st ON st.id = c.standard_id
                   JOIN jsonb_to_recordset(CAST(:uses AS jsonb)) AS u(standard text, version text) ON u.standard = st.key
                  WHERE c.organisation_id = sub.organisation_id AND NOT (u.version = ANY(c.versions)))`,
        { uses: JSON.stringify(release.interfaces) },
      )
      .orderBy('sub.requested_at')
      .addOrderBy('sub.id');
    this.restrictToVisible(query, viewer);
    void loaders;
    return query.getMany();
  }

  // ------------------------------------------------------------------ workflow

  async request(
    viewer: Viewer,
    input: { serviceId: string; versionRange: string; organisationKey?: string | null },
  ) {
    const range = input.versionRange;
    return this.transactions
      .run(actorOf(viewer), async (tx) => {
        const organisationKey = input.organisationKey?.trim() || viewer.organisation?.key;
        if (!organisationKey) {
          throw DomainError.badInput(
            'input.organisationKey',
            'name the subscribing organisation (your token names none)',
          );
        }
        const organisation = await tx.manager.findOneBy(OrganisationEntity, { key: organisationKey });
        if (!organisation) {
          throw DomainError.badInput('input.organisationKey', `no organisation with key ${organisationKey}`);
        }
        if (!actsFor(viewer, organisation.id, Role.MUNICIPALITY_ADMIN)) {
          throw DomainError.forbidden(
            `Only ${organisationKey}'s MUNICIPALITY_ADMIN or an OPERATOR may subscribe for it`,
          );
        }
        const service = isUuid(input.serviceId)
          ? await tx.manager.findOne(OnlineServiceEntity, {
              where: { id: input.serviceId },
              lock: { mode: 'pessimistic_read' },
            })
          : null;
        if (!service) {
          throw DomainError.notFound('Service', input.serviceId);
        }
        if (
          service.lifecycle === ServiceLifecycle.DEPRECATED ||
          service.lifecycle === ServiceLifecycle.RETIRED
        ) {
          throw DomainError.conflict(
            `Service ${service.slug} is ${service.lifecycle} and takes no new subscriptions`,
            { lifecycle: service.lifecycle },
          );
        }
        await this.checkRange(tx, service.id, range, 'input.versionRange');
        const automatic = service.subscriptionApproval === SubscriptionApproval.AUTOMATIC;
        const subscription = tx.manager.create(SubscriptionEntity, {
          organisationId: organisation.id,
          serviceId: service.id,
          versionRange: range,
          state: automatic ? SubscriptionState.ACTIVE : SubscriptionState.REQUESTED,
          agreementReference: null,
          deployedVersion: null,
          deployedAt: null,
          stateReason: null,
          requestedAt: tx.now,
          decidedAt: automatic ? tx.now : null,
        });
        await tx.manager.insert(SubscriptionEntity, subscription);
        tx.audit('subscription.request', 'ServiceSubscription', subscription.id, {
          organisation: organisationKey,
          service: service.slug,
          versionRange: range,
          state: subscription.state,
        });
        return subscription;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) === 'service_subscription_open_key') {
          throw DomainError.conflict(
            'The organisation has a requested, active or suspended subscription to this service already',
          );
        }
        throw error;
      });
  }

  approve(viewer: Viewer, id: string, agreementReference: string | null | undefined) {
    return this.transition(
      viewer,
      id,
      'owner',
      ['approve', 'approve'],
      [SubscriptionState.REQUESTED],
      (s, tx) => ({
        state: SubscriptionState.ACTIVE,
        agreementReference: agreementReference?.trim() || null,
        decidedAt: tx.now,
      }),
    );
  }

  reject(viewer: Viewer, id: string, reason: string) {
    const why = reasonOf('reason', reason);
    return this.transition(
      viewer,
      id,
      'owner',
      ['reject', 'reject'],
      [SubscriptionState.REQUESTED],
      (s, tx) => ({
        state: SubscriptionState.REJECTED,
        stateReason: why,
        decidedAt: tx.now,
      }),
    );
  }

  suspend(viewer: Viewer, id: string, reason: string) {
    const why = reasonOf('reason', reason);
    return this.transition(viewer, id, 'owner', ['suspend', 'suspend'], [SubscriptionState.ACTIVE], () => ({
      state: SubscriptionState.SUSPENDED,
      stateReason: why,
    }));
  }

  resume(viewer: Viewer, id: string) {
    return this.transition(viewer, id, 'owner', ['resume', 'resume'], [SubscriptionState.SUSPENDED], () => ({
      state: SubscriptionState.ACTIVE,
    }));
  }

  terminate(viewer: Viewer, id: string, reason: string) {
    const why = reasonOf('reason', reason);
    return this.transition(viewer, id, 'either', ['terminate', 'terminate'], OPEN_STATES, () => ({
      state: SubscriptionState.TERMINATED,
      stateReason: why,
    }));
  }

  changeRange(viewer: Viewer, id: string, range: string) {
    return this.transition(
      viewer,
      id,
      'subscriber',
      ['change the range of', 'changeRange'],
      OPEN_STATES,
      async (s, tx) => {
        await this.checkRange(tx, s.serviceId, range, 'versionRange');
        return { versionRange: range };
      },
    );
  }

  reportDeployment(viewer: Viewer, id: string, version: string) {
    return this.transition(
      viewer,
      id,
      'subscriber',
      ['report a deployment on', 'reportDeployment'],
      [SubscriptionState.ACTIVE, SubscriptionState.SUSPENDED],
      async (s, tx) => {
        const published = await this.releases.publishedIn(tx.manager, s.serviceId);
        if (!published.some((r) => r.version === version)) {
          throw DomainError.badInput('version', `${version} is not a published release of this service`);
        }
        if (!inRange(version, s.versionRange)) {
          throw DomainError.badInput('version', `${version} is outside the range "${s.versionRange}"`);
        }
        return { deployedVersion: version, deployedAt: tx.now };
      },
    );
  }

  /**
   * One locked read-check-write for every change: NOT_FOUND when the viewer may not see the
   * subscription (tenant isolation), FORBIDDEN when it may see but not do this, CONFLICT naming the
   * state for a transition that is not allowed from it.
   */
  private transition(
    viewer: Viewer,
    id: string,
    who: 'owner' | 'subscriber' | 'either',
    [action, auditAction]: [string, string],
    from: readonly SubscriptionState[],
    change: (
      subscription: SubscriptionEntity,
      tx: Tx,
    ) => Partial<SubscriptionEntity> | Promise<Partial<SubscriptionEntity>>,
  ): Promise<SubscriptionEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const { subscription, service } = await this.lockVisible(tx, viewer, id);
      const owner = actsFor(viewer, service.ownerId, Role.MAINTAINER);
      const subscriber = actsFor(viewer, subscription.organisationId, Role.MUNICIPALITY_ADMIN);
      const allowed = who === 'owner' ? owner : who === 'subscriber' ? subscriber : owner || subscriber;
      if (!allowed) {
        const whom = {
          owner: "the service owner's MAINTAINERs",
          subscriber: "the subscriber's MUNICIPALITY_ADMINs",
          either: 'the subscriber or the owner',
        }[who];
        throw DomainError.forbidden(`Only ${whom} and OPERATORs may ${action} this subscription`);
      }
      if (!from.includes(subscription.state)) {
        throw conflictState(subscription, action);
      }
      const patch = await change(subscription, tx);
      await tx.manager.update(SubscriptionEntity, { id }, patch);
      tx.audit(`subscription.${auditAction}`, 'ServiceSubscription', id, patch);
      return Object.assign(subscription, patch);
    });
  }

  private async lockVisible(tx: Tx, viewer: Viewer, id: string): Promise<Locked> {
    // Visibility first, without a lock: another tenant's caller must not even hold its row.
    const seen = isUuid(id) ? await tx.manager.findOneBy(SubscriptionEntity, { id }) : null;
    const service = seen
      ? await tx.manager.findOneByOrFail(OnlineServiceEntity, { id: seen.serviceId })
      : null;
    const visible =
      seen !== null &&
      (isOperator(viewer) ||
        viewer.organisation?.id === seen.organisationId ||
        (hasRole(viewer, Role.MAINTAINER) && viewer.organisation?.id === service!.ownerId));
    if (!visible) {
      throw DomainError.notFound('Subscription', id);
    }
    const subscription = await tx.manager.findOneOrFail(SubscriptionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return { subscription, service: service! };
  }

  /** At least one PUBLISHED, non-deprecated release satisfies the range, else BAD_USER_INPUT naming both. */
  private async checkRange(tx: Tx, serviceId: string, range: string, field: string): Promise<void> {
    // FOR SHARE: a deprecation of one of these releases (FOR UPDATE) waits, so the check holds at commit.
    const releases = await this.releases.publishedIn(tx.manager, serviceId, 'share');
    const versions = releases.filter((r) => !r.deprecation).map((r) => r.version);
    const problem = rangeProblem(range, versions);
    if (problem) {
      throw DomainError.badInput(field, problem);
    }
  }
}
