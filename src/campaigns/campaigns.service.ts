import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Access } from '#src/common/auth/access';
import { actorOf, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { threePointOf } from '#src/common/estimates/three-point';
import { isUuid } from '#src/common/ids';
import { isCalendarDate } from '#src/common/graphql/scalars';
import { uniqueViolation } from '#src/database/pg-errors';
import { TransactionEvents } from '#src/database/transaction-events';
import { Transactions, type Tx } from '#src/database/transactions';
import '#src/releases/release.events';
import { ReleaseRepository } from '#src/releases/release.repository';
import { CAMPAIGN_VISIBILITY, capacitiesOf } from './campaign.access';
import type { CampaignEntity, CampaignTargetEntity } from './campaign.entity';
import './campaign.events';
import type { OpenCampaignInput, PlanCampaignTargetInput } from './dto/campaign.inputs';
import { CampaignQueries, type TargetView } from './campaign-queries.service';
import { CampaignRepository } from './campaign.repository';
import {
  CampaignState,
  checkCampaignAction,
  checkExclusion,
  normaliseProvisions,
  requireEveryTargetDone,
  type CampaignAction,
} from './campaign.rules';

/** A target locked for a change, with its service's owner. */
export type LockedTarget = CampaignTargetEntity & { serviceOwnerId: string };

/**
 * The changes to campaigns and their targets (domain.md, "Campaigns"). Each locks what it
 * changes, runs its row of CAMPAIGN_TRANSITIONS, writes through CampaignRepository and audits.
 * Text inputs arrive checked (the inputs' decorators, ArgPipe).
 */
@Injectable()
export class CampaignsService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: Access,
    private readonly repository: CampaignRepository,
    private readonly queries: CampaignQueries,
    private readonly releases: ReleaseRepository,
    private readonly events: TransactionEvents,
  ) {}

  onModuleInit() {
    // A release created with `fulfils` is linked to the targets in its own transaction.
    this.events.on('release.created', (tx, { release, fulfils }) => this.fulfil(tx, release, fulfils));
    this.access.register(CAMPAIGN_VISIBILITY);
  }

  async open(viewer: Viewer, input: OpenCampaignInput): Promise<CampaignEntity> {
    checkCampaignAction('open', 'NEW', capacitiesOf(viewer));
    const title = input.title;
    const description = input.description ?? null;
    const amendment = input.amendment ?? null;
    const provisions = normaliseProvisions(input.provisions);
    if (!isCalendarDate(input.effectiveDate)) {
      throw DomainError.badInput('input.effectiveDate', 'NOT_A_DATE');
    }
    return this.transactions.run(actorOf(viewer), async (tx) => {
      // Every service citing the norm: the whole norm, or a given provision or one below it
      // (the selection campaignPreview shows).
      const { norm, targets } = await this.queries.selection(tx.manager, input.norm, provisions);
      const serviceIds = targets.map((target) => target.serviceId);
      const campaign = await this.repository.insert(tx.manager, {
        title,
        description,
        normId: norm.id,
        provisions,
        amendment,
        effectiveDate: input.effectiveDate,
        state: CampaignState.ACTIVE,
        closedAt: null,
        cancellationReason: null,
        createdBy: {
          subject: viewer.subject,
          name: viewer.name,
          organisation: viewer.organisation?.key ?? null,
        },
        createdAt: tx.now,
      });
      if (serviceIds.length) {
        const targetIds = await this.repository.insertTargets(tx.manager, campaign.id, serviceIds, tx.now);
        await this.events.emit(tx, 'campaign.targetsAdded', {
          campaignId: campaign.id,
          targetIds,
          cause: 'opened',
        });
      }
      tx.audit('campaign.open', 'Campaign', campaign.id, {
        title,
        norm: norm.abbreviation,
        provisions,
        effectiveDate: input.effectiveDate,
        targets: serviceIds.length,
      });
      return campaign;
    });
  }

  async addTarget(viewer: Viewer, campaignId: string, serviceId: string): Promise<TargetView> {
    return this.transactions
      .run(actorOf(viewer), async (tx) => {
        const campaign = await this.lockFor(tx, viewer, 'addTarget', campaignId);
        const service = isUuid(serviceId) ? await this.repository.service(tx.manager, serviceId) : null;
        if (!service) {
          throw DomainError.notFound('Service', serviceId);
        }
        const [targetId] = await this.repository.insertTargets(tx.manager, campaign.id, [serviceId], tx.now);
        await this.events.emit(tx, 'campaign.targetsAdded', {
          campaignId: campaign.id,
          targetIds: [targetId],
          cause: 'added',
        });
        tx.audit('campaign.addTarget', 'Campaign', campaign.id, { target: targetId, service: service.slug });
        return targetId;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) === 'campaign_target_campaign_id_service_id_key') {
          throw DomainError.conflict('ALREADY_TARGET');
        }
        throw error;
      })
      .then((id) => this.view(id));
  }

  async exclude(viewer: Viewer, targetId: string, reason: string): Promise<TargetView> {
    return this.actOnTarget(viewer, targetId, 'exclude', async (tx, target) => {
      checkExclusion('exclude', target.excludedAt !== null);
      await this.repository.exclude(tx.manager, target.id, reason, tx.now);
      tx.audit('campaign.excludeTarget', 'Campaign', target.campaignId, { target: target.id, reason });
    });
  }

  async include(viewer: Viewer, targetId: string): Promise<TargetView> {
    return this.actOnTarget(viewer, targetId, 'include', async (tx, target) => {
      checkExclusion('include', target.excludedAt !== null);
      await this.repository.include(tx.manager, target.id, tx.now);
      await this.events.emit(tx, 'campaign.targetsAdded', {
        campaignId: target.campaignId,
        targetIds: [target.id],
        cause: 'included',
      });
      tx.audit('campaign.includeTarget', 'Campaign', target.campaignId, { target: target.id });
    });
  }

  async plan(viewer: Viewer, input: PlanCampaignTargetInput): Promise<TargetView> {
    const assignee = input.assignee ?? null;
    const estimate = threePointOf(input.estimate);
    return this.actOnTarget(viewer, input.targetId, 'plan', async (tx, target) => {
      await this.repository.plan(tx.manager, target.id, {
        plannedReleaseDate: input.plannedReleaseDate,
        assignee,
        estimate,
      });
      tx.audit('campaign.planTarget', 'Campaign', target.campaignId, {
        target: target.id,
        plannedReleaseDate: input.plannedReleaseDate,
        assignee,
        estimate,
      });
    });
  }

  async link(viewer: Viewer, targetId: string, releaseId: string): Promise<TargetView> {
    return this.actOnTarget(viewer, targetId, 'link', async (tx, target) => {
      const [release] = isUuid(releaseId) ? await this.releases.byIds([releaseId], tx.manager) : [];
      if (!release) {
        throw DomainError.notFound('Release', releaseId);
      }
      if (release.serviceId !== target.serviceId) {
        throw DomainError.badInput('releaseId', 'RELEASE_OF_OTHER_SERVICE');
      }
      await this.repository.link(tx.manager, target.id, release.id, tx.now);
      tx.audit('campaign.linkRelease', 'Campaign', target.campaignId, {
        target: target.id,
        release: release.id,
        version: release.version,
      });
    });
  }

  async complete(viewer: Viewer, id: string): Promise<CampaignEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const campaign = await this.lockFor(tx, viewer, 'complete', id);
      const targets = await this.queries.views({ campaignIds: [id] }, tx.manager);
      const slugs = await this.repository.serviceSlugs(
        tx.manager,
        targets.map((t) => t.serviceId),
      );
      requireEveryTargetDone(
        targets.map((t) => ({ serviceSlug: slugs.get(t.serviceId) ?? t.serviceId, state: t.state })),
      );
      await this.repository.close(tx.manager, id, { state: CampaignState.COMPLETED, closedAt: tx.now });
      tx.audit('campaign.complete', 'Campaign', id);
      return Object.assign(campaign, { state: CampaignState.COMPLETED, closedAt: tx.now });
    });
  }

  async cancel(viewer: Viewer, id: string, reason: string): Promise<CampaignEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const campaign = await this.lockFor(tx, viewer, 'cancel', id);
      const patch = { state: CampaignState.CANCELLED, closedAt: tx.now, cancellationReason: reason };
      await this.repository.close(tx.manager, id, patch);
      tx.audit('campaign.cancel', 'Campaign', id, { reason });
      return Object.assign(campaign, patch);
    });
  }

  /**
   * Changes one target in a transaction: the target (NOT_FOUND) and its campaign locked, the
   * action's row of CAMPAIGN_TRANSITIONS run, then `change`; answers the target as read after
   * commit. Also how the GitHub integration queues a target's issue again ('retryIssue').
   */
  async actOnTarget(
    viewer: Viewer,
    targetId: string,
    action: CampaignAction,
    change: (tx: Tx, target: LockedTarget) => Promise<void>,
  ): Promise<TargetView> {
    await this.transactions.run(actorOf(viewer), async (tx) => {
      const target = isUuid(targetId) ? await this.repository.lockTarget(tx.manager, targetId) : null;
      if (!target) {
        throw DomainError.notFound('CampaignTarget', targetId);
      }
      const campaign = await this.repository.lock(tx.manager, target.campaignId);
      checkCampaignAction(action, campaign!.state, capacitiesOf(viewer, target.serviceOwnerId));
      await change(tx, target);
    });
    return this.view(targetId);
  }

  /**
   * Links the release to the campaigns' targets of its service (createRelease's `fulfils`);
   * a campaign that does not target the service is BAD_USER_INPUT. Runs in the release's transaction.
   */
  private async fulfil(
    tx: Tx,
    release: { id: string; serviceId: string },
    campaignIds: readonly string[],
  ): Promise<void> {
    for (const [i, campaignId] of campaignIds.entries()) {
      const target = isUuid(campaignId)
        ? await this.repository.targetOfServiceShared(tx.manager, campaignId, release.serviceId)
        : null;
      if (!target) {
        throw DomainError.badInput(`input.fulfils[${i}]`, 'NOT_TARGETED_BY_CAMPAIGN', {
          campaign: campaignId,
        });
      }
      if (target.state !== CampaignState.ACTIVE) {
        throw DomainError.conflict(
          'CAMPAIGN_NOT_ACTIVE',
          { campaign: campaignId, state: target.state },
          { state: target.state },
        );
      }
      await this.repository.link(tx.manager, target.id, release.id, tx.now);
    }
  }

  /** The campaign locked for the action: NOT_FOUND, then the action's row. */
  private async lockFor(tx: Tx, viewer: Viewer, action: CampaignAction, id: string): Promise<CampaignEntity> {
    const campaign = isUuid(id) ? await this.repository.lock(tx.manager, id) : null;
    if (!campaign) {
      throw DomainError.notFound('Campaign', id);
    }
    checkCampaignAction(action, campaign.state, capacitiesOf(viewer));
    return campaign;
  }

  private async view(targetId: string): Promise<TargetView> {
    return (await this.queries.target(targetId))!;
  }
}
