import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { estimateOf } from '#src/common/estimates/three-point';
import { isUuid } from '#src/common/ids';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { OrganisationRepository } from '#src/organisations/organisation.repository';
import { ReleaseRepository } from '#src/releases/release.repository';
import { SubscriptionsService } from '#src/subscriptions/subscriptions.service';
import { mayReadCampaigns } from './campaign.access';
import type { CampaignEntity } from './campaign.entity';
import type { CampaignProgress, CampaignTarget, SubscriptionCampaignTarget } from './campaign.model';
import { CampaignRepository, type TargetFilter, type TargetRecord } from './campaign.repository';
import {
  burndown,
  CampaignTargetState,
  isAtRisk,
  isCompliant,
  isOverdue,
  targetState,
  type CampaignState,
} from './campaign.rules';

/** A target with its derived facts (CampaignTarget as the API shows it, plus what the burndown needs). */
export interface TargetView extends CampaignTarget {
  effectiveDate: string;
  addedAt: Date;
  exclusions: { from: Date; until: Date | null }[];
  fulfilledAt: Date | null;
}

/** Reading campaigns and their targets: every state, count and burndown derived when read. */
@Injectable()
export class CampaignQueries {
  constructor(
    private readonly repository: CampaignRepository,
    private readonly clock: Clock,
    private readonly organisations: OrganisationRepository,
    private readonly subscriptions: SubscriptionsService,
    private readonly releases: ReleaseRepository,
  ) {}

  byId(loaders: RequestLoaders, id: string): Promise<CampaignEntity | null> {
    if (!isUuid(id)) {
      return Promise.resolve(null);
    }
    return loaders
      .get<string, CampaignEntity | null>('campaignById', async (ids) =>
        inKeyOrder(ids, await this.repository.byIds(ids), (row) => row.id),
      )
      .load(id);
  }

  list(state: CampaignState | null, first: number | null, after: string | null) {
    return this.repository.page(state, first, after);
  }

  /** The targets of a batch of campaigns, with states derived in SQL (subscribers counted there, not loaded). */
  targets(loaders: RequestLoaders, campaignId: string): Promise<TargetView[]> {
    return loaders
      .get<string, TargetView[]>('targetsByCampaign', async (ids) => {
        const views = await this.views({ campaignIds: ids });
        return ids.map((id) => views.filter((v) => v.campaignId === id));
      })
      .load(campaignId);
  }

  /** One target with its derived facts. */
  async target(targetId: string): Promise<TargetView | null> {
    if (!isUuid(targetId)) {
      return null;
    }
    const [view] = await this.views({ targetId });
    return view ?? null;
  }

  /** The campaign's targets, read outside any request (the seed, scripts). */
  targetsOf(campaignId: string): Promise<TargetView[]> {
    return this.views({ campaignIds: [campaignId] });
  }

  async progress(loaders: RequestLoaders, campaign: CampaignEntity): Promise<CampaignProgress> {
    const targets = await this.targets(loaders, campaign.id);
    const today = this.clock.today();
    const end = campaign.closedAt ? campaign.closedAt.toISOString().slice(0, 10) : today;
    const counted = targets.filter((t) => t.state !== CampaignTargetState.EXCLUDED);
    return {
      targetsTotal: targets.length,
      byState: Object.values(CampaignTargetState).map((state) => ({
        state,
        count: targets.filter((t) => t.state === state).length,
      })),
      overdueTargets: targets.filter((t) => t.overdue).length,
      subscribersTotal: counted.reduce((n, t) => n + t.subscribersTotal, 0),
      subscribersCompliant: counted.reduce((n, t) => n + t.subscribersCompliant, 0),
      burndown: burndown(targets, campaign.createdAt.toISOString().slice(0, 10), end),
    };
  }

  /** Campaigns whose targets a release fulfils; none for anonymous callers. */
  fulfilledBy(loaders: RequestLoaders, viewer: Viewer | null, releaseId: string): Promise<CampaignEntity[]> {
    if (!mayReadCampaigns(viewer)) {
      return Promise.resolve([]);
    }
    return loaders
      .get<string, CampaignEntity[]>('campaignsByRelease', async (ids) => {
        const pairs = await this.repository.fulfilments(ids);
        const campaigns = await Promise.all(pairs.map((p) => this.byId(loaders, p.campaign_id)));
        return ids.map((id) =>
          campaigns.filter((c, k): c is CampaignEntity => c !== null && pairs[k].release_id === id),
        );
      })
      .load(releaseId);
  }

  /**
   * The targets of ACTIVE campaigns, not excluded, on the services the organisation subscribes
   * to (REQUESTED, ACTIVE or SUSPENDED: at most one such subscription per service), each with
   * that subscription and whether it is compliant; only subscriptions the viewer may read, so a
   * municipality sees its own, the owner's MAINTAINER those to its services, an OPERATOR all.
   * Earliest deadline first, then by campaign and service slug. The organisation is the viewer's unless `organisationKey` names one.
   */
  async affecting(
    viewer: Viewer,
    organisationKey: string | null,
  ): Promise<(SubscriptionCampaignTarget & { target: TargetView })[]> {
    const key = organisationKey?.trim() || viewer.organisation?.key;
    if (!key) {
      throw DomainError.badInput('organisationKey', 'name the organisation (your token names none)');
    }
    const organisation = await this.organisations.findByKey(key);
    if (!organisation) {
      throw DomainError.badInput('organisationKey', `no organisation with key ${key}`);
    }
    if (!mayReadCampaigns(viewer)) {
      return [];
    }
    const subscriptions = await this.subscriptions.openOf(viewer, organisation.id);
    if (subscriptions.length === 0) {
      return [];
    }
    const byService = new Map(subscriptions.map((s) => [s.serviceId, s]));
    const targets = await this.views({ affectingServices: [...byService.keys()] });
    const fulfilling = await this.releases.byIds(targets.flatMap((t) => (t.releaseId ? [t.releaseId] : [])));
    const versionOf = new Map(fulfilling.map((r) => [r.id, r.version]));
    const slugOf = await this.repository.serviceSlugs(undefined, [...byService.keys()]);
    return targets
      .map((target) => {
        const subscription = byService.get(target.serviceId)!;
        return {
          target,
          subscriptionId: subscription.id,
          effectiveDate: target.effectiveDate,
          compliant: isCompliant(
            subscription.deployedVersion,
            target.releaseId ? (versionOf.get(target.releaseId) ?? null) : null,
          ),
        };
      })
      .sort(
        (a, b) =>
          a.effectiveDate.localeCompare(b.effectiveDate) ||
          a.target.campaignId.localeCompare(b.target.campaignId) ||
          slugOf.get(a.target.serviceId)!.localeCompare(slugOf.get(b.target.serviceId)!),
      );
  }

  /** The targets with their derived state, overdue and at risk (`manager`: inside a transaction). */
  async views(filter: TargetFilter, manager?: EntityManager): Promise<TargetView[]> {
    const today = this.clock.today();
    return (await this.repository.targets(filter, manager)).map((record) => this.view(record, today));
  }

  private view(record: TargetRecord, today: string): TargetView {
    const state = targetState({
      excluded: record.excludedAt !== null,
      fulfilled: record.releaseId !== null,
      subscribersTotal: record.subscribersTotal,
      subscribersCompliant: record.subscribersCompliant,
      planned: record.plannedReleaseDate !== null && record.estimate !== null,
    });
    return {
      id: record.id,
      campaignId: record.campaignId,
      serviceId: record.serviceId,
      releaseId: record.releaseId,
      state,
      plannedReleaseDate: record.plannedReleaseDate,
      assignee: record.assignee,
      estimate: record.estimate ? estimateOf(record.estimate) : null,
      subscribersTotal: record.subscribersTotal,
      subscribersCompliant: record.subscribersCompliant,
      overdue: isOverdue(state, today, record.effectiveDate),
      atRisk: isAtRisk(state, record.plannedReleaseDate, record.effectiveDate),
      exclusionReason: record.exclusionReason,
      effectiveDate: record.effectiveDate,
      addedAt: record.addedAt,
      exclusions: record.exclusions,
      fulfilledAt: record.publishedAt,
    };
  }
}
