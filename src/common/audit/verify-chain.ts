import type { DataSource } from 'typeorm';
import type { CheckpointKey } from '#src/config/config';
import { checkChain, GENESIS_HASH, type ChainBreak } from './audit-chain';
import { CheckpointSigner, readCheckpointFile, type FileCheckpoint } from './audit-checkpoint';
import { auditRepository } from './audit.repository';

/** A checkpoint that does not hold: its line in the file, what it names, and why. */
export interface CheckpointFailure {
  line: number;
  seq: string;
  id: string;
  at: string;
  reason: string;
}

/**
 * How a checkpoint fails: its signature (another key, or content changed since it was signed),
 * the event at its position is another one, or its head is gone (the newest events were removed).
 */
export type CheckpointBreak =
  'CHECKPOINT_SIGNATURE_INVALID' | 'CHECKPOINT_EVENT_REPLACED' | 'CHECKPOINT_EVENTS_REMOVED';

/** `reason` says what is wrong in English words (the CLI prints it); `problem` is its kind, for clients that act on it. */
export type VerifyResult =
  | { ok: true; verified: number; checkpoints?: number }
  | { ok: false; verified: number; brokenId: string; brokenSeq: string; problem: ChainBreak; reason: string }
  | { ok: false; verified: number; checkpoint: CheckpointFailure; problem: CheckpointBreak; reason: string };

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
      return {
        ok: false,
        verified: 0,
        checkpoint: failure(entry, problem),
        problem: 'CHECKPOINT_SIGNATURE_INVALID',
        reason: problem,
      };
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
        problem: result.problem,
        reason: result.reason,
      };
    }
    for (const row of rows) {
      for (const entry of pending.get(row.seq) ?? []) {
        if (entry.checkpoint.id !== row.id || entry.checkpoint.hash !== row.hash) {
          const reason = `the event at seq ${row.seq} is not the checkpointed one (id ${row.id}, hash ${row.hash})`;
          return {
            ok: false,
            verified: result.verified,
            checkpoint: failure(entry, reason),
            problem: 'CHECKPOINT_EVENT_REPLACED',
            reason,
          };
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
    return {
      ok: false,
      verified,
      checkpoint: failure(missing[0], reason),
      problem: 'CHECKPOINT_EVENTS_REMOVED',
      reason,
    };
  }
  return anchors ? { ok: true, verified, checkpoints: anchors.checkpoints.length } : { ok: true, verified };
}

function failure(entry: FileCheckpoint, reason: string): CheckpointFailure {
  const { seq, id, at } = entry.checkpoint;
  return { line: entry.line, seq, id, at, reason };
}

export type CheckpointFileLoad =
  | { ok: true; anchors: CheckpointsToVerify }
  | { ok: false; line: number; reason: string }
  | { ok: false; empty: true; line: 0; reason: string };

/**
 * The checkpoints of `file`, to be checked with `key`, for npm run audit:verify and the API's
 * verifyAuditChain alike: every non-empty line must be a checkpoint, and there must be one.
 * `line` is the line at fault (0: the file as a whole); checkpointFileProblem says it in words.
 */
export function checkpointsFromFile(file: string, key: CheckpointKey): CheckpointFileLoad {
  const read = readCheckpointFile(file);
  if (!read.ok) {
    return { ok: false, line: read.line, reason: read.reason };
  }
  if (read.checkpoints.length === 0) {
    return { ok: false, empty: true, line: 0, reason: 'holds no checkpoint' };
  }
  return { ok: true, anchors: { checkpoints: read.checkpoints, signer: new CheckpointSigner(key) } };
}

/** What is wrong with the file, after its name: "is unusable at line 2: not JSON", "holds no checkpoint". */
export function checkpointFileProblem(load: Exclude<CheckpointFileLoad, { ok: true }>): string {
  return 'empty' in load
    ? load.reason
    : `is unusable${load.line ? ` at line ${load.line}` : ''}: ${load.reason}`;
}
