import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  at: Date;
  actor: string;
  actorSnapshot: unknown;
  action: string;
  entityType: string;
  entityId: string;
  data: string | null;
  prevHash: string;
}

/** Canonical JSON (RFC 8785), so the same event hashes the same on any machine and any key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) {
    throw new Error('value cannot be represented as JSON');
  }
  return text;
}

/** sha256 over the event's content and the previous event's hash: editing or removing one breaks the next. */
export function eventHash(event: ChainedContent): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        at: event.at.toISOString(),
        actor: event.actor,
        actorSnapshot: event.actorSnapshot,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        data: event.data,
        prevHash: event.prevHash,
      }),
    )
    .digest('hex');
}

export interface StoredEvent extends ChainedContent {
  id: string;
  seq: string;
  hash: string;
}

/** How an event fails its check: its link to the event before it, or its content against its hash. */
export type ChainBreak = 'LINK_MISMATCH' | 'CONTENT_MISMATCH';

export type ChainCheck =
  | { ok: true; verified: number }
  | { ok: false; verified: number; broken: StoredEvent; problem: ChainBreak; reason: string };

/** Walks events in chain order; `previous` is the hash the first of them must link to. */
export function checkChain(
  events: Iterable<StoredEvent>,
  previous = GENESIS_HASH,
  verifiedBefore = 0,
): ChainCheck & { last: string } {
  let verified = verifiedBefore;
  let last = previous;
  for (const event of events) {
    if (event.prevHash !== last) {
      return {
        ok: false,
        verified,
        broken: event,
        problem: 'LINK_MISMATCH',
        reason: 'does not link to the event before it',
        last,
      };
    }
    if (eventHash(event) !== event.hash) {
      return {
        ok: false,
        verified,
        broken: event,
        problem: 'CONTENT_MISMATCH',
        reason: 'content does not match its hash',
        last,
      };
    }
    last = event.hash;
    verified++;
  }
  return { ok: true, verified, last };
}
