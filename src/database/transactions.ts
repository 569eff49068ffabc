import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog, type PendingAuditEvent } from '#src/common/audit/audit-log';
import type { Actor } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';

/** One unit of work: its entity manager, who acts, when (one clock reading), and its audit events. */
export class Tx {
  readonly events: PendingAuditEvent[] = [];
  /** Run once the transaction has committed (never after a rollback); their errors are not the caller's. */
  readonly committed: (() => void)[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
    readonly now: Date,
  ) {}

  /** Records an audit event; it is written with the transaction's other writes, or not at all. */
  audit(action: string, entityType: string, entityId: string, data?: unknown): void {
    this.events.push({ at: this.now, actor: this.actor, action, entityType, entityId, data });
  }

  /** Calls `callback` after the commit, e.g. to wake a worker for what this transaction queued. */
  afterCommit(callback: () => void): void {
    this.committed.push(callback);
  }
}

@Injectable()
export class Transactions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly auditLog: AuditLog,
  ) {}

  /** Runs `work` in one database transaction and appends its audit events just before commit. */
  async run<T>(actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
    // READ COMMITTED explicitly: the audit tail read after the chain lock must see the latest commit,
    // whatever the server's default isolation level.
    let done: Tx | undefined;
    const result = await this.db.transaction('READ COMMITTED', async (manager) => {
      const tx = new Tx(manager, actor, this.clock.now());
      const value = await work(tx);
      await this.auditLog.write(manager, tx.events);
      done = tx;
      return value;
    });
    for (const callback of done?.committed ?? []) {
      try {
        callback();
      } catch {
        // A hook's failure must not turn a committed change into an error for the caller.
      }
    }
    return result;
  }
}
