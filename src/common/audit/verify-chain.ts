import type { DataSource } from 'typeorm';
import { checkChain, GENESIS_HASH, type StoredEvent } from './audit-chain';

export type VerifyResult =
  | { ok: true; verified: number }
  | { ok: false; verified: number; brokenId: string; brokenSeq: string; reason: string };

/** Recomputes the whole chain in batches (keyset on seq), so memory stays flat however long it grows. */
export async function verifyAuditChain(db: DataSource, batchSize = 5_000): Promise<VerifyResult> {
  let last = GENESIS_HASH;
  let verified = 0;
  let afterSeq = '0';
  for (;;) {
    const rows: StoredEvent[] = await db.query(
      `SELECT id, seq::text AS seq, at, actor, actor_snapshot AS "actorSnapshot", action, entity_type AS "entityType",
              entity_id AS "entityId", data, prev_hash AS "prevHash", hash
         FROM audit_event WHERE audit_event.seq > $1::bigint ORDER BY audit_event.seq LIMIT $2`,
      [afterSeq, batchSize],
    );
    if (rows.length === 0) {
      return { ok: true, verified };
    }
    const result = checkChain(rows, last, verified);
    if (!result.ok) {
      return {
        ok: false,
        verified: result.verified,
        brokenId: result.broken.id,
        brokenSeq: result.broken.seq,
        reason: result.reason,
      };
    }
    verified = result.verified;
    last = result.last;
    afterSeq = rows[rows.length - 1].seq;
  }
}
