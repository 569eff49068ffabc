import type { DataSource } from 'typeorm';
import { checkChain, GENESIS_HASH } from './audit-chain';
import type { CheckpointSigner, FileCheckpoint } from './audit-checkpoint';
import { auditRepository } from './audit.repository';

/** A checkpoint that does not hold: its line in the file, what it names, and why. */
export interface CheckpointFailure {
  line: number;
  seq: string;
  id: string;
  at: string;
  reason: string;
}

export type VerifyResult =
  | { ok: true; verified: number; checkpoints?: number }
  | { ok: false; verified: number; brokenId: string; brokenSeq: string; reason: string }
  | { ok: false; verified: number; checkpoint: CheckpointFailure; reason: string };

export interface CheckpointsToVerify {
  checkpoints: readonly FileCheckpoint[];
  signer: CheckpointSigner;
}

/**
 * Recomputes the whole chain in batches (keyset on seq), so memory stays flat however long it
 * grows. With checkpoints: each must be validly signed, and the event it names must still be in
 * the chain with the same id and hash; as the chain links every event to the one before it, that
 * vouches for everything up to the newest checkpoint, including the removal of newest events.
 */
export async function verifyAuditChain(
  db: DataSource,
  batchSize = 5_000,
  anchors?: CheckpointsToVerify,
): Promise<VerifyResult> {
  const pending = new Map<string, FileCheckpoint[]>();
  for (const entry of anchors?.checkpoints ?? []) {
    const problem = anchors!.signer.problemWith(entry.checkpoint);
    if (problem) {
      return { ok: false, verified: 0, checkpoint: failure(entry, problem), reason: problem };
    }
    pending.set(entry.checkpoint.seq, [...(pending.get(entry.checkpoint.seq) ?? []), entry]);
  }
  let last = GENESIS_HASH;
  let verified = 0;
  let afterSeq = '0';
  for (;;) {
    const rows = await auditRepository.batchAfter(db, afterSeq, batchSize);
    if (rows.length === 0) {
      break;
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
    for (const row of rows) {
      for (const entry of pending.get(row.seq) ?? []) {
        if (entry.checkpoint.id !== row.id || entry.checkpoint.hash !== row.hash) {
          const reason = `the event at seq ${row.seq} is not the checkpointed one (id ${row.id}, hash ${row.hash})`;
          return { ok: false, verified: result.verified, checkpoint: failure(entry, reason), reason };
        }
      }
      pending.delete(row.seq);
    }
    verified = result.verified;
    last = result.last;
    afterSeq = rows[rows.length - 1].seq;
  }
  // Checkpointed heads the walk never met: events were removed (or the file is of another database).
  // The first of them in the file is named: the oldest head known to be gone.
  const missing = [...pending.values()].flat().sort((a, b) => a.line - b.line);
  if (missing.length > 0) {
    const reason = `the checkpointed head is no longer in the chain: its newest events were removed (${missing.length} checkpoint${missing.length === 1 ? ' names a removed event' : 's name removed events'})`;
    return { ok: false, verified, checkpoint: failure(missing[0], reason), reason };
  }
  return anchors ? { ok: true, verified, checkpoints: anchors.checkpoints.length } : { ok: true, verified };
}

function failure(entry: FileCheckpoint, reason: string): CheckpointFailure {
  const { seq, id, at } = entry.checkpoint;
  return { line: entry.line, seq, id, at, reason };
}
