import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '#src/common/auth/viewer';
import { canonicalJson, eventHash, GENESIS_HASH } from './audit-chain';
import { AuditEventEntity } from './audit-event.entity';

export interface PendingAuditEvent {
  at: Date;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
}

/** Any fixed 64-bit number: the advisory lock that orders the chain. */
const CHAIN_LOCK = 7_238_110_024_001;

/**
 * Appends events to the hash chain. Called at the end of a transaction, just before commit, so
 * the chain lock (a transaction-scoped advisory lock) is held only for the last statements of a
 * request: concurrent writers do their work in parallel and queue only to link their events.
 */
@Injectable()
export class AuditLog {
  async write(manager: EntityManager, events: readonly PendingAuditEvent[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    // Read committed: after the lock, this statement sees every event committed before us.
    const [tail]: { hash: string }[] = await manager.query(
      'SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    let prevHash = tail?.hash ?? GENESIS_HASH;
    const rows: QueryDeepPartialEntity<AuditEventEntity>[] = [];
    for (const event of events) {
      const content = {
        at: event.at,
        actor: event.actor.subject,
        actorSnapshot: event.actor,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        data: event.data === undefined ? null : canonicalJson(event.data),
        prevHash,
      };
      const hash = eventHash(content);
      rows.push({ ...content, hash });
      prevHash = hash;
    }
    // One multi-row insert keeps the identity values in the order of the links.
    await manager.createQueryBuilder().insert().into(AuditEventEntity).values(rows).execute();
  }
}
