import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { StoredEvent } from './audit-chain';
import { AuditEventEntity } from './audit-event.entity';

/** Any fixed 64-bit number: the advisory lock that orders the chain. */
export const CHAIN_LOCK = 7_238_110_024_001;

/**
 * The one home of the SQL over audit_event: named reads and writes for the audit log, the audit
 * trail and the chain verification. Plain functions over a manager or data source, because the
 * verification also runs outside the application (npm run audit:verify).
 */
export const auditRepository = {
  /** Takes the transaction-scoped advisory lock that orders the chain (released at commit). */
  async lockChain(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  },

  /** The hash of the chain's last event, or undefined for an empty chain. */
  async tailHash(manager: EntityManager): Promise<string | undefined> {
    const [tail]: { hash: string }[] = await manager.query(
      'SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    return tail?.hash;
  },

  /** One multi-row insert, so that the identity values follow the order of the links. */
  async append(manager: EntityManager, rows: QueryDeepPartialEntity<AuditEventEntity>[]): Promise<void> {
    await manager.createQueryBuilder().insert().into(AuditEventEntity).values(rows).execute();
  },

  /** The chain's newest event (its head), or undefined for an empty chain. */
  async head(db: DataSource): Promise<{ seq: string; id: string; hash: string } | undefined> {
    const [row]: { seq: string; id: string; hash: string }[] = await db.query(
      'SELECT seq::text AS seq, id, hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    return row;
  },

  /** Every event naming the entity, oldest first. */
  trailOf(db: DataSource, entityId: string): Promise<AuditEventEntity[]> {
    return db.getRepository(AuditEventEntity).find({ where: { entityId }, order: { seq: 'ASC' } });
  },

  /** One event by id, as stored now; null when there is none. */
  byId(db: DataSource, id: string): Promise<AuditEventEntity | null> {
    return db.getRepository(AuditEventEntity).findOne({ where: { id } });
  },

  /** The next batch of the chain after `afterSeq` (keyset on seq), with the columns the hash covers. */
  async batchAfter(db: DataSource, afterSeq: string, batchSize: number): Promise<StoredEvent[]> {
    const rows: StoredEvent[] = await db.query(
      `SELECT id, seq::text AS seq, at, actor, actor_snapshot AS "actorSnapshot", action, entity_type AS "entityType",
              entity_id AS "entityId", data, prev_hash AS "prevHash", hash
         FROM audit_event WHERE audit_event.seq > $1::bigint ORDER BY audit_event.seq LIMIT $2`,
      [afterSeq, batchSize],
    );
    return rows;
  },
};
