import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LegalNormEntity, OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import type { UserRef } from '#src/releases/release-enums';
import { ReleaseEntity } from '#src/releases/release.entity';
import type { ThreePoint } from '#src/common/estimates/three-point';
import { CampaignState } from './campaign.rules';

@Entity('campaign')
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'campaign_pkey' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'norm_id', type: 'uuid' })
  normId!: string;

  @ManyToOne(() => LegalNormEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'norm_id', foreignKeyConstraintName: 'campaign_norm_id_fkey' })
  norm?: LegalNormEntity;

  @Column({ type: 'text', array: true })
  provisions!: string[];

  @Column({ type: 'text', nullable: true })
  amendment!: string | null;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate!: string;

  @Column({ type: 'text' })
  state!: CampaignState;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'cancellation_reason', type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ name: 'created_by', type: 'jsonb' })
  createdBy!: UserRef;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('campaign_target')
@Unique('campaign_target_campaign_id_service_id_key', ['campaignId', 'serviceId'])
@Index('campaign_target_service_id_idx', ['serviceId'])
export class CampaignTargetEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'campaign_target_pkey' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'campaign_target_campaign_id_fkey' })
  campaign?: CampaignEntity;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => OnlineServiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'campaign_target_service_id_fkey' })
  service?: OnlineServiceEntity;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;

  @Column({ name: 'excluded_at', type: 'timestamptz', nullable: true })
  excludedAt!: Date | null;

  @Column({ name: 'exclusion_reason', type: 'text', nullable: true })
  exclusionReason!: string | null;

  @Column({ name: 'planned_release_date', type: 'date', nullable: true })
  plannedReleaseDate!: string | null;

  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  estimate!: ThreePoint | null;
}

/** A release that fulfils a target: named at creation (`fulfils`) or linked by hand. */
@Entity('campaign_fulfilment')
@Unique('campaign_fulfilment_target_id_release_id_key', ['targetId', 'releaseId'])
@Index('campaign_fulfilment_release_id_idx', ['releaseId'])
export class CampaignFulfilmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'campaign_fulfilment_pkey' })
  id!: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @ManyToOne(() => CampaignTargetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'campaign_fulfilment_target_id_fkey' })
  target?: CampaignTargetEntity;

  @Column({ name: 'release_id', type: 'uuid' })
  releaseId!: string;

  @ManyToOne(() => ReleaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'release_id', foreignKeyConstraintName: 'campaign_fulfilment_release_id_fkey' })
  release?: ReleaseEntity;

  @Column({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;
}

/** One exclusion of a target, ended by its re-inclusion: the history the burndown replays. */
@Entity('campaign_target_exclusion')
@Index('campaign_target_exclusion_target_id_idx', ['targetId'])
export class CampaignTargetExclusionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'campaign_target_exclusion_pkey' })
  id!: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @ManyToOne(() => CampaignTargetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'campaign_target_exclusion_target_id_fkey' })
  target?: CampaignTargetEntity;

  @Column({ name: 'excluded_at', type: 'timestamptz' })
  excludedAt!: Date;

  @Column({ name: 'included_at', type: 'timestamptz', nullable: true })
  includedAt!: Date | null;

  @Column({ type: 'text' })
  reason!: string;
}
