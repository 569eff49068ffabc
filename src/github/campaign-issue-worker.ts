import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { Transactions, type Tx } from '#src/database/transactions';
import { composeIssue, ISSUE_LABEL, issueMarker } from './campaign-issue';
import {
  CampaignTargetIssueRepository,
  type IssueJob,
  type IssueSettlement,
} from './campaign-target-issue.repository';
import { GithubClient, type GithubApi } from './github-client';
import { GITHUB_ACTOR } from './github-deliveries.service';
import { IssueState } from './github-enums';
import { repositoryFromFullName, type RepositoryRef } from './repository-link';
import { retryDelay } from './retry';

export type IssueStep = 'opened' | 'settled' | 'idle' | 'busy' | 'paced';

/**
 * How long a claimed job is left to its worker. No issue is opened after OPEN_BY_MS; the create
 * call itself takes at most about five minutes (30 s per try, three rate-limit waits of up to
 * 60 s): the lease outlasts both with room to spare.
 */
const LEASE_MS = 15 * 60_000;
const OPEN_BY_MS = 2 * 60_000;

type Settlement = IssueSettlement;

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
    private readonly issues: CampaignTargetIssueRepository,
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
    if (!(await this.issues.tryClaimLock(tx.manager))) {
      return 'busy';
    }
    const now = tx.now.getTime();
    const pace = await this.issues.pace(tx.manager, tx.now);
    if (pace.in_flight > 0) {
      return 'busy';
    }
    if (pace.minute >= this.config.github.issuesPerMinute || pace.hour >= this.config.github.issuesPerHour) {
      return 'paced';
    }
    const job = await this.issues.due(tx.manager, tx.now);
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
    await this.issues.lease(tx.manager, job.target_id, job.attempts, job.leased_until);
    return { job, ref: repositoryFromFullName(job.repository)! };
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
  private settle(tx: Tx, job: IssueJob, patch: Settlement): Promise<boolean> {
    return this.issues.settle(tx.manager, job, patch);
  }
}
