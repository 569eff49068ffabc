import { describe, expect, it } from 'vitest';
import { gateMissing, type GateFacts } from './gate-reason';

const base: GateFacts = {
  kind: 'SECURITY',
  status: 'PENDING',
  approvals: 0,
  requiredApprovals: 1,
  hold: null,
  signOffs: [],
  waiver: null,
};
const impact = { removed: [], suggestedVersion: '3.0.0' };

describe('gateMissing: what a gate lacks, in German, from its fields', () => {
  it('says nothing for a passed or waived gate', () => {
    expect(gateMissing({ ...base, status: 'PASSED', approvals: 1 }, impact)).toEqual([]);
    expect(gateMissing({ ...base, status: 'WAIVED' }, impact)).toEqual([]);
  });

  it('counts the missing approvals, singular and plural', () => {
    expect(gateMissing(base, impact)).toEqual(['Es fehlt noch 1 Freigabe (Sicherheit).']);
    expect(gateMissing({ ...base, requiredApprovals: 3, approvals: 1 }, impact)).toEqual([
      'Es fehlen noch 2 Freigaben (Sicherheit).',
    ]);
  });

  it('names each current rejection with its comment; an outdated one no longer counts', () => {
    const gate: GateFacts = {
      ...base,
      status: 'FAILED',
      signOffs: [
        {
          verdict: 'REJECT',
          outdated: false,
          comment: 'TLS 1.0 noch aktiv',
          reviewer: { name: 'Sina Security' },
        },
        { verdict: 'REJECT', outdated: true, comment: 'alt', reviewer: { name: 'Sam Alt' } },
      ],
    };
    expect(gateMissing(gate, impact)).toEqual(['Abgelehnt von Sina Security: „TLS 1.0 noch aktiv“']);
  });

  it('explains the semver hold of an INTERFACES gate with the version that would fit', () => {
    const gate: GateFacts = { ...base, kind: 'INTERFACES', approvals: 1, hold: 'SEMVER_INCONSISTENT' };
    const removed = { removed: [{ standard: { name: 'XMeld' }, version: '3.4' }], suggestedVersion: '2.0.0' };
    const [reason] = gateMissing(gate, removed);
    expect(reason).toContain('Die Version entfernt XMeld 3.4, ist aber keine neue Hauptversion.');
    expect(reason).toContain('mindestens 2.0.0');
    expect(gateMissing(gate, impact)[0]).toContain('inkompatible Änderung');
  });

  it('adds an expired waiver', () => {
    const gate: GateFacts = { ...base, waiver: { expired: true, expiresAt: '2026-11-30T12:00:00Z' } };
    expect(gateMissing(gate, impact)).toEqual([
      'Es fehlt noch 1 Freigabe (Sicherheit).',
      'Die Ausnahme ist am 30. November 2026 abgelaufen.',
    ]);
  });
});
