import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Forge } from './organisation-kind';
import { ForgeNamespaceEntity } from './organisation.entity';

/** The forge namespaces mapped to organisations (table forge_namespace). */
@Injectable()
export class ForgeNamespaceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Each organisation's namespaces, in the ids' order, by forge and name. */
  async ofOrganisations(organisationIds: readonly string[]): Promise<ForgeNamespaceEntity[][]> {
    const rows = await this.db.getRepository(ForgeNamespaceEntity).find({
      where: { organisationId: In([...organisationIds]) },
      order: { forge: 'ASC', namespace: 'ASC' },
    });
    return organisationIds.map((id) => rows.filter((row) => row.organisationId === id));
  }

  /** One organisation's namespaces of one forge, inside a transaction. */
  ofOrganisation(
    manager: EntityManager,
    organisationId: string,
    forge: Forge,
  ): Promise<ForgeNamespaceEntity[]> {
    return manager.getRepository(ForgeNamespaceEntity).find({ where: { organisationId, forge } });
  }

  /** Inserts the mapping; null when it exists already. */
  async insert(
    manager: EntityManager,
    row: Pick<ForgeNamespaceEntity, 'forge' | 'namespace' | 'organisationId' | 'createdAt'>,
  ): Promise<ForgeNamespaceEntity | null> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ForgeNamespaceEntity)
      .values(row)
      .orIgnore()
      .returning('*')
      .execute();
    const [created] = inserted.raw as Record<string, unknown>[];
    return created ? Object.assign(new ForgeNamespaceEntity(), row, { id: created.id as string }) : null;
  }

  /** Deletes the mapping and returns it; null when there was none. */
  async delete(
    manager: EntityManager,
    key: Pick<ForgeNamespaceEntity, 'forge' | 'namespace' | 'organisationId'>,
  ): Promise<ForgeNamespaceEntity | null> {
    const repository = manager.getRepository(ForgeNamespaceEntity);
    const row = await repository.findOne({ where: key, lock: { mode: 'pessimistic_write' } });
    if (row) {
      await repository.delete({ id: row.id });
    }
    return row;
  }
}
