import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '#src/common/auth/viewer';
import { canonicalJson, eventHash, GENESIS_HASH } from './audit-chain';
import type { AuditEventEntity } from './audit-event.entity';
import { auditRepository } from './audit.repository';

export interface PendingAuditEvent {
  at: Date;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
}

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
    await auditRepository.lockChain(manager);
    // Read committed: after the lock, this statement sees every event committed before us.
    let prevHash = (await auditRepository.tailHash(manager)) ?? GENESIS_HASH;
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
    await auditRepository.append(manager, rows);
  }
}
