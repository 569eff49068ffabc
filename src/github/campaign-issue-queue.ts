import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
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
  async enqueue(manager: EntityManager, targetIds: string[], now: Date): Promise<number> {
    const { github } = this.config;
    if (!github.credentials || targetIds.length === 0) return 0;
    const rows: { id: string; repository_url: string | null }[] = await manager.query(
      `SELECT t.id, s.repository_url FROM campaign_target t JOIN online_service s ON s.id = t.service_id
        WHERE t.id = ANY($1::uuid[]) AND s.repository_url IS NOT NULL`,
      [targetIds],
    );
    const linked = rows.flatMap((row) => {
      const ref = repositoryOf(row.repository_url, github.webHosts);
      return ref ? [{ id: row.id, repository: ref.fullName }] : [];
    });
    if (linked.length === 0) return 0;
    // A target re-included after its issue was skipped (it was excluded) gets its turn again;
    // an OPENED or FAILED issue is never queued twice.
    await manager.query(
      `INSERT INTO campaign_target_issue (target_id, repository, state, attempts, next_attempt_at, created_at)
       SELECT t.id, t.repository, 'PENDING', 0, $3, $3 FROM unnest($1::uuid[], $2::text[]) AS t(id, repository)
       ON CONFLICT (target_id) DO UPDATE SET state = 'PENDING', detail = NULL, next_attempt_at = EXCLUDED.next_attempt_at
        WHERE campaign_target_issue.state = 'SKIPPED'`,
      [linked.map((l) => l.id), linked.map((l) => l.repository), now],
    );
    return linked.length;
  }
}
