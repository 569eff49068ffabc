import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Transactions, type Tx } from '../database/transactions';
import { composeIssue, ISSUE_LABEL, issueMarker } from './campaign-issue';
import { GithubClient, type GithubApi } from './github-client';
import { GITHUB_ACTOR } from './github-deliveries.service';
import { IssueState } from './github-enums';
import { repositoryFromFullName, type RepositoryRef } from './repository-link';
import { retryDelay } from './retry';

/** One issue at a time across all instances (GitHub asks for serial writes): this advisory lock. */
const ISSUE_CREATION_LOCK = 7_238_110_024_008;

export type IssueStep = 'opened' | 'settled' | 'idle' | 'busy' | 'paced';

interface IssueJob {
  target_id: string;
  repository: string;
  attempts: number;
  created_at: Date;
  campaign_id: string;
  campaign_title: string;
  campaign_description: string | null;
  campaign_state: string;
  provisions: string[];
  effective_date: string;
  amendment: string | null;
  excluded_at: Date | null;
  norm_abbreviation: string;
  norm_title: string;
  norm_url: string | null;
  service_name: string;
}

/** GitHub's error of a failed call, as far as the job needs it. */
function statusOf(error: unknown): number | null {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : null;
}

/**
 * Opens the queued issues of campaign targets, one at a time and paced below GitHub's content
 * limits. At most one issue per target ever: the queue row (primary key: the target) is locked
 * while its issue is opened, and an issue opened before a crash or a lost response is found again
 * by the marker in its body before a new one is opened.
 */
@Injectable()
export class CampaignIssueWorker {
  private readonly log = new Logger('GitHub');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly client: GithubClient,
    private readonly clock: Clock,
  ) {}

  /** Opens (or settles) the next due issue. */
  async openNext(): Promise<IssueStep> {
    if (!this.client.enabled) return 'idle';
    return this.transactions.run(GITHUB_ACTOR, async (tx) => {
      const [{ locked }]: { locked: boolean }[] = await tx.manager.query(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [ISSUE_CREATION_LOCK],
      );
      if (!locked) return 'busy';
      if (await this.paced(tx)) return 'paced';
      const job = await this.claim(tx);
      if (!job) return 'idle';
      if (job.excluded_at || job.campaign_state !== 'ACTIVE') {
        await this.settle(tx, job, {
          state: IssueState.SKIPPED,
          detail: job.excluded_at ? 'the target is excluded' : `the campaign is ${job.campaign_state}`,
        });
        return 'settled';
      }
      const ref = repositoryFromFullName(job.repository)!;
      // Whatever fails below (GitHub, or the database) is rolled back to here and counted as an
      // attempt: the row moves on, and one bad job cannot block the queue.
      await tx.manager.query('SAVEPOINT open_issue');
      try {
        const api = await this.client.forRepository(ref);
        const found = await this.findOpened(api, ref, job);
        const issue = found ?? (await this.open(api, ref, job));
        await this.settle(tx, job, {
          state: IssueState.OPENED,
          detail: found ? 'found an issue opened before' : null,
          issueId: String(issue.id),
          issueNumber: issue.number,
          issueUrl: issue.html_url,
          openedAt: tx.now,
        });
        tx.audit('campaign.issueOpened', 'Campaign', job.campaign_id, {
          target: job.target_id,
          issue: issue.html_url,
          foundAgain: Boolean(found),
        });
        return 'opened';
      } catch (error) {
        await tx.manager.query('ROLLBACK TO SAVEPOINT open_issue');
        await this.failed(tx, job, ref, error);
        return 'settled';
      }
    });
  }

  /** Issues opened in the last minute and hour, across instances, against the configured pace. */
  private async paced(tx: Tx): Promise<boolean> {
    const now = tx.now.getTime();
    const [pace]: { minute: number; hour: number }[] = await tx.manager.query(
      `SELECT count(*) FILTER (WHERE opened_at > $1)::int AS minute, count(*)::int AS hour
         FROM campaign_target_issue WHERE opened_at > $2`,
      [new Date(now - 60_000), new Date(now - 3_600_000)],
    );
    return pace.minute >= this.config.github.issuesPerMinute || pace.hour >= this.config.github.issuesPerHour;
  }

  private async claim(tx: Tx): Promise<IssueJob | null> {
    const [job]: IssueJob[] = await tx.manager.query(
      `SELECT i.target_id, i.repository, i.attempts, i.created_at, c.id AS campaign_id, c.title AS campaign_title,
              c.description AS campaign_description, c.state AS campaign_state, c.provisions,
              c.effective_date::text AS effective_date, c.amendment, t.excluded_at,
              n.abbreviation AS norm_abbreviation, n.title AS norm_title, n.url AS norm_url, s.name AS service_name
         FROM campaign_target_issue i
         JOIN campaign_target t ON t.id = i.target_id
         JOIN campaign c ON c.id = t.campaign_id
         JOIN legal_norm n ON n.id = c.norm_id
         JOIN online_service s ON s.id = t.service_id
        WHERE i.state = 'PENDING' AND i.next_attempt_at <= $1
        ORDER BY i.next_attempt_at, i.target_id LIMIT 1
          FOR UPDATE OF i SKIP LOCKED`,
      [tx.now],
    );
    return job ?? null;
  }

  /**
   * An issue with this target's marker, opened by an attempt whose answer was lost. Not by label
   * (GitHub drops labels a caller may not set, and people remove them), and from a day before
   * the target was queued: GitHub's clock and ours differ, and it keeps whole seconds only.
   */
  private async findOpened(api: GithubApi, ref: RepositoryRef, job: IssueJob) {
    const marker = issueMarker(job.target_id);
    const issues = await api.paginate('GET /repos/{owner}/{repo}/issues', {
      owner: ref.owner,
      repo: ref.repo,
      state: 'all',
      since: new Date(job.created_at.getTime() - 86_400_000).toISOString(),
      per_page: 100,
    });
    // The marker ends the body; campaign text cannot forge it (composeIssue defuses comments).
    return issues.find((issue) => !issue.pull_request && issue.body?.trimEnd().endsWith(marker)) ?? null;
  }

  private async open(api: GithubApi, ref: RepositoryRef, job: IssueJob) {
    const { title, body } = composeIssue({
      targetId: job.target_id,
      campaignId: job.campaign_id,
      campaignTitle: job.campaign_title,
      description: job.campaign_description,
      norm: { abbreviation: job.norm_abbreviation, title: job.norm_title, url: job.norm_url },
      provisions: job.provisions,
      effectiveDate: job.effective_date,
      amendment: job.amendment,
      serviceName: job.service_name,
      publicUrl: this.config.publicUrl,
    });
    const { data } = await api.request('POST /repos/{owner}/{repo}/issues', {
      owner: ref.owner,
      repo: ref.repo,
      title,
      body,
      labels: [ISSUE_LABEL],
      // Never repeated blindly: an answer lost after GitHub opened the issue would open a second
      // one. The job is retried instead, and its lookup finds the first. Rate limits are retried
      // by the throttling plugin: GitHub refused those requests, nothing was opened.
      request: { retries: 0 },
    });
    return data;
  }

  private async failed(tx: Tx, job: IssueJob, ref: RepositoryRef, error: unknown): Promise<void> {
    const status = statusOf(error);
    if (status === 404) this.client.forget(ref);
    const attempts = job.attempts + 1;
    // Refusals that a retry cannot change: no access, no such repository, issues turned off.
    const permanent = status !== null && [401, 404, 410, 422].includes(status);
    const message = error instanceof Error ? error.message : String(error);
    const last = permanent || attempts >= this.config.github.maxAttempts;
    this.log.warn(
      `issue for target ${job.target_id} in ${job.repository}: attempt ${attempts} failed: ${message}`,
    );
    await this.settle(tx, job, {
      state: last ? IssueState.FAILED : IssueState.PENDING,
      detail: `attempt ${attempts} failed${status ? ` (HTTP ${status})` : ''}: ${message}`.slice(0, 2_000),
      attempts,
      nextAttemptAt: new Date(tx.now.getTime() + retryDelay(this.config.github.retryDelayMs, attempts)),
    });
  }

  private async settle(
    tx: Tx,
    job: IssueJob,
    patch: {
      state: IssueState;
      detail: string | null;
      attempts?: number;
      nextAttemptAt?: Date;
      issueId?: string;
      issueNumber?: number;
      issueUrl?: string;
      openedAt?: Date;
    },
  ): Promise<void> {
    await tx.manager.query(
      `UPDATE campaign_target_issue
          SET state = $2, detail = $3, attempts = $4, next_attempt_at = coalesce($5, next_attempt_at),
              issue_number = $6, issue_url = $7, opened_at = $8, issue_id = $9
        WHERE target_id = $1`,
      [
        job.target_id,
        patch.state,
        patch.detail,
        patch.attempts ?? job.attempts + 1,
        patch.nextAttemptAt ?? null,
        patch.issueNumber ?? null,
        patch.issueUrl ?? null,
        patch.openedAt ?? null,
        patch.issueId ?? null,
      ],
    );
  }
}
