import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { IssueState } from './github-enums';
import { repositoryOf } from './repository-link';

/**
 * Queues one issue per campaign target whose service links a GitHub repository, in the
 * transaction that opens the campaign or adds the target (a transactional outbox: the issue is
 * queued exactly when the target exists). The worker (CampaignIssueWorker) opens it on GitHub.
 */
@Injectable()
export class CampaignIssueQueue {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Without GitHub credentials nothing is queued: the integration is off. */
  async enqueue(
    manager: EntityManager,
    targetIds: string[],
    now: Date,
    /** Rows in these states are queued again (with the service's current repository). */
    requeue: IssueState[] = [IssueState.SKIPPED],
  ): Promise<number> {
    const { github } = this.config;
    if (!github.credentials || targetIds.length === 0) {
      return 0;
    }
    const rows: { id: string; repository_url: string | null }[] = await manager.query(
      `SELECT t.id, s.repository_url FROM campaign_target t JOIN online_service s ON s.id = t.service_id
        WHERE t.id = ANY($1::uuid[]) AND s.repository_url IS NOT NULL`,
      [targetIds],
    );
    const linked = rows.flatMap((row) => {
      const ref = repositoryOf(row.repository_url, github.webHosts);
      return ref ? [{ id: row.id, repository: ref.fullName }] : [];
    });
    if (linked.length === 0) {
      return 0;
    }
    // A target re-included after its issue was skipped (it was excluded) gets its turn again;
    // an OPENED issue is never queued twice.
    const queued: unknown[] = await manager.query(
      `INSERT INTO campaign_target_issue (target_id, repository, state, attempts, next_attempt_at, created_at)
       SELECT t.id, t.repository, 'PENDING', 0, $3, $3 FROM unnest($1::uuid[], $2::text[]) AS t(id, repository)
       ON CONFLICT (target_id) DO UPDATE
         SET state = 'PENDING', repository = EXCLUDED.repository, detail = NULL, attempts = 0,
             next_attempt_at = EXCLUDED.next_attempt_at
       WHERE campaign_target_issue.state = ANY($4::text[])
       RETURNING target_id`,
      [linked.map((l) => l.id), linked.map((l) => l.repository), now, requeue],
    );
    return queued.length;
  }

  /**
   * Queues one target's issue again: a FAILED or SKIPPED one, or a first one when the repository
   * was linked after the target was made. An issue PENDING or OPENED is left as it is.
   */
  async retry(
    manager: EntityManager,
    targetId: string,
    now: Date,
  ): Promise<'queued' | 'off' | 'unlinked' | IssueState.PENDING | IssueState.OPENED> {
    if (!this.config.github.credentials) {
      return 'off';
    }
    const [current]: { state: IssueState }[] = await manager.query(
      'SELECT state FROM campaign_target_issue WHERE target_id = $1 FOR UPDATE',
      [targetId],
    );
    if (current?.state === IssueState.PENDING || current?.state === IssueState.OPENED) {
      return current.state;
    }
    // The service's repository as it is now: a FAILED issue may have failed on a wrong URL.
    const queued = await this.enqueue(manager, [targetId], now, [IssueState.SKIPPED, IssueState.FAILED]);
    return queued > 0 ? 'queued' : 'unlinked';
  }
}
