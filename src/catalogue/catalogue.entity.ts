import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganisationEntity } from '#src/organisations/organisation.entity';
import {
  MaturityModel,
  ReuseModel,
  ServiceLifecycle,
  SubscriptionApproval,
  Themenfeld,
} from './catalogue-enums';
import { type QaRule } from '#src/qa/qa-policy.rules';

@Entity('legal_norm')
@Unique('legal_norm_abbreviation_key', ['abbreviation'])
@Index('legal_norm_abbreviation_lower_key', { synchronize: false })
export class LegalNormEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'legal_norm_pkey' })
  id!: string;

  /** Unique across jurisdictions (also ignoring case: legal_norm_abbreviation_lower_key). */
  @Column({ type: 'text' })
  abbreviation!: string;

  @Column({ type: 'text' })
  title!: string;

  /** "EU", "DE", or "DE-" + state code, e.g. "DE-SH". */
  @Column({ type: 'text' })
  jurisdiction!: string;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'text', nullable: true })
  eli!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * The column `search` (a generated tsvector over name, keywords, summary, description and the
 * endings of the compounds in name and keywords), with its GIN index, exists only in SQL: see
 * migrations/1764330700000-ServiceKeywords.ts, 1764330800000-SearchVocabulary.ts and docs/search.md.
 */
@Entity('online_service')
@Unique('online_service_slug_key', ['slug'])
@Check(
  'online_service_maturity_check',
  `CASE WHEN maturity_level IS NULL THEN maturity_model IS NULL WHEN maturity_model = 'V1_1' THEN maturity_level BETWEEN 0 AND 4 WHEN maturity_model = 'V2_0' THEN maturity_level BETWEEN 0 AND 7 ELSE false END`,
)
@Index('online_service_owner_id_idx', ['ownerId'])
// Declared in SQL only (GIN and composite indexes): TypeORM must leave them alone.
@Index('online_service_search_idx', { synchronize: false })
@Index('online_service_leika_keys_idx', { synchronize: false })
@Index('online_service_name_id_idx', { synchronize: false })
export class OnlineServiceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'online_service_pkey' })
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'leika_keys', type: 'text', array: true })
  leikaKeys!: string[];

  /** Synonyms, colloquial names and keywords people search for; searched below the name. */
  @Column({ type: 'text', array: true })
  keywords!: string[];

  @Column({ name: 'ozg_ids', type: 'text', array: true })
  ozgIds!: string[];

  @Column({ type: 'text', nullable: true })
  themenfeld!: Themenfeld | null;

  @Column({ name: 'maturity_level', type: 'smallint', nullable: true })
  maturityLevel!: number | null;

  /** The model maturityLevel is rated in; set exactly when the level is (the check above). */
  @Column({ name: 'maturity_model', type: 'text', nullable: true })
  maturityModel!: MaturityModel | null;

  @Column({ name: 'sdg_relevant', type: 'boolean' })
  sdgRelevant!: boolean;

  @Column({ type: 'text' })
  lifecycle!: ServiceLifecycle;

  @Column({ name: 'reuse_model', type: 'text' })
  reuseModel!: ReuseModel;

  @Column({ name: 'subscription_approval', type: 'text' })
  subscriptionApproval!: SubscriptionApproval;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'online_service_owner_id_fkey' })
  owner?: OrganisationEntity;

  @Column({ type: 'text', nullable: true })
  license!: string | null;

  @Column({ name: 'repository_url', type: 'text', nullable: true })
  repositoryUrl!: string | null;

  /** Annual routine maintenance hours, a three-point estimate; null until the owner sets it. */
  @Column({ name: 'maintenance_baseline', type: 'jsonb', nullable: true })
  maintenanceBaseline!: { optimisticHours: number; likelyHours: number; pessimisticHours: number } | null;

  /** Null: the configured default policy applies. */
  @Column({ name: 'qa_policy', type: 'jsonb', nullable: true })
  qaPolicy!: QaRule[] | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('service_legal_basis')
@Index('service_legal_basis_service_id_idx', ['serviceId'])
@Index('service_legal_basis_norm_id_idx', ['normId'])
export class ServiceLegalBasisEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'service_legal_basis_pkey' })
  id!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => OnlineServiceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'service_legal_basis_service_id_fkey' })
  service?: OnlineServiceEntity;

  @Column({ name: 'norm_id', type: 'uuid' })
  normId!: string;

  @ManyToOne(() => LegalNormEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'norm_id', foreignKeyConstraintName: 'service_legal_basis_norm_id_fkey' })
  norm?: LegalNormEntity;

  /** e.g. "§ 22 Abs. 1"; null cites the whole norm. */
  @Column({ type: 'text', nullable: true })
  provision!: string | null;

  /** Order as given by the maintainer. */
  @Column({ type: 'integer' })
  position!: number;
}
