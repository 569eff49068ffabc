import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { OrganisationEntity } from '#src/organisations/organisation.entity';
import { SubscriptionState } from './subscription-state';

@Entity('service_subscription')
@Index('service_subscription_service_id_idx', { synchronize: false })
@Index('service_subscription_organisation_id_idx', { synchronize: false })
@Index('service_subscription_open_key', { synchronize: false })
@Index('service_subscription_active_idx', { synchronize: false })
export class SubscriptionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'service_subscription_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'service_subscription_organisation_id_fkey',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => OnlineServiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'service_subscription_service_id_fkey' })
  service?: OnlineServiceEntity;

  @Column({ name: 'version_range', type: 'text' })
  versionRange!: string;

  @Column({ type: 'text' })
  state!: SubscriptionState;

  @Column({ name: 'agreement_reference', type: 'text', nullable: true })
  agreementReference!: string | null;

  @Column({ name: 'deployed_version', type: 'text', nullable: true })
  deployedVersion!: string | null;

  @Column({ name: 'deployed_at', type: 'timestamptz', nullable: true })
  deployedAt!: Date | null;

  @Column({ name: 'state_reason', type: 'text', nullable: true })
  stateReason!: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
