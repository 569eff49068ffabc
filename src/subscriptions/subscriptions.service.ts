import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Access } from '#src/common/auth/access';
import type { Viewer } from '#src/common/auth/viewer';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import type { Language } from '#src/common/errors/language';
import { messageOf } from '#src/common/errors/messages';
import { isRangeSyntax } from '#src/common/graphql/scalars';
import type { ReleaseEntity } from '#src/releases/release.entity';
import { ReleaseRepository } from '#src/releases/release.repository';
import { adoptableReleases } from '#src/releases/release.rules';
import { maySeeFleet } from './subscription.access';
import type { SubscriptionEntity } from './subscription.entity';
import { SubscriptionRepository, type SubscriptionFilter } from './subscription.repository';
import type { RangeResolution } from './subscription.model';
import { highestFirst, inRange, rangeProblem, targetVersion } from './subscription.rules';

/** The longest range resolveVersionRange reads (it is public; a range is short). */
const RANGE_MAX = 256;

/**
 * Reading subscriptions: pages, the target release, counts, the owner's fleet, the subscriptions a
 * release affects. Each read is batched per request (DataLoaders) where a page asks it per row.
 * The changes are in subscription-workflow.service.ts.
 */

export type { SubscriptionFilter } from './subscription.repository';

export interface Fleet {
  active: number;
  deployments: { version: string; subscribers: number }[];
  notReported: number;
}

@Injectable()
export class SubscriptionsService implements OnModuleInit {
  constructor(
    private readonly access: Access,
    private readonly subscriptions: SubscriptionRepository,
    private readonly releases: ReleaseRepository,
  ) {}

  onModuleInit() {
    // The rule is subscriptionAccessSql.visible (subscription.access.ts).
    this.access.register({
      entityType: 'ServiceSubscription',
      visibleIds: (viewer, ids) => this.subscriptions.visibleIds(viewer, ids),
    });
  }

  list(viewer: Viewer | null, filter: SubscriptionFilter, first: number | null, after: string | null) {
    return this.subscriptions.page(viewer, filter, first, after);
  }

  /** The number of ACTIVE subscriptions in the registry (public). */
  activeTotal(): Promise<number> {
    return this.subscriptions.activeTotal();
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
    return this.targetOf(loaders, subscription.serviceId, subscription.versionRange);
  }

  /** The target of a range on a service: what `target` answers for a subscription with this range. */
  private targetOf(loaders: RequestLoaders, serviceId: string, range: string): Promise<ReleaseEntity | null> {
    return loaders
      .get<string, ReleaseEntity | null>('targetByServiceAndRange', (keys) =>
        Promise.all(
          keys.map(async (key) => {
            const [serviceId, range] = [key.slice(0, 36), key.slice(37)];
            const candidates = adoptableReleases(await this.published(loaders, serviceId));
            const version = targetVersion(
              range,
              candidates.map((r) => r.version),
            );
            return candidates.find((r) => r.version === version) ?? null;
          }),
        ),
      )
      .load(`${serviceId}|${range}`);
  }

  /**
   * A range (as typed, possibly not a range yet) resolved against the service's PUBLISHED
   * releases, by the rules of a subscription: its target (`targetOf`, the same loader), the
   * request's `rangeProblem`, the deployment report's `inRange`. Public: it reads only PUBLISHED
   * releases.
   */
  async resolveRange(
    loaders: RequestLoaders,
    serviceId: string,
    text: string,
    language: Language,
  ): Promise<RangeResolution> {
    const range = text.trim();
    if (text.length > RANGE_MAX || !isRangeSyntax(text)) {
      const none = { version: null, releaseId: null, matchingVersions: [], deployableVersions: [] };
      const problem =
        text.length > RANGE_MAX
          ? {
              problemReason: 'TEXT_TOO_LONG',
              problem: messageOf('TEXT_TOO_LONG', language, { max: RANGE_MAX }),
            }
          : {
              problemReason: 'INVALID_RANGE',
              problem: messageOf('INVALID_RANGE', language, { value: text }),
            };
      return { range, valid: false, ...problem, ...none };
    }
    const published = await this.published(loaders, serviceId);
    const candidates = adoptableReleases(published).map((r) => r.version);
    const target = await this.targetOf(loaders, serviceId, range);
    const within = (versions: string[]) => highestFirst(versions.filter((v) => inRange(v, range)));
    const unsatisfied = rangeProblem(range, candidates);
    return {
      range,
      valid: true,
      problem: unsatisfied ? messageOf('RANGE_UNSATISFIED', language, { problem: unsatisfied, range }) : null,
      problemReason: unsatisfied ? 'RANGE_UNSATISFIED' : null,
      version: target?.version ?? null,
      releaseId: target?.id ?? null,
      matchingVersions: within(candidates),
      deployableVersions: within(published.map((r) => r.version)),
    };
  }

  /**
   * The organisation's open subscriptions (REQUESTED, ACTIVE, SUSPENDED: at most one per service)
   * that the viewer may read (`subscriptionAccessSql.visible`).
   */
  openOf(viewer: Viewer | null, organisationId: string): Promise<SubscriptionEntity[]> {
    return this.subscriptions.openOf(viewer, organisationId);
  }

  /**
   * The service's ACTIVE subscriptions that the viewer may read (a municipality its own, the
   * owner's MAINTAINERs those to its services, OPERATORs all; nobody else any), by the
   * subscriber's name; one statement for all the services a request asks about.
   */
  activeVisibleOf(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    serviceId: string,
  ): Promise<SubscriptionEntity[]> {
    return loaders
      .get<string, SubscriptionEntity[]>('activeVisibleSubscriptionsByService', async (ids) => {
        const rows = await this.subscriptions.activeVisibleOf(viewer, ids);
        return ids.map((id) => rows.filter((row) => row.serviceId === id));
      })
      .load(serviceId);
  }

  activeCount(loaders: RequestLoaders, serviceId: string): Promise<number> {
    return loaders
      .get<string, number>('activeSubscriptionCount', async (ids) => {
        const counts = await this.subscriptions.activeCounts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      })
      .load(serviceId);
  }

  /** Who runs what, for the owner's MAINTAINERs and OPERATORs; null for anyone else. */
  async fleet(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    service: { id: string; ownerId: string },
  ): Promise<Fleet | null> {
    if (!maySeeFleet(viewer, service)) {
      return null;
    }
    return loaders
      .get<string, Fleet>('fleetByService', async (ids) => {
        const rows = await this.subscriptions.fleetRows(ids);
        return ids.map((id) => {
          const mine = rows.filter((row) => row.service_id === id);
          const deployed = mine.flatMap((row) =>
            row.version === null ? [] : [{ ...row, version: row.version }],
          );
          const order = highestFirst(deployed.map((row) => row.version));
          return {
            active: mine.reduce((sum, row) => sum + row.n, 0),
            deployments: order.map((version) => ({
              version,
              subscribers: deployed.find((row) => row.version === version)?.n ?? 0,
            })),
            notReported: mine.find((row) => row.version === null)?.n ?? 0,
          };
        });
      })
      .load(service.id);
  }

  byId(loaders: RequestLoaders, id: string): Promise<SubscriptionEntity | null> {
    return loaders
      .get<string, SubscriptionEntity | null>('subscriptionById', async (ids) => {
        const rows = await this.subscriptions.byIds(ids);
        return inKeyOrder(ids, rows, (row) => row.id);
      })
      .load(id);
  }

  /**
   * ACTIVE subscriptions of the release's service whose organisation declared capabilities for a
   * standard the release uses, but not the version it uses; only those the viewer may see.
   */
  async affected(
    viewer: Viewer | null,
    release: Pick<ReleaseEntity, 'serviceId' | 'interfaces'>,
  ): Promise<SubscriptionEntity[]> {
    if (release.interfaces.length === 0) {
      return [];
    }
    return this.subscriptions.affectedBy(viewer, release.serviceId, release.interfaces);
  }
}
