import type { DataSource } from 'typeorm';
import { checkChain, GENESIS_HASH } from './audit-chain';
import { auditRepository } from './audit.repository';

export type VerifyResult =
  | { ok: true; verified: number }
  | { ok: false; verified: number; brokenId: string; brokenSeq: string; reason: string };

/** Recomputes the whole chain in batches (keyset on seq), so memory stays flat however long it grows. */
export async function verifyAuditChain(db: DataSource, batchSize = 5_000): Promise<VerifyResult> {
  let last = GENESIS_HASH;
  let verified = 0;
  let afterSeq = '0';
  for (;;) {
    const rows = await auditRepository.batchAfter(db, afterSeq, batchSize);
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
