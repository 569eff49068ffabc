import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { LegalNormEntity } from './catalogue.entity';

/**
 * The one home of the SQL over legal_norm: named reads and writes. Other modules embed
 * `serviceSql` (service.sql.ts) or call these reads instead of naming the table.
 */
@Injectable()
export class LegalNormRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Norms whose abbreviation or title contains the text (case-insensitive), by abbreviation; at most 500. */
  search(text: string | null): Promise<LegalNormEntity[]> {
    const query = this.db.getRepository(LegalNormEntity).createQueryBuilder('n').orderBy('n.abbreviation');
    if (text) {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.where('(n.abbreviation ILIKE :pattern OR n.title ILIKE :pattern)', { pattern });
    }
    return query.limit(500).getMany();
  }

  /** Norms by id; absent ids are missing from the answer. */
  byIds(ids: readonly string[]): Promise<LegalNormEntity[]> {
    return this.db.getRepository(LegalNormEntity).findBy({ id: In([...ids]) });
  }

  /** Norms by exact abbreviation; unknown ones are missing from the answer. */
  byAbbreviations(
    abbreviations: readonly string[],
    manager: EntityManager = this.db.manager,
  ): Promise<LegalNormEntity[]> {
    return abbreviations.length
      ? manager.findBy(LegalNormEntity, { abbreviation: In([...abbreviations]) })
      : Promise.resolve([]);
  }

  /** Inserts the norm; its generated id is set on the answer. */
  async insert(manager: EntityManager, fields: Omit<LegalNormEntity, 'id'>): Promise<LegalNormEntity> {
    const row = manager.create(LegalNormEntity, fields);
    await manager.insert(LegalNormEntity, row);
    return row;
  }
}
