import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { Transactions, type Tx } from '#src/database/transactions';
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
  leased_until: Date | null;
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

/**
 * How long a claimed job is left to its worker. No issue is opened after OPEN_BY_MS; the create
 * call itself takes at most about five minutes (30 s per try, three rate-limit waits of up to
 * 60 s): the lease outlasts both with room to spare.
 */
const LEASE_MS = 15 * 60_000;
const OPEN_BY_MS = 2 * 60_000;

interface Settlement {
  state: IssueState;
  detail: string | null;
  nextAttemptAt?: Date;
  issueId?: string;
  issueNumber?: number;
  issueUrl?: string;
  openedAt?: Date;
  closedAt?: Date | null;
  issueEventAt?: Date | null;
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly client: GithubClient,
  ) {}

  /**
   * Opens (or settles) the next due issue, in three steps:
   * 1. a short transaction claims the job under a lease (attempt counted, committed);
   * 2. GitHub is called outside any transaction;
   * 3. a short transaction records the outcome, if the lease is still ours.
   * A worker that dies in step 2 leaves the job leased: nobody else touches it before the lease
   * ends, and the next attempt finds an issue the dead one opened by its marker.
   */
  async openNext(): Promise<IssueStep> {
    if (!this.client.enabled) {
      return 'idle';
    }
    const claimed = await this.transactions.run(GITHUB_ACTOR, (tx) => this.claim(tx));
    if (typeof claimed === 'string') {
      return claimed;
    }
    const { job, ref } = claimed;
    const started = process.hrtime.bigint();
    let outcome: Settlement;
    let issueUrl: string | null = null;
    let foundAgain = false;
    try {
      const api = await this.client.forRepository(ref);
      const found = await this.findOpened(api, ref, job);
      // Never open an issue after the lease may have ended: another worker may own the job by then.
      if (!found && Number(process.hrtime.bigint() - started) / 1e6 > OPEN_BY_MS) {
        throw new Error('GitHub answered too slowly; opening the issue is left to the next attempt');
      }
      const issue = found ?? (await this.open(api, ref, job));
      const closed = issue.state === 'closed';
      issueUrl = issue.html_url;
      foundAgain = Boolean(found);
      outcome = {
        state: IssueState.OPENED,
        detail: found ? 'found an issue opened before' : null,
        issueId: String(issue.id),
        issueNumber: issue.number,
        issueUrl: issue.html_url,
        // Found again already closed: recorded as GitHub has it.
        closedAt: closed && issue.closed_at ? new Date(issue.closed_at) : null,
        issueEventAt: found ? new Date(issue.updated_at) : null,
      };
    } catch (error) {
      outcome = this.failure(job, ref, error);
    }
    return this.transactions.run(GITHUB_ACTOR, async (tx) => {
      const settled = await this.settle(tx, job, {
        ...outcome,
        openedAt: outcome.state === IssueState.OPENED ? tx.now : undefined,
        nextAttemptAt: outcome.state === IssueState.PENDING ? this.retryAt(tx.now, job.attempts) : undefined,
      });
      if (!settled) {
        this.log.warn(
          `issue for target ${job.target_id}: the lease ended before the answer; left to its new owner`,
        );
        return 'settled';
      }
      if (outcome.state !== IssueState.OPENED) {
        return 'settled';
      }
      tx.audit('campaign.issueOpened', 'Campaign', job.campaign_id, {
        target: job.target_id,
        issue: issueUrl,
        foundAgain,
      });
      return 'opened';
    });
  }

  /**
   * Step 1: one claim at a time across instances (an advisory lock), one issue in flight at a time
   * (GitHub asks for serial writes), the pace of the last minute and hour respected.
   */
  private async claim(tx: Tx): Promise<IssueStep | { job: IssueJob; ref: RepositoryRef }> {
    const [{ locked }]: { locked: boolean }[] = await tx.manager.query(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [ISSUE_CREATION_LOCK],
    );
    if (!locked) {
      return 'busy';
    }
    const now = tx.now.getTime();
    const [pace]: { minute: number; hour: number; in_flight: number }[] = await tx.manager.query(
      `SELECT count(*) FILTER (WHERE opened_at > $1)::int AS minute,
              count(*) FILTER (WHERE opened_at > $2)::int AS hour,
              count(*) FILTER (WHERE leased_until > $3)::int AS in_flight
         FROM campaign_target_issue WHERE opened_at > $2 OR leased_until > $3`,
      [new Date(now - 60_000), new Date(now - 3_600_000), tx.now],
    );
    if (pace.in_flight > 0) {
      return 'busy';
    }
    if (pace.minute >= this.config.github.issuesPerMinute || pace.hour >= this.config.github.issuesPerHour) {
      return 'paced';
    }
    const job = await this.due(tx);
    if (!job) {
      return 'idle';
    }
    if (job.attempts >= this.config.github.maxAttempts) {
      // Its attempts ended without an answer (workers died, or recording failed): it stops here.
      await this.settle(tx, job, {
        state: IssueState.FAILED,
        detail: `no outcome after ${job.attempts} attempts (the workers stopped or could not record it)`,
      });
      return 'settled';
    }
    if (job.excluded_at || job.campaign_state !== 'ACTIVE') {
      await this.settle(tx, job, {
        state: IssueState.SKIPPED,
        detail: job.excluded_at ? 'the target is excluded' : `the campaign is ${job.campaign_state}`,
      });
      return 'settled';
    }
    job.attempts += 1;
    // The lease's end is also its token: only this claim can settle the row while it lasts.
    job.leased_until = new Date(now + LEASE_MS);
    await tx.manager.query(
      `UPDATE campaign_target_issue SET attempts = $2, leased_until = $3, next_attempt_at = $3 WHERE target_id = $1`,
      [job.target_id, job.attempts, job.leased_until],
    );
    return { job, ref: repositoryFromFullName(job.repository)! };
  }

  private async due(tx: Tx): Promise<IssueJob | null> {
    const [job]: IssueJob[] = await tx.manager.query(
      `SELECT i.target_id, i.repository, i.attempts, i.created_at, i.leased_until, c.id AS campaign_id, c.title AS campaign_title,
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

  /** A failed attempt: tried again later, or FAILED when retrying cannot help or attempts are used up. */
  private failure(job: IssueJob, ref: RepositoryRef, error: unknown): Pick<Settlement, 'state' | 'detail'> {
    const status = statusOf(error);
    // 401/404 may be a stale installation (the App was reinstalled): forgotten, and tried once more.
    if (status === 401 || status === 404) {
      this.client.forget(ref);
    }
    const permanent =
      (status !== null && [410, 422].includes(status)) ||
      ((status === 401 || status === 404) && job.attempts >= 2);
    const message = error instanceof Error ? error.message : String(error);
    this.log.warn(
      `issue for target ${job.target_id} in ${job.repository}: attempt ${job.attempts} failed: ${message}`,
    );
    return {
      state:
        permanent || job.attempts >= this.config.github.maxAttempts ? IssueState.FAILED : IssueState.PENDING,
      detail: `attempt ${job.attempts} failed${status ? ` (HTTP ${status})` : ''}: ${message}`.slice(
        0,
        2_000,
      ),
    };
  }

  private retryAt(now: Date, attempts: number): Date {
    return new Date(now.getTime() + retryDelay(this.config.github.retryDelayMs, attempts));
  }

  /** Records the outcome if the job is still this attempt's (its lease was not taken over); false otherwise. */
  private async settle(tx: Tx, job: IssueJob, patch: Settlement): Promise<boolean> {
    const rows: unknown[] = await tx.manager.query(
      `WITH settled AS (
         UPDATE campaign_target_issue
            SET state = $3, detail = $4, next_attempt_at = coalesce($5, next_attempt_at), leased_until = NULL,
                issue_id = $6, issue_number = $7, issue_url = $8, opened_at = $9, closed_at = $10, issue_event_at = $11
          WHERE target_id = $1 AND attempts = $2 AND state = 'PENDING' AND leased_until IS NOT DISTINCT FROM $12
          RETURNING target_id)
       SELECT * FROM settled`,
      [
        job.target_id,
        job.attempts,
        patch.state,
        patch.detail ?? null,
        patch.nextAttemptAt ?? null,
        patch.issueId ?? null,
        patch.issueNumber ?? null,
        patch.issueUrl ?? null,
        patch.openedAt ?? null,
        patch.closedAt ?? null,
        patch.issueEventAt ?? null,
        job.leased_until,
      ],
    );
    return rows.length > 0;
  }
}
