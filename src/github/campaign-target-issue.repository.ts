import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { campaignSql } from '#src/campaigns/campaign.repository';
import { normSql, serviceSql } from '#src/catalogue/service.sql';
import { CampaignTargetIssueEntity } from './github.entity';
import { IssueState } from './github-enums';

/** One issue at a time across all instances (GitHub asks for serial writes): this advisory lock. */
const ISSUE_CREATION_LOCK = 7_238_110_024_008;

/** A due job with what its issue tells: the campaign, the norm, the service. */
export interface IssueJob {
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

/** What a settled attempt records (null: cleared). */
export interface IssueSettlement {
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

/**
 * The one home of campaign_target_issue's SQL: the queue of issues out (docs/github.md). The
 * targets, campaigns, norms and services an issue tells of are read through their owners' fragments.
 */
@Injectable()
export class CampaignTargetIssueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The issue rows of the targets (for the CampaignTarget fields). */
  byTargets(targetIds: readonly string[]): Promise<CampaignTargetIssueEntity[]> {
    return this.db.getRepository(CampaignTargetIssueEntity).findBy({ targetId: In([...targetIds]) });
  }

  /** The targets among the ids whose service sets a repositoryUrl, with it. */
  linkedTargets(
    manager: EntityManager,
    targetIds: readonly string[],
  ): Promise<{ id: string; repository_url: string }[]> {
    return manager.query(
      `SELECT x.id, x.repository_url
         FROM (SELECT t.target_id AS id, ${serviceSql.repositoryUrlOf('t.service_id')} AS repository_url
                 FROM (${campaignSql.targetServices('$1::uuid[]')}) t) x
        WHERE x.repository_url IS NOT NULL`,
      [targetIds],
    );
  }

  /**
   * What a retry of the targets' issues would find, in one statement: each target's service's
   * repositoryUrl (null: none) and its issue's state (null: no issue row yet).
   */
  retryFacts(
    targetIds: readonly string[],
  ): Promise<{ id: string; repository_url: string | null; state: IssueState | null }[]> {
    return this.db.query(
      `SELECT t.target_id AS id, ${serviceSql.repositoryUrlOf('t.service_id')} AS repository_url, i.state
         FROM (${campaignSql.targetServices('$1::uuid[]')}) t
         LEFT JOIN campaign_target_issue i ON i.target_id = t.target_id`,
      [targetIds],
    );
  }

  /**
   * Queues the targets' issues (PENDING); a row in one of the `requeue` states is queued again
   * with the repository given; answers how many were queued.
   */
  async queue(
    manager: EntityManager,
    linked: readonly { id: string; repository: string }[],
    now: Date,
    requeue: readonly IssueState[],
  ): Promise<number> {
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

  /** The state of the target's issue, its row locked FOR UPDATE; null without one. */
  async lockState(manager: EntityManager, targetId: string): Promise<IssueState | null> {
    const [current]: { state: IssueState }[] = await manager.query(
      'SELECT state FROM campaign_target_issue WHERE target_id = $1 FOR UPDATE',
      [targetId],
    );
    return current?.state ?? null;
  }

  /** The claim's advisory lock, held until the transaction ends; false when another instance holds it. */
  async tryClaimLock(manager: EntityManager): Promise<boolean> {
    const [{ locked }]: { locked: boolean }[] = await manager.query(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [ISSUE_CREATION_LOCK],
    );
    return locked;
  }

  /** Issues opened in the last minute and hour, and those in flight (leased), as of `now`. */
  async pace(
    manager: EntityManager,
    now: Date,
  ): Promise<{ minute: number; hour: number; in_flight: number }> {
    const at = now.getTime();
    const [pace]: { minute: number; hour: number; in_flight: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE opened_at > $1)::int AS minute,
              count(*) FILTER (WHERE opened_at > $2)::int AS hour,
              count(*) FILTER (WHERE leased_until > $3)::int AS in_flight
         FROM campaign_target_issue WHERE opened_at > $2 OR leased_until > $3`,
      [new Date(at - 60_000), new Date(at - 3_600_000), now],
    );
    return pace;
  }

  /** The next due PENDING job, locked (SKIP LOCKED), with what its issue tells. */
  async due(manager: EntityManager, now: Date): Promise<IssueJob | null> {
    const [job]: IssueJob[] = await manager.query(
      `SELECT i.target_id, i.repository, i.attempts, i.created_at, i.leased_until, f.campaign_id, f.campaign_title,
              f.campaign_description, f.campaign_state, f.provisions, f.effective_date, f.amendment, f.excluded_at,
              n.norm_abbreviation, n.norm_title, n.norm_url, ${serviceSql.nameOf('f.service_id')} AS service_name
         FROM campaign_target_issue i
         JOIN LATERAL (${campaignSql.issueFacts('i.target_id')}) f ON true
         JOIN LATERAL (${normSql.citation('f.norm_id')}) n ON true
        WHERE i.state = 'PENDING' AND i.next_attempt_at <= $1
        ORDER BY i.next_attempt_at, i.target_id LIMIT 1
          FOR UPDATE OF i SKIP LOCKED`,
      [now],
    );
    return job ?? null;
  }

  /** The job claimed: its attempt counted, leased until `leasedUntil` (also its token). */
  async lease(manager: EntityManager, targetId: string, attempts: number, leasedUntil: Date): Promise<void> {
    await manager.query(
      `UPDATE campaign_target_issue SET attempts = $2, leased_until = $3, next_attempt_at = $3 WHERE target_id = $1`,
      [targetId, attempts, leasedUntil],
    );
  }

  /** Records the outcome if the job is still this attempt's (its lease was not taken over); false otherwise. */
  async settle(
    manager: EntityManager,
    job: Pick<IssueJob, 'target_id' | 'attempts' | 'leased_until'>,
    patch: IssueSettlement,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
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

  /**
   * The recorded issue a webhook names, locked: by GitHub's issue id (it survives a renamed
   * repository), else by repository and number.
   */
  async lockByIssue(
    manager: EntityManager,
    repository: string,
    number: number,
    issueId: number | null,
  ): Promise<{ target_id: string; campaign_id: string; issue_event_at: Date | null } | null> {
    const [issue]: { target_id: string; campaign_id: string; issue_event_at: Date | null }[] =
      await manager.query(
        `SELECT i.target_id, ${campaignSql.campaignOf('i.target_id')} AS campaign_id, i.issue_event_at
         FROM campaign_target_issue i
        WHERE i.issue_id = $3
           OR ((i.issue_id IS NULL OR $3::bigint IS NULL) AND i.repository = $1 AND i.issue_number = $2)
        LIMIT 1 FOR UPDATE OF i`,
        [repository, number, issueId],
      );
    return issue ?? null;
  }

  /** Whether the target's issue is queued and not recorded yet. */
  async isPending(manager: EntityManager, targetId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM campaign_target_issue WHERE target_id = $1 AND state = 'PENDING'`,
      [targetId],
    );
    return rows.length > 0;
  }

  /** Records a closing (closedAt) or reopening (null) from GitHub. */
  async recordClosing(
    manager: EntityManager,
    targetId: string,
    closedAt: Date | null,
    eventAt: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE campaign_target_issue SET closed_at = $2, issue_event_at = $3 WHERE target_id = $1`,
      [targetId, closedAt, eventAt],
    );
  }
}
