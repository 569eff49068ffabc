import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { ReleaseState, type ChangeEntry, type InterfaceUse, type UserRef } from './release-enums';

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
