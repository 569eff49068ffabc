import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('audit_event')
@Unique('audit_event_seq_key', ['seq'])
@Unique('audit_event_prev_hash_key', ['prevHash'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_event_pkey' })
  id!: string;

  /** Chain order: assigned under the chain lock, so it equals the order of prev_hash links. */
  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', generated: 'identity' })
  seq!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_snapshot', type: 'jsonb' })
  actorSnapshot!: unknown;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Index('audit_event_entity_id_idx')
  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  @Column({ type: 'text', nullable: true })
  data!: string | null;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
