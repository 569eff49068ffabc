import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Forge, InterfaceKind, OrganisationKind } from './organisation-kind';

@Entity('organisation')
@Unique('organisation_key_key', ['key'])
@Check(
  'organisation_kind_check',
  `kind IN ('STATE', 'DISTRICT', 'AMT', 'MUNICIPALITY', 'SERVICE_PROVIDER', 'OTHER')`,
)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisation_pkey' })
  id!: string;

  /** The ARS for public bodies, a slug for the others. */
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Column({ type: 'text', nullable: true })
  ars!: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'organisation_parent_id_fkey' })
  parent?: OrganisationEntity;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('interface_standard')
@Unique('interface_standard_key_key', ['key'])
@Check('interface_standard_kind_check', `kind IN ('XOEV_STANDARD', 'TRANSPORT', 'PORTAL_COMPONENT', 'OTHER')`)
export class InterfaceStandardEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'interface_standard_pkey' })
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: InterfaceKind;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** What an organisation's own systems (Fachverfahren) can exchange: one row per standard. */
@Entity('organisation_capability')
@Unique('organisation_capability_organisation_id_standard_id_key', ['organisationId', 'standardId'])
export class OrganisationCapabilityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organisation_capability_pkey' })
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'organisation_capability_organisation_id_fkey',
  })
  organisation?: OrganisationEntity;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId!: string;

  @ManyToOne(() => InterfaceStandardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'standard_id', foreignKeyConstraintName: 'organisation_capability_standard_id_fkey' })
  standard?: InterfaceStandardEntity;

  /** Versions as given ("2.2", "24.11"): compared as strings, never parsed. */
  @Column({ type: 'text', array: true })
  versions!: string[];
}

/**
 * A forge namespace an OPERATOR mapped to an organisation (a GitHub organisation or user, a GitLab
 * group): the organisation's services may link repositories inside it.
 */
@Entity('forge_namespace')
@Unique('forge_namespace_key', ['forge', 'namespace', 'organisationId'])
@Check('forge_namespace_forge_check', `forge IN ('GITHUB', 'GITLAB')`)
@Index('forge_namespace_organisation_id_idx', ['organisationId'])
export class ForgeNamespaceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'forge_namespace_pkey' })
  id!: string;

  @Column({ type: 'text' })
  forge!: Forge;

  /** Lower case: a GitHub owner, a GitLab group path. */
  @Column({ type: 'text' })
  namespace!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'forge_namespace_organisation_id_fkey' })
  organisation?: OrganisationEntity;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
