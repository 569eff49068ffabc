import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { serviceSql } from '#src/catalogue/service.sql';
import { paginate } from '#src/common/graphql/pagination';
import { GithubDeliveryEntity } from './github.entity';
import { DeliveryOutcome } from './github-enums';

/** The one home of github_delivery's SQL: the queue of webhook deliveries in (docs/github.md). */
@Injectable()
export class GithubDeliveryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores a delivery once per id (PENDING, due now); false when the id was seen before. */
  async insertOnce(delivery: {
    id: string;
    event: string;
    action: string | null;
    repository: string | null;
    payload: Record<string, unknown>;
    receivedAt: Date;
  }): Promise<boolean> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO github_delivery (id, event, action, repository, payload, received_at, outcome, attempts, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', 0, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        delivery.id,
        delivery.event,
        delivery.action,
        delivery.repository,
        delivery.payload,
        delivery.receivedAt,
      ],
    );
    return inserted.length > 0;
  }

  /** A page of deliveries, newest first, optionally with one outcome. */
  page(outcome: DeliveryOutcome | null, first: number | null, after: string | null) {
    const query = this.db.getRepository(GithubDeliveryEntity).createQueryBuilder('d');
    if (outcome) {
      query.where('d.outcome = :outcome', { outcome });
    }
    return paginate(query, { first, after }, [
      {
        expression: 'd.received_at',
        direction: 'DESC',
        type: 'text',
        value: (d) => d.receivedAt.toISOString(),
      },
      { expression: 'd.id', direction: 'DESC', type: 'text', value: (d) => d.id },
    ]);
  }

  /** The delivery, locked FOR UPDATE until commit; null when absent. */
  lock(manager: EntityManager, id: string): Promise<GithubDeliveryEntity | null> {
    return manager.findOne(GithubDeliveryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    manager: EntityManager,
    id: string,
    patch: Partial<
      Pick<GithubDeliveryEntity, 'outcome' | 'detail' | 'attempts' | 'nextAttemptAt' | 'processedAt'>
    >,
  ): Promise<void> {
    await manager.update(GithubDeliveryEntity, { id }, patch);
  }

  /** The oldest due PENDING delivery, claimed FOR UPDATE SKIP LOCKED. */
  async claimNext(
    manager: EntityManager,
    now: Date,
  ): Promise<{ id: string; event: string; payload: Record<string, unknown>; attempts: number } | null> {
    const [row]: { id: string; event: string; payload: Record<string, unknown>; attempts: number }[] =
      await manager.query(
        `SELECT id, event, payload, attempts FROM github_delivery
          WHERE outcome = 'PENDING' AND next_attempt_at <= $1
          ORDER BY next_attempt_at, received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      );
    return row ?? null;
  }

  /** A failed attempt, recorded after its rollback (only while the delivery is still PENDING). */
  async recordFailure(
    id: string,
    patch: {
      attempts: number;
      detail: string;
      outcome: DeliveryOutcome;
      nextAttemptAt: Date;
      processedAt: Date | null;
    },
  ): Promise<void> {
    await this.db.query(
      `UPDATE github_delivery SET attempts = $2, detail = $3, outcome = $4, next_attempt_at = $5, processed_at = $6
        WHERE id = $1 AND outcome = 'PENDING'`,
      [id, patch.attempts, patch.detail, patch.outcome, patch.nextAttemptAt, patch.processedAt],
    );
  }

  /** The services whose repositoryUrl may link the repository (a cheap filter; the exact rule is repositoryOf). */
  candidatesLinking(
    manager: EntityManager,
    fullName: string,
  ): Promise<{ id: string; owner_id: string; repository_url: string }[]> {
    return manager.query(serviceSql.mayLinkRepository('$1'), [fullName]);
  }
}
