import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { LegalNormsService } from '#src/catalogue/legal-norms.service';
import { ServicesService } from '#src/catalogue/services.service';
import type { Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { estimateOf } from '#src/common/estimates/three-point';
import { isUuid } from '#src/common/ids';
import { isCalendarDate } from '#src/common/graphql/scalars';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { OrganisationRepository } from '#src/organisations/organisation.repository';
import type { SubscriptionEntity } from '#src/subscriptions/subscription.entity';
import { SubscriptionsService } from '#src/subscriptions/subscriptions.service';
import { capacitiesOf, mayReadCampaigns } from './campaign.access';
import type { CampaignEntity } from './campaign.entity';
import { CampaignIssueFacts } from './campaign-issue-facts';
import type {
  CampaignPreview,
  CampaignProgress,
  CampaignTarget,
  SubscriptionCampaignTarget,
  TargetRollout,
} from './campaign.model';
import { CampaignRepository, type TargetFilter, type TargetRecord } from './campaign.repository';
import type { CampaignPreviewInput } from './dto/campaign.inputs';
import {
  burndown,
  campaignViewerActions,
  CampaignState,
  CampaignTargetState,
  CampaignTargetViewerAction,
  checkCampaignAction,
  isAtRisk,
  isCompliant,
  isOverdue,
  normaliseProvisions,
  previewWarnings,
  targetSelection,
  targetState,
  targetViewerActions,
  type CampaignViewerAction,
  type SelectedTarget,
} from './campaign.rules';

/** A target with its derived facts (CampaignTarget as the API shows it, plus what the burndown needs). */
export interface TargetView extends CampaignTarget {
  /** The version of the fulfilling release (`releaseId`), for compliance. */
  releaseVersion: string | null;
  effectiveDate: string;
  addedAt: Date;
  exclusions: { from: Date; until: Date | null }[];
  fulfilledAt: Date | null;
}

/** Reading campaigns and their targets: every state, count and burndown derived when read. */
@Injectable()
export class CampaignQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: CampaignRepository,
    private readonly clock: Clock,
    private readonly organisations: OrganisationRepository,
    private readonly subscriptions: SubscriptionsService,
    private readonly services: ServicesService,
    private readonly norms: LegalNormsService,
    private readonly issues: CampaignIssueFacts,
  ) {}

  /**
   * The norm a campaign would be opened for and the targets it would get: the one selection
   * openCampaign runs (in its transaction, `manager`) and campaignPreview shows. An unknown norm
   * is BAD_USER_INPUT at input.norm.
   */
  async selection(
    manager: EntityManager,
    norm: string,
    provisions: readonly string[],
  ): Promise<{ norm: { id: string; abbreviation: string }; targets: SelectedTarget[] }> {
    const found = await this.repository.normByAbbreviation(manager, norm.trim());
    if (!found) {
      throw DomainError.badInput('input.norm', 'UNKNOWN_LEGAL_NORM', { norm });
    }
    return {
      norm: found,
      targets: targetSelection(await this.repository.basesCiting(manager, found.id), provisions),
    };
  }

  /**
   * What openCampaign would create now, without writing: its targets by service name, each with
   * the cited provisions that matched and its ACTIVE subscriptions, and the warnings. Whoever may
   * open a campaign may preview one (the row of `open`, FORBIDDEN otherwise).
   */
  async preview(
    loaders: RequestLoaders,
    viewer: Viewer,
    input: CampaignPreviewInput,
  ): Promise<CampaignPreview> {
    checkCampaignAction('open', 'NEW', capacitiesOf(viewer));
    const effectiveDate = input.effectiveDate ?? null;
    if (effectiveDate !== null && !isCalendarDate(effectiveDate)) {
      throw DomainError.badInput('input.effectiveDate', 'NOT_A_DATE');
    }
    const { norm, targets } = await this.selection(
      this.db.manager,
      input.norm,
      normaliseProvisions(input.provisions),
    );
    const rows = await Promise.all(
      targets.map(async (target) => ({
        service: (await this.services.byId(loaders, target.serviceId))!,
        citedProvisions: target.citedProvisions,
        subscribersTotal: await this.subscriptions.activeCount(loaders, target.serviceId),
      })),
    );
    rows.sort(
      (a, b) =>
        a.service.name.localeCompare(b.service.name, 'de') || a.service.id.localeCompare(b.service.id),
    );
    return {
      norm: (await this.norms.byId(loaders, norm.id))!,
      targets: rows,
      subscribersTotal: rows.reduce((n, row) => n + row.subscribersTotal, 0),
      warnings: previewWarnings(rows.length, effectiveDate, this.clock.today()),
    };
  }

  /** The campaign actions the viewer's mutations would accept now (campaignViewerActions). */
  async campaignActions(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    campaign: CampaignEntity,
  ): Promise<CampaignViewerAction[]> {
    if (!viewer || campaign.state !== CampaignState.ACTIVE) {
      // Nothing is accepted on a closed campaign: no need to read its targets.
      return [];
    }
    const targets = await this.targets(loaders, campaign.id);
    return campaignViewerActions(
      { state: campaign.state, targetStates: targets.map((t) => t.state) },
      capacitiesOf(viewer),
    );
  }

  /**
   * The target actions the viewer's mutations would accept now (targetViewerActions). The GitHub
   * integration is asked about the issue only where the campaign's rules leave RETRY_ISSUE
   * open, batched for the request's targets.
   */
  async targetActions(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    target: TargetView,
  ): Promise<CampaignTargetViewerAction[]> {
    if (!viewer) {
      return [];
    }
    const [campaign, service] = await Promise.all([
      this.byId(loaders, target.campaignId),
      this.services.byId(loaders, target.serviceId),
    ]);
    const facts = {
      campaignState: campaign!.state,
      excluded: target.state === CampaignTargetState.EXCLUDED,
      issueRetryable: true,
    };
    const capacities = capacitiesOf(viewer, service!.ownerId);
    const actions = targetViewerActions(facts, capacities);
    if (!actions.includes(CampaignTargetViewerAction.RETRY_ISSUE)) {
      return actions;
    }
    const retryable = await loaders
      .get<string, boolean>('issueRetryableByTarget', async (ids) => {
        const found = await this.issues.retryable(ids);
        return ids.map((id) => found.has(id));
      })
      .load(target.id);
    return targetViewerActions({ ...facts, issueRetryable: retryable }, capacities);
  }

  /**
   * The ACTIVE subscriptions to the target's service that the viewer may read, each with its
   * deployed version and whether it is compliant with the fulfilling release: non-compliant
   * first, then by the subscriber's name. One statement for all targets of the request.
   */
  async rollout(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    target: TargetView,
  ): Promise<TargetRollout[]> {
    const subscriptions: SubscriptionEntity[] = await this.subscriptions.activeVisibleOf(
      loaders,
      viewer,
      target.serviceId,
    );
    const rows = subscriptions.map((subscription) => ({
      subscription,
      deployedVersion: subscription.deployedVersion,
      compliant: isCompliant(subscription.deployedVersion, target.releaseVersion),
    }));
    // Stable: within each group the statement's order (the subscriber's name) stays.
    return rows.sort((a, b) => Number(a.compliant) - Number(b.compliant));
  }

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
      throw DomainError.badInput('organisationKey', 'ORGANISATION_REQUIRED');
    }
    const organisation = await this.organisations.findByKey(key);
    if (!organisation) {
      throw DomainError.badInput('organisationKey', 'UNKNOWN_ORGANISATION', { key });
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
    const slugOf = await this.repository.serviceSlugs(undefined, [...byService.keys()]);
    return targets
      .map((target) => {
        const subscription = byService.get(target.serviceId)!;
        return {
          target,
          subscriptionId: subscription.id,
          effectiveDate: target.effectiveDate,
          compliant: isCompliant(subscription.deployedVersion, target.releaseVersion),
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
      releaseVersion: record.releaseVersion,
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
