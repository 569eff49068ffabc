import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { paginate, type Connection } from '#src/common/graphql/pagination';
import type { InterfaceKind, OrganisationKind } from './organisation-kind';
import {
  InterfaceStandardEntity,
  OrganisationCapabilityEntity,
  OrganisationEntity,
} from './organisation.entity';

/**
 * The one home of the SQL over organisation, interface_standard and organisation_capability:
 * named reads and writes for the organisations module. Other modules embed `organisationSql`
 * (organisation.sql.ts) in their own statements instead of naming these tables.
 */
@Injectable()
export class OrganisationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findByKey(key: string, manager: EntityManager = this.db.manager): Promise<OrganisationEntity | null> {
    return manager.findOneBy(OrganisationEntity, { key });
  }

  /** Organisations by id; absent ids are missing from the answer. */
  byIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.db.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
  }

  byKeys(keys: readonly string[]): Promise<OrganisationEntity[]> {
    return this.db.getRepository(OrganisationEntity).findBy({ key: In([...keys]) });
  }

  /**
   * A page of organisations, optionally of one kind, by key (keyset cursor over the unique key).
   * `condition`: an SQL condition over the organisation `o` from a higher module that knows more
   * of it (the catalogue: "owns a service"), without parameters.
   */
  page(
    kind: OrganisationKind | string | null | undefined,
    first: number | null,
    after: string | null | undefined,
    condition: string | null = null,
  ): Promise<Connection<OrganisationEntity>> {
    const query = this.db.getRepository(OrganisationEntity).createQueryBuilder('o').where('TRUE');
    if (kind) {
      query.andWhere('o.kind = :kind', { kind });
    }
    if (condition) {
      query.andWhere(condition);
    }
    return paginate(query, { first, after }, [
      { expression: 'o.key', direction: 'ASC', type: 'text', value: (o) => o.key },
    ]);
  }

  /** Inserts the organisation; its generated id is set on the answer. */
  async insert(
    manager: EntityManager,
    fields: Omit<OrganisationEntity, 'id' | 'parent'>,
  ): Promise<OrganisationEntity> {
    const row = manager.create(OrganisationEntity, fields);
    await manager.insert(OrganisationEntity, row);
    return row;
  }

  /** The declared capabilities of each organisation, by standard key, in one statement. */
  async capabilitiesOf(organisationIds: readonly string[]): Promise<OrganisationCapabilityEntity[][]> {
    const rows = await this.db
      .getRepository(OrganisationCapabilityEntity)
      .createQueryBuilder('c')
      .innerJoin(InterfaceStandardEntity, 's', 's.id = c.standard_id')
      .where('c.organisation_id IN (:...ids)', { ids: organisationIds })
      .orderBy('s.key')
      .getMany();
    return organisationIds.map((id) => rows.filter((row) => row.organisationId === id));
  }

  /**
   * Replaces the organisation's capabilities as a whole. The organisation row is locked first, so
   * that two concurrent replacements cannot interleave; its `updated_at` is moved to `now`.
   */
  async replaceCapabilities(
    manager: EntityManager,
    organisationId: string,
    entries: { standardId: string; versions: string[] }[],
    now: Date,
  ): Promise<void> {
    await manager.query('SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE', [organisationId]);
    await manager.delete(OrganisationCapabilityEntity, { organisationId });
    if (entries.length > 0) {
      await manager.insert(
        OrganisationCapabilityEntity,
        entries.map((entry) => ({ organisationId, ...entry })),
      );
    }
    await manager.update(OrganisationEntity, { id: organisationId }, { updatedAt: now });
  }

  standardsByIds(ids: readonly string[]): Promise<InterfaceStandardEntity[]> {
    return this.db.getRepository(InterfaceStandardEntity).findBy({ id: In([...ids]) });
  }

  standardsByKeys(
    keys: readonly string[],
    manager: EntityManager = this.db.manager,
  ): Promise<InterfaceStandardEntity[]> {
    return manager.findBy(InterfaceStandardEntity, { key: In([...keys]) });
  }

  /** Every interface standard, by key. */
  allStandards(): Promise<InterfaceStandardEntity[]> {
    return this.db.getRepository(InterfaceStandardEntity).find({ order: { key: 'ASC' } });
  }

  /** Inserts the standard; its generated id is set on the answer. */
  async insertStandard(
    manager: EntityManager,
    fields: { key: string; name: string; kind: InterfaceKind; createdAt: Date },
  ): Promise<InterfaceStandardEntity> {
    const row = manager.create(InterfaceStandardEntity, fields);
    await manager.insert(InterfaceStandardEntity, row);
    return row;
  }
}
