import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { CampaignTargetIssueRepository } from './campaign-target-issue.repository';
import { IssueState } from './github-enums';
import { repositoryOf } from './repository-link';

/** The issue states a retry queues again (without a row, it queues the first issue). */
const RETRIED: IssueState[] = [IssueState.SKIPPED, IssueState.FAILED];

/**
 * Queues one issue per campaign target whose service links a GitHub repository, in the
 * transaction that opens the campaign or adds the target (a transactional outbox: the issue is
 * queued exactly when the target exists). The worker (CampaignIssueWorker) opens it on GitHub.
 */
@Injectable()
export class CampaignIssueQueue {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly issues: CampaignTargetIssueRepository,
  ) {}

  /** Without GitHub credentials nothing is queued: the integration is off. */
  async enqueue(
    manager: EntityManager,
    targetIds: readonly string[],
    now: Date,
    /** Rows in these states are queued again (with the service's current repository). */
    requeue: IssueState[] = [IssueState.SKIPPED],
  ): Promise<number> {
    const { github } = this.config;
    if (!github.credentials || targetIds.length === 0) {
      return 0;
    }
    const rows = await this.issues.linkedTargets(manager, targetIds);
    const linked = rows.flatMap((row) => {
      const ref = repositoryOf(row.repository_url, github.webHosts);
      return ref ? [{ id: row.id, repository: ref.fullName }] : [];
    });
    if (linked.length === 0) {
      return 0;
    }
    // A target re-included after its issue was skipped (it was excluded) gets its turn again;
    // an OPENED issue is never queued twice.
    return this.issues.queue(manager, linked, now, requeue);
  }

  /**
   * Queues one target's issue again: a FAILED or SKIPPED one, or a first one when the repository
   * was linked after the target was made. An issue PENDING or OPENED is left as it is.
   * `retryable` answers the same question for many targets without writing.
   */
  async retry(
    manager: EntityManager,
    targetId: string,
    now: Date,
  ): Promise<'queued' | 'off' | 'unlinked' | IssueState.PENDING | IssueState.OPENED> {
    if (!this.config.github.credentials) {
      return 'off';
    }
    const current = await this.issues.lockState(manager, targetId);
    if (current === IssueState.PENDING || current === IssueState.OPENED) {
      return current;
    }
    // The service's repository as it is now: a FAILED issue may have failed on a wrong URL.
    const queued = await this.enqueue(manager, [targetId], now, RETRIED);
    return queued > 0 ? 'queued' : 'unlinked';
  }

  /**
   * The targets among the ids whose issue `retry` would queue now (GitHub configured, a
   * repository the service links, no issue or one FAILED or SKIPPED); one statement, no lock.
   * For `CampaignTarget.viewerActions`, through the campaigns' CampaignIssueFacts port.
   */
  async retryable(targetIds: readonly string[]): Promise<Set<string>> {
    const { github } = this.config;
    if (!github.credentials || targetIds.length === 0) {
      return new Set();
    }
    const rows = await this.issues.retryFacts(targetIds);
    return new Set(
      rows
        .filter(
          (row) =>
            (row.state === null || RETRIED.includes(row.state)) &&
            repositoryOf(row.repository_url, github.webHosts) !== null,
        )
        .map((row) => row.id),
    );
  }
}
