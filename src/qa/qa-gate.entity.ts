import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { UserRef } from '#src/common/auth/user-ref';
import type { Verdict } from './qa-enums';
import type { QaGateKind } from './qa-policy.rules';

/**
 * The QA module's tables: one gate per kind of a submitted release, and the reviewers' sign-offs
 * on it (docs/architecture.md, tables `qa_gate` and `sign_off`). The release is named by its
 * entity name, not imported: QA sits below the releases module.
 */

/** An OPERATOR's time-limited override of one gate. */
export interface GateWaiver {
  reason: string;
  ticket: string;
  expiresAt: string;
  grantedBy: UserRef;
  grantedAt: string;
}

@Entity('qa_gate')
@Unique('qa_gate_release_id_kind_key', ['releaseId', 'kind'])
export class QaGateEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'qa_gate_pkey' })
  id!: string;

  @Column({ name: 'release_id', type: 'uuid' })
  releaseId!: string;

  @ManyToOne('ReleaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'release_id', foreignKeyConstraintName: 'qa_gate_release_id_fkey' })
  release?: { id: string };

  @Column({ type: 'text' })
  kind!: QaGateKind;

  /** Snapshot of the service's policy at submission: later policy changes do not touch it. */
  @Column({ name: 'required_approvals', type: 'integer' })
  requiredApprovals!: number;

  @Column({ type: 'jsonb', nullable: true })
  waiver!: GateWaiver | null;

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
