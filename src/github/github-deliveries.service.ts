import { Inject, Injectable, Logger } from '@nestjs/common';
import { actorOf, type Actor, type Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { Transactions, type Tx } from '#src/database/transactions';
import { ForgeNamespacesService } from '#src/organisations/forge-namespaces.service';
import { ReleasesService } from '#src/releases/releases.service';
import { markedTarget } from './campaign-issue';
import { CampaignTargetIssueRepository } from './campaign-target-issue.repository';
import { GithubClient } from './github-client';
import { GithubDeliveryRepository } from './github-delivery.repository';
import type { GithubDeliveryEntity } from './github.entity';
import { DeliveryOutcome } from './github-enums';
import { requireDeliveryManager, servicesLinking } from './github.access';
import { importableRelease, type ReleasePayload } from './release-import';
import { repositoryFromFullName, type RepositoryRef } from './repository-link';
import { retryDelay } from './retry';

export const GITHUB_ACTOR: Actor = { kind: 'system', subject: 'github' };

/** A delivery as the webhook route hands it over, after its signature was verified. */
export interface VerifiedDelivery {
  id: string;
  event: string;
  payload: Record<string, unknown>;
}

interface Result {
  outcome: DeliveryOutcome.PROCESSED | DeliveryOutcome.SKIPPED;
  detail: string | null;
}

interface IssuesPayload {
  action?: string;
  issue?: {
    id?: number;
    number?: number;
    html_url?: string;
    body?: string | null;
    closed_at?: string | null;
    updated_at?: string;
  };
  repository?: { full_name?: string };
  sender?: { login?: string };
}

/**
 * Webhook deliveries: stored once per X-GitHub-Delivery id, processed once. A PENDING row is the
 * queue entry; a worker claims it with FOR UPDATE SKIP LOCKED and settles it in the same
 * transaction as the work it causes, so a crash loses nothing and no delivery is processed twice.
 */
@Injectable()
export class GithubDeliveriesService {
  private readonly log = new Logger('GitHub');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: GithubDeliveryRepository,
    private readonly issues: CampaignTargetIssueRepository,
    private readonly transactions: Transactions,
    private readonly releases: ReleasesService,
    private readonly client: GithubClient,
    private readonly clock: Clock,
    private readonly forgeNamespaces: ForgeNamespacesService,
  ) {}

  /** Stores a verified delivery; false when its id was seen before (acknowledged, not processed again). */
  async receive(delivery: VerifiedDelivery): Promise<boolean> {
    const now = this.clock.now();
    const action = typeof delivery.payload.action === 'string' ? delivery.payload.action : null;
    const repository = repositoryFromFullName(
      (delivery.payload.repository as { full_name?: string } | undefined)?.full_name,
    );
    return this.deliveries.insertOnce({
      id: delivery.id,
      event: delivery.event,
      action,
      repository: repository?.fullName ?? null,
      payload: delivery.payload,
      receivedAt: now,
    });
  }

  list(viewer: Viewer, outcome: DeliveryOutcome | null, first: number | null, after: string | null) {
    requireDeliveryManager(viewer);
    return this.deliveries.page(outcome, first, after);
  }

  /** Queues a FAILED or SKIPPED delivery again (e.g. after linking the repository to its service). */
  async replay(viewer: Viewer, id: string): Promise<GithubDeliveryEntity> {
    requireDeliveryManager(viewer);
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const delivery = await this.deliveries.lock(tx.manager, id);
      if (!delivery) {
        throw DomainError.notFound('GithubDelivery', id);
      }
      if (delivery.outcome === DeliveryOutcome.PENDING || delivery.outcome === DeliveryOutcome.PROCESSED) {
        throw DomainError.conflict(
          'DELIVERY_NOT_REPLAYABLE',
          { id, outcome: delivery.outcome },
          { outcome: delivery.outcome },
        );
      }
      const patch = {
        outcome: DeliveryOutcome.PENDING,
        attempts: 0,
        nextAttemptAt: tx.now,
        processedAt: null,
      };
      await this.deliveries.update(tx.manager, id, patch);
      tx.audit('github.replayDelivery', 'GithubDelivery', id, {
        was: delivery.outcome,
        detail: delivery.detail,
      });
      return Object.assign(delivery, patch);
    });
  }

  /** Claims and processes the oldest due delivery; false when none is due. */
  async processNext(): Promise<boolean> {
    let claimed: { id: string; attempts: number } | null = null;
    try {
      return await this.transactions.run(GITHUB_ACTOR, async (tx) => {
        const row = await this.deliveries.claimNext(tx.manager, tx.now);
        if (!row) {
          return false;
        }
        claimed = row;
        const result = await this.handle(tx, row.id, row.event, row.payload);
        await this.deliveries.update(tx.manager, row.id, {
          outcome: result.outcome,
          detail: result.detail?.slice(0, 2_000) ?? null,
          attempts: row.attempts + 1,
          processedAt: tx.now,
        });
        return true;
      });
    } catch (error) {
      if (!claimed) {
        throw error;
      }
      await this.recordFailure(claimed, error);
      return true;
    }
  }

  /** The attempt failed and was rolled back: count it, and try again later or give up. */
  private async recordFailure(delivery: { id: string; attempts: number }, error: unknown): Promise<void> {
    const attempts = delivery.attempts + 1;
    const { maxAttempts, retryDelayMs } = this.config.github;
    const failed = attempts >= maxAttempts;
    const message = error instanceof Error ? error.message : String(error);
    this.log.warn(`delivery ${delivery.id}: attempt ${attempts} failed: ${message}`);
    const now = this.clock.now();
    await this.deliveries.recordFailure(delivery.id, {
      attempts,
      detail: `attempt ${attempts} of ${maxAttempts} failed: ${message}`.slice(0, 2_000),
      outcome: failed ? DeliveryOutcome.FAILED : DeliveryOutcome.PENDING,
      nextAttemptAt: new Date(now.getTime() + retryDelay(retryDelayMs, attempts)),
      processedAt: failed ? now : null,
    });
  }

  private async handle(tx: Tx, id: string, event: string, payload: Record<string, unknown>): Promise<Result> {
    const action = typeof payload.action === 'string' ? payload.action : null;
    if (event === 'ping') {
      return { outcome: DeliveryOutcome.PROCESSED, detail: 'ping: the webhook works' };
    }
    if (event === 'release' && action === 'published') {
      return this.importRelease(tx, id, payload);
    }
    if (event === 'issues' && (action === 'closed' || action === 'reopened')) {
      return this.recordIssue(tx, payload);
    }
    return {
      outcome: DeliveryOutcome.SKIPPED,
      detail: `${event}${action ? `.${action}` : ''} is not used (the registry reads release.published, issues.closed and issues.reopened)`,
    };
  }

  /** release.published: a DRAFT of each service that links the repository. */
  private async importRelease(tx: Tx, id: string, payload: ReleasePayload): Promise<Result> {
    const repository = repositoryFromFullName(
      (payload as { repository?: { full_name?: string } }).repository?.full_name,
    );
    if (!repository) {
      return { outcome: DeliveryOutcome.SKIPPED, detail: 'the payload names no repository' };
    }
    const { linking, mapped: serviceIds } = await this.servicesLinking(tx, repository.fullName);
    if (linking.length === 0) {
      return {
        outcome: DeliveryOutcome.SKIPPED,
        detail: `no service links ${repository.fullName} (its repositoryUrl)`,
      };
    }
    if (serviceIds.length === 0) {
      // Stored and skipped: a replay after an OPERATOR mapped the namespace creates the draft.
      return {
        outcome: DeliveryOutcome.SKIPPED,
        detail: `${repository.fullName} lies in no namespace mapped to the owner of the service linking it (mapForgeNamespace)`,
      };
    }
    let importable = importableRelease(payload, id);
    if ('assetsMissing' in importable && this.client.enabled && payload.release?.id) {
      // Assets are often uploaded after publishing: GitHub's current view of the release may have them.
      const assets = await this.currentAssets(repository, payload.release.id);
      if (assets) {
        importable = importableRelease({ ...payload, release: { ...payload.release, assets } }, id);
      }
    }
    if ('skipped' in importable) {
      return { outcome: DeliveryOutcome.SKIPPED, detail: importable.skipped };
    }
    const created: string[] = [];
    const skipped: string[] = [];
    for (const serviceId of serviceIds) {
      const result = await this.releases.createImported(tx, serviceId, importable);
      if ('release' in result) {
        created.push(result.release.id);
      } else {
        skipped.push(result.skipped);
      }
    }
    if (created.length === 0) {
      return { outcome: DeliveryOutcome.SKIPPED, detail: skipped.join('; ') };
    }
    return {
      outcome: DeliveryOutcome.PROCESSED,
      detail: [`draft ${importable.version} created (release ${created.join(', ')})`, ...skipped].join('; '),
    };
  }

  /** The release's assets as GitHub has them now; null when GitHub does not know the release (any more). */
  private async currentAssets(repository: RepositoryRef, releaseId: number) {
    try {
      const api = await this.client.forRepository(repository);
      const { data } = await api.request('GET /repos/{owner}/{repo}/releases/{release_id}', {
        owner: repository.owner,
        repo: repository.repo,
        release_id: releaseId,
      });
      return data.assets;
    } catch (error) {
      // Deleted, or the App is not installed there: the payload's view stands. Anything else is retried.
      if ((error as { status?: number }).status === 404) {
        this.client.forget(repository);
        return null;
      }
      throw error;
    }
  }

  /**
   * The services whose repositoryUrl links the repository, and of them those whose owner has its
   * namespace mapped: only those get drafts from its deliveries.
   */
  private async servicesLinking(tx: Tx, fullName: string): Promise<{ linking: string[]; mapped: string[] }> {
    // A cheap filter in SQL, the exact rule in servicesLinking.
    const candidates = await this.deliveries.candidatesLinking(tx.manager, fullName);
    const linking = servicesLinking(candidates, fullName, this.config.github.webHosts);
    const mapped = await this.forgeNamespaces.mappedForOwners(
      tx.manager,
      candidates.filter((candidate) => linking.includes(candidate.id)),
    );
    return { linking, mapped: linking.filter((id) => mapped.has(id)) };
  }

  /**
   * issues.closed / issues.reopened on a campaign target's issue: recorded, the target's state
   * untouched. Matched by GitHub's issue id (it survives a renamed repository), else by number;
   * an event older than the last one applied (a retried or replayed delivery) changes nothing.
   */
  private async recordIssue(tx: Tx, payload: IssuesPayload): Promise<Result> {
    const repository = repositoryFromFullName(payload.repository?.full_name);
    const number = payload.issue?.number;
    if (!repository || typeof number !== 'number') {
      return { outcome: DeliveryOutcome.SKIPPED, detail: 'the payload names no issue' };
    }
    const name = `${repository.fullName}#${number}`;
    const issue = await this.issues.lockByIssue(
      tx.manager,
      repository.fullName,
      number,
      payload.issue?.id ?? null,
    );
    if (!issue) {
      // Ours, but not recorded yet (its answer was lost, or it is being recorded right now): the
      // delivery is tried again later, when the worker has found it by its marker.
      const marked = markedTarget(payload.issue?.body);
      if (marked) {
        if (await this.issues.isPending(tx.manager, marked)) {
          throw new Error(`${name} belongs to target ${marked}, whose issue is not recorded yet`);
        }
      }
      return { outcome: DeliveryOutcome.SKIPPED, detail: `${name} is not a campaign issue` };
    }
    const closed = payload.action === 'closed';
    const eventAt = new Date(
      payload.issue?.updated_at ?? (closed ? payload.issue?.closed_at : null) ?? tx.now.toISOString(),
    );
    if (issue.issue_event_at && issue.issue_event_at > eventAt) {
      return {
        outcome: DeliveryOutcome.SKIPPED,
        detail: `${name} ${payload.action} at ${eventAt.toISOString()} is older than the last event applied`,
      };
    }
    const closedAt = closed ? new Date(payload.issue?.closed_at ?? eventAt.toISOString()) : null;
    await this.issues.recordClosing(tx.manager, issue.target_id, closedAt, eventAt);
    tx.audit(closed ? 'campaign.issueClosed' : 'campaign.issueReopened', 'Campaign', issue.campaign_id, {
      target: issue.target_id,
      issue: payload.issue?.html_url ?? name,
      sender: payload.sender?.login,
    });
    return {
      outcome: DeliveryOutcome.PROCESSED,
      detail: `${name} ${payload.action}: recorded on target ${issue.target_id}`,
    };
  }
}
