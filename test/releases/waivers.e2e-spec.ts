import { DIGEST_A, DIGEST_B, PUBLISH, SUBMIT, WAIVE, useReleaseWorld } from '../support/releases';
import { errorCode } from '../support/test-app';

/**
 * Waivers stand in for a gate until they expire with the clock; only an OPERATOR grants one, and
 * a new artifact outdates the sign-offs but not the waivers.
 */
describe('QA gate waivers: who grants them, how they expire, what outlasts a new artifact', () => {
  const w = useReleaseWorld();

  it('outdates sign-offs on a new artifact, keeps waivers, and sends the release back to review', async () => {
    const { t, maintainer, operator, create, sign, release } = w;
    const id = await create('1.0.3');
    await t.gql(SUBMIT, { id }, maintainer);
    await sign(id, 'USABILITY');
    await sign(id, 'SECURITY');
    await t.gql(
      WAIVE,
      {
        input: {
          releaseId: id,
          kind: 'INTERFACES',
          reason: 'Schnittstelle unverändert',
          ticket: 'OPS-17',
          expiresAt: '2027-01-31T00:00:00Z',
        },
      },
      operator,
    );
    expect((await release(id)).state).toBe('APPROVED');
    const updated = await t.gql(
      `mutation($id: ID!, $d: String!) { updateReleaseArtifact(id: $id, artifactDigest: $d) { state artifactDigest } }`,
      { id, d: DIGEST_B },
      maintainer,
    );
    expect(updated.data?.updateReleaseArtifact).toEqual({ state: 'IN_REVIEW', artifactDigest: DIGEST_B });
    const after = await release(id);
    expect(after.gates.map((g: any) => [g.kind, g.status, g.approvals])).toEqual([
      ['USABILITY', 'PENDING', 0],
      ['SECURITY', 'PENDING', 0],
      ['INTERFACES', 'WAIVED', 0],
    ]);
    expect(after.gates[0].signOffs).toEqual([
      expect.objectContaining({ outdated: true, artifactDigest: DIGEST_A }),
    ]);
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { updateReleaseArtifact(id: $id, artifactDigest: "sha256:XYZ") { id } }`,
          { id },
          maintainer,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('lets a waiver expire with the clock: the gate shows its own status and publishing is refused', async () => {
    const { t, maintainer, operator, create, sign, release } = w;
    const id = await create('1.0.4');
    await t.gql(SUBMIT, { id }, maintainer);
    await sign(id, 'USABILITY');
    await sign(id, 'INTERFACES');
    const waived = await t.gql(
      WAIVE,
      {
        input: {
          releaseId: id,
          kind: 'SECURITY',
          reason: 'Pentest folgt',
          ticket: 'SEC-1',
          expiresAt: '2026-12-01T00:00:00Z',
        },
      },
      operator,
    );
    expect(waived.data?.waiveGate).toEqual({
      kind: 'SECURITY',
      status: 'WAIVED',
      blockedReason: null,
      waiver: { expired: false },
    });
    t.clock.set('2026-12-02T08:00:00Z');
    try {
      const gate = (await release(id)).gates.find((g: any) => g.kind === 'SECURITY');
      expect(gate).toMatchObject({
        status: 'PENDING',
        waiver: { expired: true },
        blockedReason: 'needs 1 more SECURITY approval; waiver expired on 2026-12-01',
      });
      const refused = await t.gql(PUBLISH, { id }, maintainer);
      expect(errorCode(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0].message).toContain('expired on 2026-12-01');
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
  });

  it('checks waivers: OPERATOR only, reason, ticket, expiry in the future and at most 366 days ahead', async () => {
    const { t, maintainer, operator, reviewer, create } = w;
    const id = await create('1.0.5');
    await t.gql(SUBMIT, { id }, maintainer);
    const input = {
      releaseId: id,
      kind: 'SECURITY',
      reason: 'r',
      ticket: 't',
      expiresAt: '2027-01-01T00:00:00Z',
    };
    expect(errorCode(await t.gql(WAIVE, { input }, maintainer))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(WAIVE, { input }, reviewer.SECURITY))).toBe('FORBIDDEN');
    expect(
      errorCode(await t.gql(WAIVE, { input: { ...input, expiresAt: '2026-11-27T00:00:00Z' } }, operator)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await t.gql(WAIVE, { input: { ...input, expiresAt: '2027-12-31T00:00:00Z' } }, operator)),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(WAIVE, { input: { ...input, ticket: ' ' } }, operator))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await t.gql(WAIVE, { input }, operator)).data?.waiveGate.status).toBe('WAIVED');
  });

  it('audits a return to APPROVED after a waiver expired, and a repeated digest outdates nothing', async () => {
    const { t, maintainer, operator, create, sign, release } = w;
    const id = await create('1.8.0', {
      interfaces: [{ standard: 'xbau', version: '2.3', direction: 'CONSUMES' }],
    });
    await t.gql(SUBMIT, { id }, maintainer);
    await sign(id, 'USABILITY');
    await sign(id, 'INTERFACES');
    await t.gql(
      WAIVE,
      {
        input: {
          releaseId: id,
          kind: 'SECURITY',
          reason: 'r',
          ticket: 't',
          expiresAt: '2026-11-29T00:00:00Z',
        },
      },
      operator,
    );
    const same = await t.gql(
      `mutation($id: ID!) { updateReleaseArtifact(id: $id, artifactDigest: "${DIGEST_A}") { state } }`,
      { id },
      maintainer,
    );
    expect(same.data?.updateReleaseArtifact.state).toBe('APPROVED');
    expect((await release(id)).gates[0].signOffs[0].outdated).toBe(false);
    t.clock.set('2026-11-30T10:00:00Z');
    try {
      expect((await release(id)).state).toBe('IN_REVIEW');
      await sign(id, 'SECURITY');
      expect((await release(id)).state).toBe('APPROVED');
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
    const audit = (await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { action } }`, { id }, operator))
      .data?.auditTrail;
    expect(audit.filter((e: any) => e.action === 'release.approve')).toHaveLength(2); // by the waiver, then by the approval
    const empty = await t.gql(
      `mutation($id: ID!) { updateRelease(id: $id, input: {}) { version } }`,
      { id },
      maintainer,
    );
    expect(empty.data?.updateRelease).toEqual({ version: '1.8.0' });
  });
});
