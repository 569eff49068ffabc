import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CampaignTargetEntity } from '#src/campaigns/campaign.entity';
import { DeliveryOutcome, IssueState } from './github-enums';

/** A verified webhook delivery. PENDING rows are the queue of work in. */
@Entity('github_delivery')
@Check('github_delivery_outcome_check', `outcome IN ('PENDING', 'PROCESSED', 'SKIPPED', 'FAILED')`)
@Index('github_delivery_pending_idx', { synchronize: false })
@Index('github_delivery_received_at_idx', { synchronize: false })
export class GithubDeliveryEntity {
  /** The X-GitHub-Delivery id: a delivery seen twice is stored once. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'github_delivery_pkey' })
  id!: string;

  @Column({ type: 'text' })
  event!: string;

  @Column({ type: 'text', nullable: true })
  action!: string | null;

  /** owner/name in lower case, when the payload names a repository. */
  @Column({ type: 'text', nullable: true })
  repository!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'text' })
  outcome!: DeliveryOutcome;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}

/** The one issue of a campaign target in its service's repository. PENDING rows are the queue of work out. */
@Entity('campaign_target_issue')
@Check('campaign_target_issue_state_check', `state IN ('PENDING', 'OPENED', 'SKIPPED', 'FAILED')`)
@Check(
  'campaign_target_issue_opened_check',
  `(state = 'OPENED') = (issue_url IS NOT NULL AND issue_number IS NOT NULL)`,
)
@Index('campaign_target_issue_pending_idx', { synchronize: false })
@Index('campaign_target_issue_repository_number_key', { synchronize: false })
@Index('campaign_target_issue_opened_at_idx', { synchronize: false })
export class CampaignTargetIssueEntity {
  /** The primary key: at most one issue per target, ever. */
  @PrimaryColumn({ name: 'target_id', type: 'uuid', primaryKeyConstraintName: 'campaign_target_issue_pkey' })
  targetId!: string;

  @OneToOne(() => CampaignTargetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'campaign_target_issue_target_id_fkey' })
  target?: CampaignTargetEntity;

  /** owner/name as the service's repositoryUrl wrote it. */
  @Column({ type: 'text' })
  repository!: string;

  @Column({ type: 'text' })
  state!: IssueState;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** While a worker talks to GitHub for this target: nobody else claims it before then. */
  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true })
  leasedUntil!: Date | null;

  /** GitHub's id of the issue: it survives renaming or transferring the repository. */
  @Column({ name: 'issue_id', type: 'bigint', nullable: true })
  issueId!: string | null;

  @Column({ name: 'issue_number', type: 'integer', nullable: true })
  issueNumber!: number | null;

  @Column({ name: 'issue_url', type: 'text', nullable: true })
  issueUrl!: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The issue's updated_at of the last closed/reopened event applied: older events are ignored. */
  @Column({ name: 'issue_event_at', type: 'timestamptz', nullable: true })
  issueEventAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
