import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CheckpointKey } from '#src/config/config';
import { canonicalJson } from './audit-chain';

/**
 * A signed checkpoint of the audit chain's head, kept outside the database (a file, the log). The
 * chain proves that no event before the head was edited or removed; the checkpoint proves that
 * the head itself was there, so that removing the newest events is seen (decision 0003).
 */
export interface AuditCheckpoint {
  /** The format's version. */
  v: 1;
  /** The head: the newest event's seq, id and hash. */
  seq: string;
  id: string;
  hash: string;
  /** When the checkpoint was taken (ISO 8601, UTC). */
  at: string;
  alg: 'HMAC-SHA256' | 'Ed25519';
  /** Names the key (sha256 of the secret or of the public key, 16 hex digits): never the key itself. */
  keyId: string;
  /** base64url signature over the canonical JSON of every other field. */
  sig: string;
}

export interface ChainHead {
  seq: string;
  id: string;
  hash: string;
}

/** Signs and verifies checkpoints with the configured key. */
export class CheckpointSigner {
  readonly alg: AuditCheckpoint['alg'];
  readonly keyId: string;
  /** False for an Ed25519 public key: it verifies, it cannot sign. */
  readonly canSign: boolean;
  private readonly privateKey?: KeyObject;
  private readonly publicKey?: KeyObject;
  private readonly secret?: Buffer;

  constructor(key: CheckpointKey) {
    if (key.kind === 'hmac') {
      this.alg = 'HMAC-SHA256';
      this.secret = Buffer.from(key.secret, 'utf8');
      this.canSign = true;
      this.keyId = createHash('sha256').update(this.secret).digest('hex').slice(0, 16);
    } else {
      this.alg = 'Ed25519';
      this.privateKey = key.private ? createPrivateKey(key.pem) : undefined;
      this.publicKey = createPublicKey(this.privateKey ?? key.pem);
      this.canSign = key.private;
      const der = this.publicKey.export({ type: 'spki', format: 'der' });
      this.keyId = createHash('sha256').update(der).digest('hex').slice(0, 16);
    }
  }

  /** A checkpoint of `head` at `at`. */
  checkpoint(head: ChainHead, at: Date): AuditCheckpoint {
    const content = {
      v: 1 as const,
      seq: head.seq,
      id: head.id,
      hash: head.hash,
      at: at.toISOString(),
      alg: this.alg,
      keyId: this.keyId,
    };
    const data = Buffer.from(canonicalJson(content), 'utf8');
    let sig: Buffer;
    if (this.secret) {
      sig = createHmac('sha256', this.secret).update(data).digest();
    } else if (this.privateKey) {
      sig = sign(null, data, this.privateKey);
    } else {
      throw new Error(
        'AUDIT_CHECKPOINT_KEY is an Ed25519 public key: it verifies checkpoints, it cannot sign them',
      );
    }
    return { ...content, sig: sig.toString('base64url') };
  }

  /** Why the checkpoint's signature does not hold, or null when it does. */
  problemWith(checkpoint: AuditCheckpoint): string | null {
    if (checkpoint.alg !== this.alg || checkpoint.keyId !== this.keyId) {
      return `signed with another key (${checkpoint.alg} ${checkpoint.keyId}; configured: ${this.alg} ${this.keyId})`;
    }
    const { sig, ...content } = checkpoint;
    const data = Buffer.from(canonicalJson(content), 'utf8');
    const given = Buffer.from(sig, 'base64url');
    const valid = this.secret
      ? timingSafeEqualOrFalse(createHmac('sha256', this.secret).update(data).digest(), given)
      : verify(null, data, this.publicKey!, given);
    return valid ? null : 'the signature does not match its content';
  }
}

function timingSafeEqualOrFalse(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Appends one checkpoint as a JSON line (O_APPEND: replicas may share the file). */
export function appendCheckpoint(file: string, checkpoint: AuditCheckpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
}

export interface FileCheckpoint {
  /** 1-based line number in the file. */
  line: number;
  checkpoint: AuditCheckpoint;
}

export type CheckpointFileRead =
  { ok: true; checkpoints: FileCheckpoint[] } | { ok: false; line: number; reason: string };

const FIELDS = ['seq', 'id', 'hash', 'at', 'alg', 'keyId', 'sig'] as const;

/** Reads a checkpoint file: every non-empty line must be a checkpoint. */
export function readCheckpointFile(file: string): CheckpointFileRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, line: 0, reason: `cannot read ${file}: ${(error as Error).message}` };
  }
  const checkpoints: FileCheckpoint[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(lines[i]);
    } catch {
      return { ok: false, line: i + 1, reason: 'not JSON' };
    }
    const record = value as Record<string, unknown>;
    const missing = FIELDS.filter((field) => typeof record?.[field] !== 'string');
    if (record?.v !== 1 || missing.length > 0) {
      return {
        ok: false,
        line: i + 1,
        reason: missing.length ? `not a checkpoint (no ${missing.join(', ')})` : 'not a version 1 checkpoint',
      };
    }
    if (!/^\d+$/.test(record.seq as string)) {
      return { ok: false, line: i + 1, reason: 'seq is not a number' };
    }
    checkpoints.push({ line: i + 1, checkpoint: record as unknown as AuditCheckpoint });
  }
  return { ok: true, checkpoints };
}
