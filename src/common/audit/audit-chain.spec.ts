import { checkChain, eventHash, GENESIS_HASH, type StoredEvent } from './audit-chain';

function chain(length: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= length; i++) {
    const content = {
      at: new Date(Date.UTC(2026, 10, 28, 10, i)),
      actor: 'olaf',
      actorSnapshot: { kind: 'user', subject: 'olaf', roles: ['OPERATOR'] },
      action: 'organisation.register',
      entityType: 'Organisation',
      entityId: `id-${i}`,
      data: `{"key":"o${i}"}`,
      prevHash,
    };
    const hash = eventHash(content);
    events.push({ ...content, id: `id-${i}`, seq: String(i), hash });
    prevHash = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('hashes canonically: key order of the snapshot does not matter', () => {
    const [event] = chain(1);
    const reordered = { ...event, actorSnapshot: { roles: ['OPERATOR'], subject: 'olaf', kind: 'user' } };
    expect(eventHash(reordered)).toBe(event.hash);
  });

  it('verifies an intact chain', () => {
    expect(checkChain(chain(5))).toMatchObject({ ok: true, verified: 5 });
  });

  it.each([
    [
      'edited data',
      (events: StoredEvent[]) => (events[2] = { ...events[2], data: '{"key":"forged"}' }),
      'id-3',
      'content does not match its hash',
    ],
    [
      'edited time',
      (events: StoredEvent[]) => (events[2] = { ...events[2], at: new Date(0) }),
      'id-3',
      'content does not match its hash',
    ],
    [
      'a removed event',
      (events: StoredEvent[]) => events.splice(2, 1),
      'id-4',
      'does not link to the event before it',
    ],
    [
      'a re-hashed edit',
      (events: StoredEvent[]) => {
        const forged = { ...events[2], data: '{"key":"forged"}' };
        events[2] = { ...forged, hash: eventHash(forged) };
      },
      'id-4',
      'does not link to the event before it',
    ],
  ])('names the first broken event after %s', (_label, tamper, brokenId, reason) => {
    const events = chain(5);
    tamper(events);
    const result = checkChain(events);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.broken.id).toBe(brokenId);
      expect(result.reason).toBe(reason);
      // The machine-readable kind that clients (the console) decide by, in step with the words.
      expect(result.problem).toBe(
        reason === 'content does not match its hash' ? 'CONTENT_MISMATCH' : 'LINK_MISMATCH',
      );
    }
  });
});
