import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { ReleaseState, Verdict, type ChangeEntry, type InterfaceUse, type UserRef } from './release-enums';
import { QaGateKind } from '#src/qa/qa-policy.rules';

@Entity('release')
@Unique('release_service_id_version_key', ['serviceId', 'version'])
@Index('release_service_id_precedence_idx', { synchronize: false })
export class ReleaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'release_pkey' })
  id!: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => OnlineServiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'release_service_id_fkey' })
  service?: OnlineServiceEntity;

  /** As given; unique per service and never reused (rows are never deleted). */
  @Column({ type: 'text' })
  version!: string;

  @Column({ type: 'integer' })
  major!: number;

  @Column({ type: 'integer' })
  minor!: number;

  @Column({ type: 'integer' })
  patch!: number;

  /** SemVer-sortable pre-release identifiers (see versionColumns), NULL for a release. */
  @Column({ type: 'text', array: true, nullable: true, collation: 'C' })
  prerelease!: string[] | null;

  /** Stored for DRAFT, PUBLISHED, WITHDRAWN; in review it is the last state derived from the gates. */
  @Column({ type: 'text' })
  state!: ReleaseState;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'jsonb' })
  changes!: ChangeEntry[];

  @Column({ type: 'jsonb' })
  interfaces!: InterfaceUse[];

  @Column({ name: 'artifact_digest', type: 'text' })
  artifactDigest!: string;

  @Column({ name: 'artifact_url', type: 'text', nullable: true })
  artifactUrl!: string | null;

  @Column({ name: 'created_by', type: 'jsonb' })
  createdBy!: UserRef;

  /** For the four-eyes rule: who counts as the creator (the creator, or who submitted an import). */
  @Column({ name: 'author_subject', type: 'text' })
  authorSubject!: string;

  /** Set for a release imported from GitHub: for the four-eyes rule, and to show its origin. */
  @Column({ name: 'imported_from', type: 'jsonb', nullable: true })
  importedFrom!: { delivery: string; url: string | null; sender: string | null } | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'withdrawal', type: 'jsonb', nullable: true })
  withdrawal!: { reason: string; at: string; by: UserRef } | null;

  @Column({ name: 'deprecation', type: 'jsonb', nullable: true })
  deprecation!: { reason: string; at: string; by: UserRef } | null;
}

@Entity('qa_gate')
@Unique('qa_gate_release_id_kind_key', ['releaseId', 'kind'])
export class QaGateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'qa_gate_pkey' })
  id!: string;

  @Column({ name: 'release_id', type: 'uuid' })
  releaseId!: string;

  @ManyToOne(() => ReleaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'release_id', foreignKeyConstraintName: 'qa_gate_release_id_fkey' })
  release?: ReleaseEntity;

  @Column({ type: 'text' })
  kind!: QaGateKind;

  /** Snapshot of the service's policy at submission: later policy changes do not touch it. */
  @Column({ name: 'required_approvals', type: 'integer' })
  requiredApprovals!: number;

  @Column({ type: 'jsonb', nullable: true })
  waiver!: {
    reason: string;
    ticket: string;
    expiresAt: string;
    grantedBy: UserRef;
    grantedAt: string;
  } | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('sign_off')
@Index('sign_off_gate_id_idx', ['gateId'])
@Index('sign_off_current_key', { synchronize: false })
export class SignOffEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sign_off_pkey' })
  id!: string;

  @Column({ name: 'gate_id', type: 'uuid' })
  gateId!: string;

  @ManyToOne(() => QaGateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'gate_id', foreignKeyConstraintName: 'sign_off_gate_id_fkey' })
  gate?: QaGateEntity;

  @Column({ type: 'jsonb' })
  reviewer!: UserRef;

  @Column({ name: 'reviewer_subject', type: 'text' })
  reviewerSubject!: string;

  @Column({ type: 'text' })
  verdict!: Verdict;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'evidence_url', type: 'text', nullable: true })
  evidenceUrl!: string | null;

  @Column({ name: 'artifact_digest', type: 'text' })
  artifactDigest!: string;

  /** The release's artifact changed after this sign-off: kept, shown, not counted. */
  @Column({ type: 'boolean' })
  outdated!: boolean;

  /** The same reviewer signed the gate again: kept for the audit, no longer shown or counted. */
  @Column({ name: 'replaced_at', type: 'timestamptz', nullable: true })
  replacedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
