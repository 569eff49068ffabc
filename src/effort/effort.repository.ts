import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { campaignSql } from '#src/campaigns/campaign.repository';
import type { ThreePoint } from '#src/common/estimates/three-point';
import { paginate } from '#src/common/graphql/pagination';
import { EffortEntryEntity } from './effort-entry.entity';

/**
 * The one home of effort_entry's SQL. Campaign targets are read through the campaigns'
 * fragments (`campaignSql`), services through the catalogue's.
 */
@Injectable()
export class EffortRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new entry; answers it with its id. */
  async insert(manager: EntityManager, fields: Omit<EffortEntryEntity, 'id' | 'service' | 'campaignTarget'>) {
    const entry = manager.create(EffortEntryEntity, fields);
    await manager.insert(EffortEntryEntity, entry);
    return entry;
  }

  /** A page of the service's entries, newest date first. */
  page(serviceId: string, first: number | null, after: string | null) {
    const query = this.db
      .getRepository(EffortEntryEntity)
      .createQueryBuilder('e')
      .where('e.service_id = :id', { id: serviceId });
    return paginate(query, { first, after }, [
      { expression: 'e.date', direction: 'DESC', type: 'text', value: (e) => e.date },
      { expression: 'e.id', direction: 'DESC', type: 'uuid', value: (e) => e.id },
    ]);
  }

  /** The owner's finished targets (RELEASED or ROLLED_OUT) with an estimate and the hours recorded on them. */
  async finishedWork(ownerId: string): Promise<{ estimate: ThreePoint; actualHours: number }[]> {
    const rows: { estimate: ThreePoint; actual: string }[] = await this.db.query(
      `SELECT t.estimate, (SELECT sum(e.hours) FROM effort_entry e WHERE e.campaign_target_id = t.id) AS actual
         FROM (${campaignSql.finishedWithEstimate('$1')}) t
        WHERE EXISTS (SELECT 1 FROM effort_entry e WHERE e.campaign_target_id = t.id)`,
      [ownerId],
    );
    return rows.map((row) => ({ estimate: row.estimate, actualHours: Number(row.actual) }));
  }
}
