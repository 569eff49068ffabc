import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/viewer';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { paginate } from '../common/graphql/pagination';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Transactions, type Tx } from '../database/transactions';
import { ReleasesService } from '../releases/releases.service';
import { GithubDeliveryEntity } from './github.entity';
import { DeliveryOutcome } from './github-enums';
import { importableRelease, type ReleasePayload } from './release-import';
import { repositoryFromFullName, repositoryOf } from './repository-link';
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
  issue?: { number?: number; html_url?: string; closed_at?: string | null };
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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly releases: ReleasesService,
    private readonly clock: Clock,
  ) {}

  /** Stores a verified delivery; false when its id was seen before (acknowledged, not processed again). */
  async receive(delivery: VerifiedDelivery): Promise<boolean> {
    const now = this.clock.now();
    const action = typeof delivery.payload.action === 'string' ? delivery.payload.action : null;
    const repository = repositoryFromFullName(
      (delivery.payload.repository as { full_name?: string } | undefined)?.full_name,
    );
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO github_delivery (id, event, action, repository, payload, received_at, outcome, attempts, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', 0, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [delivery.id, delivery.event, action, repository?.fullName ?? null, delivery.payload, now],
    );
    return inserted.length > 0;
  }

  list(outcome: DeliveryOutcome | null, first: number | null, after: string | null) {
    const query = this.db.getRepository(GithubDeliveryEntity).createQueryBuilder('d');
    if (outcome) query.where('d.outcome = :outcome', { outcome });
    return paginate(query, { first, after }, [
      {
        expression: 'd.received_at',
        direction: 'DESC',
        type: 'text',
        value: (d) => d.receivedAt.toISOString(),
      },
      { expression: 'd.id', direction: 'DESC', type: 'text', value: (d) => d.id },
    ]);
  }

  /** Queues a FAILED or SKIPPED delivery again (e.g. after linking the repository to its service). */
  async replay(actor: Actor, id: string): Promise<GithubDeliveryEntity> {
    return this.transactions.run(actor, async (tx) => {
      const delivery = await tx.manager.findOne(GithubDeliveryEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery) throw DomainError.notFound('GithubDelivery', id);
      if (delivery.outcome === DeliveryOutcome.PENDING || delivery.outcome === DeliveryOutcome.PROCESSED) {
        throw DomainError.conflict(
          `Delivery ${id} is ${delivery.outcome}: only FAILED and SKIPPED deliveries are replayed`,
          { outcome: delivery.outcome },
        );
      }
      const patch = {
        outcome: DeliveryOutcome.PENDING,
        attempts: 0,
        nextAttemptAt: tx.now,
        processedAt: null,
      };
      await tx.manager.update(GithubDeliveryEntity, { id }, patch);
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
        const [row]: { id: string; event: string; payload: Record<string, unknown>; attempts: number }[] =
          await tx.manager.query(
            `SELECT id, event, payload, attempts FROM github_delivery
              WHERE outcome = 'PENDING' AND next_attempt_at <= $1
              ORDER BY next_attempt_at, received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
            [tx.now],
          );
        if (!row) return false;
        claimed = row;
        const result = await this.handle(tx, row.id, row.event, row.payload);
        await tx.manager.update(
          GithubDeliveryEntity,
          { id: row.id },
          {
            outcome: result.outcome,
            detail: result.detail?.slice(0, 2_000) ?? null,
            attempts: row.attempts + 1,
            processedAt: tx.now,
          },
        );
        return true;
      });
    } catch (error) {
      if (!claimed) throw error;
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
    await this.db.query(
      `UPDATE github_delivery SET attempts = $2, detail = $3, outcome = $4, next_attempt_at = $5, processed_at = $6
        WHERE id = $1 AND outcome = 'PENDING'`,
      [
        delivery.id,
        attempts,
        `attempt ${attempts} of ${maxAttempts} failed: ${message}`.slice(0, 2_000),
        failed ? DeliveryOutcome.FAILED : DeliveryOutcome.PENDING,
        new Date(now.getTime() + retryDelay(retryDelayMs, attempts)),
        failed ? now : null,
      ],
    );
  }

  private async handle(tx: Tx, id: string, event: string, payload: Record<string, unknown>): Promise<Result> {
    const action = typeof payload.action === 'string' ? payload.action : null;
    if (event === 'ping') return { outcome: DeliveryOutcome.PROCESSED, detail: 'ping: the webhook works' };
    if (event === 'release' && action === 'published') return this.importRelease(tx, id, payload);
    if (event === 'issues' && (action === 'closed' || action === 'reopened'))
      return this.recordIssue(tx, payload);
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
    if (!repository) return { outcome: DeliveryOutcome.SKIPPED, detail: 'the payload names no repository' };
    const serviceIds = await this.servicesLinking(tx, repository.fullName);
    if (serviceIds.length === 0) {
      return {
        outcome: DeliveryOutcome.SKIPPED,
        detail: `no service links ${repository.fullName} (its repositoryUrl)`,
      };
    }
    const importable = importableRelease(payload, id);
    if ('skipped' in importable) return { outcome: DeliveryOutcome.SKIPPED, detail: importable.skipped };
    const created: string[] = [];
    const skipped: string[] = [];
    for (const serviceId of serviceIds) {
      const result = await this.releases.createImported(tx, serviceId, importable);
      if ('release' in result) created.push(result.release.id);
      else skipped.push(result.skipped);
    }
    if (created.length === 0) return { outcome: DeliveryOutcome.SKIPPED, detail: skipped.join('; ') };
    return {
      outcome: DeliveryOutcome.PROCESSED,
      detail: [`draft ${importable.version} created (release ${created.join(', ')})`, ...skipped].join('; '),
    };
  }

  private async servicesLinking(tx: Tx, fullName: string): Promise<string[]> {
    // A cheap filter in SQL, the exact rule in repositoryOf.
    const candidates: { id: string; repository_url: string }[] = await tx.manager.query(
      `SELECT id, repository_url FROM online_service
        WHERE repository_url IS NOT NULL AND strpos(lower(repository_url), $1) > 0 ORDER BY slug`,
      [fullName],
    );
    return candidates
      .filter((s) => repositoryOf(s.repository_url, this.config.github.webHosts)?.fullName === fullName)
      .map((s) => s.id);
  }

  /** issues.closed / issues.reopened on a campaign target's issue: recorded, the target's state untouched. */
  private async recordIssue(tx: Tx, payload: IssuesPayload): Promise<Result> {
    const repository = repositoryFromFullName(payload.repository?.full_name);
    const number = payload.issue?.number;
    if (!repository || typeof number !== 'number')
      return { outcome: DeliveryOutcome.SKIPPED, detail: 'the payload names no issue' };
    const closedAt =
      payload.action === 'closed' ? new Date(payload.issue?.closed_at ?? tx.now.toISOString()) : null;
    const rows: { target_id: string; campaign_id: string }[] = await tx.manager.query(
      // In a CTE: TypeORM answers a bare UPDATE with [rows, count].
      `WITH updated AS (
         UPDATE campaign_target_issue i SET closed_at = $3 FROM campaign_target t
          WHERE i.repository = $1 AND i.issue_number = $2 AND t.id = i.target_id
          RETURNING i.target_id, t.campaign_id)
       SELECT * FROM updated`,
      [repository.fullName, number, closedAt],
    );
    if (rows.length === 0) {
      return {
        outcome: DeliveryOutcome.SKIPPED,
        detail: `${repository.fullName}#${number} is not a campaign issue`,
      };
    }
    const [{ target_id: target, campaign_id: campaign }] = rows;
    tx.audit(
      payload.action === 'closed' ? 'campaign.issueClosed' : 'campaign.issueReopened',
      'Campaign',
      campaign,
      {
        target,
        issue: payload.issue?.html_url ?? `${repository.fullName}#${number}`,
        sender: payload.sender?.login,
      },
    );
    return {
      outcome: DeliveryOutcome.PROCESSED,
      detail: `${repository.fullName}#${number} ${payload.action}: recorded on target ${target}`,
    };
  }
}
