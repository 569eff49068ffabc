import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignTargetEntity } from '#src/campaigns/campaign.entity';
import { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import type { UserRef } from '#src/releases/release-enums';

@Entity('effort_entry')
@Check('effort_entry_hours_check', 'hours > 0 AND hours <= 24')
@Index('effort_entry_service_id_idx', { synchronize: false })
@Index('effort_entry_campaign_target_id_idx', ['campaignTargetId'])
export class EffortEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'effort_entry_pkey' })
  id!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => OnlineServiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'effort_entry_service_id_fkey' })
  service?: OnlineServiceEntity;

  @Column({ name: 'campaign_target_id', type: 'uuid', nullable: true })
  campaignTargetId!: string | null;

  @ManyToOne(() => CampaignTargetEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'campaign_target_id',
    foreignKeyConstraintName: 'effort_entry_campaign_target_id_fkey',
  })
  campaignTarget?: CampaignTargetEntity;

  /** Person-hours, to the quarter hour and finer; numeric, so sums are exact. */
  @Column({
    type: 'numeric',
    precision: 6,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  hours!: number;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'jsonb' })
  recordedBy!: UserRef;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
