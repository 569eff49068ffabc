import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  LegalNormEntity,
  OnlineServiceEntity,
  ServiceLegalBasisEntity,
} from '#src/catalogue/catalogue.entity';
import { normaliseProvision } from '#src/catalogue/catalogue.rules';
import { Access } from '#src/common/auth/access';
import { Role } from '#src/common/auth/role';
import { actorOf, actsFor, type Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import { paginate } from '#src/common/graphql/pagination';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { isCalendarDate } from '#src/common/graphql/scalars';
import { uniqueViolation } from '#src/database/pg-errors';
import { Transactions, type Tx } from '#src/database/transactions';
import { CampaignIssueQueue } from '#src/github/campaign-issue-queue';
import type { IssueState } from '#src/github/github-enums';
import '#src/releases/release.events';
import { ReleaseRepository, releaseSql } from '#src/releases/release.repository';
import { TransactionEvents } from '#src/database/transaction-events';
import { CampaignEntity, CampaignTargetEntity, CampaignTargetExclusionEntity } from './campaign.entity';
import type {
  CampaignProgress,
  CampaignTarget,
  OpenCampaignInput,
  PlanCampaignTargetInput,
} from './campaign.model';
import {
  burndown,
  CampaignState,
  CampaignTargetState,
  DONE_STATES,
  isAtRisk,
  isOverdue,
  pert,
  provisionMatches,
  targetState,
  threePointProblem,
} from './campaign.rules';

/** A target with its derived facts (CampaignTarget as the API shows it, plus what the burndown needs). */
export interface TargetView extends CampaignTarget {
  addedAt: Date;
  exclusions: { from: Date; until: Date | null }[];
  fulfilledAt: Date | null;
}

interface TargetRow {
  id: string;
  campaign_id: string;
  service_id: string;
  added_at: Date;
  excluded_at: Date | null;
  exclusion_reason: string | null;
  planned_release_date: string | null;
  assignee: string | null;
  estimate: { optimisticHours: number; likelyHours: number; pessimisticHours: number } | null;
  release_id: string | null;
  published_at: Date | null;
  subscribers_total: number;
  subscribers_compliant: number;
  effective_date: string;
  exclusions: { from: string; until: string | null }[];
  issue_url: string | null;
  issue_closed_at: Date | null;
  issue_state: IssueState | null;
  issue_detail: string | null;
}

function text(
  field: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (required) {
      throw DomainError.badInput(field, 'must not be empty');
    }
    return null;
  }
  if (trimmed.length > max) {
    throw DomainError.badInput(field, `must be at most ${max} characters`);
  }
  return trimmed;
}

@Injectable()
export class CampaignsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly access: Access,
    private readonly clock: Clock,
    private readonly issues: CampaignIssueQueue,
    private readonly releases: ReleaseRepository,
    private readonly events: TransactionEvents,
  ) {}

  onModuleInit() {
    // A release created with `fulfils` is linked to the targets in its own transaction.
    this.events.on('release.created', (tx, { release, fulfils }) =>
      this.fulfil(tx.manager, release, fulfils, tx.now),
    );
    // Campaigns and their targets: anyone signed in (domain.md, who may do what).
    this.access.register({
      entityType: 'Campaign',
      visibleIds: async (viewer, ids) => new Set(viewer ? ids : []),
    });
  }

  // ------------------------------------------------------------------ reading

  byId(loaders: RequestLoaders, id: string): Promise<CampaignEntity | null> {
    if (!isUuid(id)) {
      return Promise.resolve(null);
    }
    return loaders
      .get<string, CampaignEntity | null>('campaignById', async (ids) =>
        inKeyOrder(
          ids,
          await this.db.getRepository(CampaignEntity).findBy({ id: In([...ids]) }),
          (row) => row.id,
        ),
      )
      .load(id);
  }

  list(state: CampaignState | null, first: number | null, after: string | null) {
    const query = this.db.getRepository(CampaignEntity).createQueryBuilder('c');
    if (state) {
      query.where('c.state = :state', { state });
    }
    return paginate(query, { first, after }, [
      {
        expression: 'c.created_at',
        direction: 'DESC',
        type: 'text',
        value: (c) => c.createdAt.toISOString(),
      },
      { expression: 'c.id', direction: 'DESC', type: 'uuid', value: (c) => c.id },
    ]);
  }

  /** The targets of a batch of campaigns, with states derived in SQL (subscribers counted there, not loaded). */
  targets(loaders: RequestLoaders, campaignId: string): Promise<TargetView[]> {
    return loaders
      .get<string, TargetView[]>('targetsByCampaign', async (ids) => {
        const views = await this.targetViews(this.db.manager, 't.campaign_id = ANY($1::uuid[])', [ids]);
        return ids.map((id) => views.filter((v) => v.campaignId === id));
      })
      .load(campaignId);
  }

  /** One target with its derived facts. */
  async target(targetId: string): Promise<TargetView | null> {
    if (!isUuid(targetId)) {
      return null;
    }
    const [view] = await this.targetViews(this.db.manager, 't.id = $1', [targetId]);
    return view ?? null;
  }

  /** The campaign's targets, read outside any request (the seed, scripts). */
  targetsOf(campaignId: string): Promise<TargetView[]> {
    return this.targetViews(this.db.manager, 't.campaign_id = $1', [campaignId]);
  }

  async progress(loaders: RequestLoaders, campaign: CampaignEntity): Promise<CampaignProgress> {
    const targets = await this.targets(loaders, campaign.id);
    const today = this.clock.today();
    const end = campaign.closedAt ? campaign.closedAt.toISOString().slice(0, 10) : today;
    return {
      targetsTotal: targets.length,
      byState: Object.values(CampaignTargetState).map((state) => ({
        state,
        count: targets.filter((t) => t.state === state).length,
      })),
      overdueTargets: targets.filter((t) => t.overdue).length,
      subscribersTotal: targets.reduce(
        (n, t) => n + (t.state === CampaignTargetState.EXCLUDED ? 0 : t.subscribersTotal),
        0,
      ),
      subscribersCompliant: targets.reduce(
        (n, t) => n + (t.state === CampaignTargetState.EXCLUDED ? 0 : t.subscribersCompliant),
        0,
      ),
      burndown: burndown(targets, campaign.createdAt.toISOString().slice(0, 10), end),
    };
  }

  /** Campaigns whose targets a release fulfils. */
  fulfilledBy(loaders: RequestLoaders, releaseId: string): Promise<CampaignEntity[]> {
    return loaders
      .get<string, CampaignEntity[]>('campaignsByRelease', async (ids) => {
        const pairs: { release_id: string; campaign_id: string }[] = await this.db.query(
          `SELECT DISTINCT f.release_id, t.campaign_id FROM campaign_fulfilment f JOIN campaign_target t ON t.id = f.target_id
            WHERE f.release_id = ANY($1::uuid[])`,
          [ids],
        );
        const campaigns = await Promise.all(pairs.map((p) => this.byId(loaders, p.campaign_id)));
        return ids.map((id) =>
          campaigns.filter((c, k): c is CampaignEntity => c !== null && pairs[k].release_id === id),
        );
      })
      .load(releaseId);
  }

  // ------------------------------------------------------------------ changes

  async open(viewer: Viewer, input: OpenCampaignInput): Promise<CampaignEntity> {
    const title = text('input.title', input.title, 300, true)!;
    const description = text('input.description', input.description, 20_000, false);
    const amendment = text('input.amendment', input.amendment, 300, false);
    const provisions = [
      ...new Set((input.provisions ?? []).map((p) => normaliseProvision(p)).filter((p) => p !== '')),
    ];
    if (!isCalendarDate(input.effectiveDate)) {
      throw DomainError.badInput('input.effectiveDate', 'must be a date (YYYY-MM-DD)');
    }
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const norm = await tx.manager.findOneBy(LegalNormEntity, { abbreviation: input.norm.trim() });
      if (!norm) {
        throw DomainError.badInput('input.norm', `unknown legal norm "${input.norm}"`);
      }
      const campaign = tx.manager.create(CampaignEntity, {
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
      await tx.manager.insert(CampaignEntity, campaign);
      // Every service citing the norm: the whole norm, or a given provision or one below it.
      const bases = await tx.manager.findBy(ServiceLegalBasisEntity, { normId: norm.id });
      const serviceIds = [
        ...new Set(bases.filter((b) => provisionMatches(b.provision, provisions)).map((b) => b.serviceId)),
      ];
      if (serviceIds.length) {
        const inserted = await tx.manager.insert(
          CampaignTargetEntity,
          serviceIds.map((serviceId) => ({ campaignId: campaign.id, serviceId, addedAt: tx.now })),
        );
        // One GitHub issue per target whose service links a repository, queued with the targets.
        await this.issues.enqueue(
          tx.manager,
          inserted.identifiers.map((row) => row.id as string),
          tx.now,
        );
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
        const campaign = await this.lockActive(tx, campaignId);
        const service = isUuid(serviceId)
          ? await tx.manager.findOneBy(OnlineServiceEntity, { id: serviceId })
          : null;
        if (!service) {
          throw DomainError.notFound('Service', serviceId);
        }
        const target = tx.manager.create(CampaignTargetEntity, {
          campaignId: campaign.id,
          serviceId,
          addedAt: tx.now,
        });
        await tx.manager.insert(CampaignTargetEntity, target);
        await this.issues.enqueue(tx.manager, [target.id], tx.now);
        tx.audit('campaign.addTarget', 'Campaign', campaign.id, { target: target.id, service: service.slug });
        return target.id;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) === 'campaign_target_campaign_id_service_id_key') {
          throw DomainError.conflict('The service is a target of this campaign already');
        }
        throw error;
      })
      .then((id) => this.view(id));
  }

  async exclude(viewer: Viewer, targetId: string, reason: string): Promise<TargetView> {
    const why = text('reason', reason, 2_000, true)!;
    return this.changeTarget(viewer, targetId, 'any', async (tx, target) => {
      if (target.excludedAt) {
        throw DomainError.conflict('The target is EXCLUDED already', { state: CampaignTargetState.EXCLUDED });
      }
      await tx.manager.update(
        CampaignTargetEntity,
        { id: target.id },
        { excludedAt: tx.now, exclusionReason: why },
      );
      await tx.manager.insert(CampaignTargetExclusionEntity, {
        targetId: target.id,
        excludedAt: tx.now,
        includedAt: null,
        reason: why,
      });
      tx.audit('campaign.excludeTarget', 'Campaign', target.campaignId, { target: target.id, reason: why });
    });
  }

  async include(viewer: Viewer, targetId: string): Promise<TargetView> {
    return this.changeTarget(viewer, targetId, 'any', async (tx, target) => {
      if (!target.excludedAt) {
        throw DomainError.conflict('The target is not excluded');
      }
      await tx.manager.update(
        CampaignTargetEntity,
        { id: target.id },
        { excludedAt: null, exclusionReason: null },
      );
      await tx.manager.query(
        'UPDATE campaign_target_exclusion SET included_at = $2 WHERE target_id = $1 AND included_at IS NULL',
        [target.id, tx.now],
      );
      await this.issues.enqueue(tx.manager, [target.id], tx.now);
      tx.audit('campaign.includeTarget', 'Campaign', target.campaignId, { target: target.id });
    });
  }

  async plan(viewer: Viewer, input: PlanCampaignTargetInput): Promise<TargetView> {
    const problem = threePointProblem(input.estimate);
    if (problem) {
      throw DomainError.badInput('input.estimate', problem);
    }
    const assignee = text('input.assignee', input.assignee, 200, false);
    return this.changeTarget(viewer, input.targetId, 'owner', async (tx, target) => {
      const estimate = {
        optimisticHours: input.estimate.optimisticHours,
        likelyHours: input.estimate.likelyHours,
        pessimisticHours: input.estimate.pessimisticHours,
      };
      await tx.manager.update(
        CampaignTargetEntity,
        { id: target.id },
        { plannedReleaseDate: input.plannedReleaseDate, assignee, estimate },
      );
      tx.audit('campaign.planTarget', 'Campaign', target.campaignId, {
        target: target.id,
        plannedReleaseDate: input.plannedReleaseDate,
        assignee,
        estimate,
      });
    });
  }

  async link(viewer: Viewer, targetId: string, releaseId: string): Promise<TargetView> {
    return this.changeTarget(viewer, targetId, 'owner', async (tx, target) => {
      const [release] = isUuid(releaseId) ? await this.releases.byIds([releaseId], tx.manager) : [];
      if (!release) {
        throw DomainError.notFound('Release', releaseId);
      }
      if (release.serviceId !== target.serviceId) {
        throw DomainError.badInput('releaseId', 'the release belongs to another service than the target');
      }
      await tx.manager.query(
        `INSERT INTO campaign_fulfilment (target_id, release_id, linked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [target.id, release.id, tx.now],
      );
      tx.audit('campaign.linkRelease', 'Campaign', target.campaignId, {
        target: target.id,
        release: release.id,
        version: release.version,
      });
    });
  }

  /** Queues the target's GitHub issue again after it FAILED or was SKIPPED, or for the first time after the repository was linked. */
  async retryIssue(viewer: Viewer, targetId: string): Promise<TargetView> {
    return this.changeTarget(viewer, targetId, 'owner', async (tx, target) => {
      if (target.excludedAt) {
        throw DomainError.conflict('The target is EXCLUDED: include it first');
      }
      const outcome = await this.issues.retry(tx.manager, target.id, tx.now);
      if (outcome !== 'queued') {
        throw outcome === 'off'
          ? DomainError.conflict('GitHub is not configured here (docs/github.md)')
          : outcome === 'unlinked'
            ? DomainError.conflict("The target's service links no GitHub repository (its repositoryUrl)")
            : DomainError.conflict(`The issue is ${outcome} already`, { issueState: outcome });
      }
      tx.audit('campaign.retryIssue', 'Campaign', target.campaignId, { target: target.id });
    });
  }

  async complete(viewer: Viewer, id: string): Promise<CampaignEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const campaign = await this.lockActive(tx, id);
      const targets = await this.targetViews(tx.manager, 't.campaign_id = $1', [id]);
      const unfinished = targets.filter((t) => !DONE_STATES.includes(t.state));
      if (unfinished.length > 0) {
        const services = await tx.manager.findBy(OnlineServiceEntity, {
          id: In(unfinished.map((t) => t.serviceId)),
        });
        const names = unfinished.map(
          (t) => `${services.find((s) => s.id === t.serviceId)?.slug ?? t.serviceId} (${t.state})`,
        );
        throw DomainError.conflict(
          `Cannot complete the campaign: ${names.join(', ')} not yet released or excluded`,
          { unfinished: names },
        );
      }
      await tx.manager.update(CampaignEntity, { id }, { state: CampaignState.COMPLETED, closedAt: tx.now });
      tx.audit('campaign.complete', 'Campaign', id);
      return Object.assign(campaign, { state: CampaignState.COMPLETED, closedAt: tx.now });
    });
  }

  async cancel(viewer: Viewer, id: string, reason: string): Promise<CampaignEntity> {
    const why = text('reason', reason, 2_000, true)!;
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const campaign = await this.lockActive(tx, id);
      await tx.manager.update(
        CampaignEntity,
        { id },
        { state: CampaignState.CANCELLED, closedAt: tx.now, cancellationReason: why },
      );
      tx.audit('campaign.cancel', 'Campaign', id, { reason: why });
      return Object.assign(campaign, {
        state: CampaignState.CANCELLED,
        closedAt: tx.now,
        cancellationReason: why,
      });
    });
  }

  /**
   * Links the releases to the campaigns' targets of their service (createRelease's `fulfils`);
   * a campaign that does not target the service is BAD_USER_INPUT. Runs in the release's transaction.
   */
  private async fulfil(
    manager: EntityManager,
    release: { id: string; serviceId: string },
    campaignIds: readonly string[],
    now: Date,
  ): Promise<void> {
    for (const [i, campaignId] of campaignIds.entries()) {
      // FOR SHARE on the campaign: completing or cancelling it waits for this release's transaction.
      const [target]: { id: string; state: CampaignState }[] = isUuid(campaignId)
        ? await manager.query(
            `SELECT t.id, c.state FROM campaign_target t JOIN campaign c ON c.id = t.campaign_id
              WHERE t.campaign_id = $1 AND t.service_id = $2 FOR SHARE OF c`,
            [campaignId, release.serviceId],
          )
        : [];
      if (!target) {
        throw DomainError.badInput(
          `input.fulfils[${i}]`,
          `campaign ${campaignId} does not target this service`,
        );
      }
      if (target.state !== CampaignState.ACTIVE) {
        throw DomainError.conflict(`Campaign ${campaignId} is ${target.state}`, { state: target.state });
      }
      await manager.query(
        'INSERT INTO campaign_fulfilment (target_id, release_id, linked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [target.id, release.id, now],
      );
    }
  }

  // ------------------------------------------------------------------ internals

  private async lockActive(tx: Tx, id: string): Promise<CampaignEntity> {
    const campaign = isUuid(id)
      ? await tx.manager.findOne(CampaignEntity, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!campaign) {
      throw DomainError.notFound('Campaign', id);
    }
    if (campaign.state !== CampaignState.ACTIVE) {
      throw DomainError.conflict(`The campaign is ${campaign.state}`, { state: campaign.state });
    }
    return campaign;
  }

  private async changeTarget(
    viewer: Viewer,
    targetId: string,
    who: 'any' | 'owner',
    change: (tx: Tx, target: CampaignTargetEntity) => Promise<void>,
  ): Promise<TargetView> {
    await this.transactions.run(actorOf(viewer), async (tx) => {
      const target = isUuid(targetId)
        ? await tx.manager.findOne(CampaignTargetEntity, {
            where: { id: targetId },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!target) {
        throw DomainError.notFound('CampaignTarget', targetId);
      }
      await this.lockActive(tx, target.campaignId);
      if (who === 'owner') {
        const service = await tx.manager.findOneByOrFail(OnlineServiceEntity, { id: target.serviceId });
        if (!actsFor(viewer, service.ownerId, Role.MAINTAINER)) {
          throw DomainError.forbidden(
            "Only the target service's owner's MAINTAINERs and OPERATORs may plan it or link releases",
          );
        }
      }
      await change(tx, target);
    });
    return this.view(targetId);
  }

  private async view(targetId: string): Promise<TargetView> {
    const [view] = await this.targetViews(this.db.manager, 't.id = $1', [targetId]);
    return view;
  }

  private async targetViews(manager: EntityManager, where: string, params: unknown[]): Promise<TargetView[]> {
    // The earliest PUBLISHED fulfilling release, and the service's ACTIVE subscribers: all of them,
    // and those whose deployed version is at least the fulfilling one (SemVer order by the columns).
    const rows: TargetRow[] = await manager.query(
      `SELECT t.*, c.effective_date::text AS effective_date, t.planned_release_date::text AS planned_release_date,
              f.id AS release_id, f.published_at,
              (SELECT coalesce(json_agg(json_build_object('from', e.excluded_at, 'until', e.included_at) ORDER BY e.excluded_at), '[]')
                 FROM campaign_target_exclusion e WHERE e.target_id = t.id) AS exclusions,
              subs.total AS subscribers_total, subs.compliant AS subscribers_compliant,
              i.issue_url, i.closed_at AS issue_closed_at, i.state AS issue_state, i.detail AS issue_detail
         FROM campaign_target t
         JOIN campaign c ON c.id = t.campaign_id
         LEFT JOIN campaign_target_issue i ON i.target_id = t.id
         LEFT JOIN LATERAL (
           ${releaseSql.earliestPublishedAmong('SELECT cf.release_id FROM campaign_fulfilment cf WHERE cf.target_id = t.id')}) f ON true
         -- One pass over the service's ACTIVE subscribers: all of them, and those at or above the fulfilling version.
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS total,
                  (count(*) FILTER (
                     WHERE f.id IS NOT NULL AND ${releaseSql.versionAtLeast('s.service_id', 's.deployed_version', 'f')}))::int AS compliant
             FROM service_subscription s
            WHERE s.service_id = t.service_id AND s.state = 'ACTIVE') subs ON true
        WHERE ${where}
        ORDER BY t.added_at, t.id`,
      params,
    );
    const today = this.clock.today();
    return rows.map((row) => {
      const state = targetState({
        excluded: row.excluded_at !== null,
        fulfilled: row.release_id !== null,
        subscribersTotal: row.subscribers_total,
        subscribersCompliant: row.subscribers_compliant,
        planned: row.planned_release_date !== null && row.estimate !== null,
      });
      return {
        id: row.id,
        campaignId: row.campaign_id,
        serviceId: row.service_id,
        releaseId: row.release_id,
        state,
        plannedReleaseDate: row.planned_release_date,
        assignee: row.assignee,
        estimate: row.estimate ? { ...row.estimate, ...pert(row.estimate) } : null,
        subscribersTotal: row.subscribers_total,
        subscribersCompliant: row.subscribers_compliant,
        overdue: isOverdue(state, today, row.effective_date),
        atRisk: isAtRisk(state, row.planned_release_date, row.effective_date),
        exclusionReason: row.exclusion_reason,
        issueUrl: row.issue_url,
        issueClosedAt: row.issue_closed_at,
        issueState: row.issue_state,
        issueDetail: row.issue_detail,
        addedAt: row.added_at,
        exclusions: row.exclusions.map((e) => ({
          from: new Date(e.from),
          until: e.until ? new Date(e.until) : null,
        })),
        fulfilledAt: row.published_at,
      };
    });
  }
}
