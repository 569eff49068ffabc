import { Role } from '#src/common/auth/role';
import { registerService } from '../support/factories';
import { DIGEST_B, PUBLISH, SUBMIT, useReleaseWorld } from '../support/releases';
import { errorCode } from '../support/test-app';

/** Who may sign off which gate, what a REJECT does and undoes, and what reviewers find in their queue. */
describe('QA gates: sign-offs, rejections and the review queue', () => {
  const w = useReleaseWorld();

  it('refuses a reviewer token that also names OPERATOR: an operator is never a reviewer', async () => {
    const { t, maintainer, create, sign } = w;
    const id = await create('1.6.0', {
      interfaces: [{ standard: 'xbau', version: '2.3', direction: 'CONSUMES' }],
    });
    await t.gql(SUBMIT, { id }, maintainer);
    const both = await t.token({ roles: [Role.OPERATOR, Role.REVIEWER_SECURITY], sub: 'olga' });
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', both))).toBe('FORBIDDEN');
    expect((await t.gql(`{ reviewQueue { kind } }`, {}, both)).data?.reviewQueue).toEqual([]);
  });

  it('refuses the creator’s own sign-off, the wrong reviewer kind, operators and maintainers', async () => {
    const { t, maintainer, operator, reviewer, create, sign } = w;
    const id = await create('1.0.1');
    await t.gql(SUBMIT, { id }, maintainer);
    const selfReviewer = await t.token({
      roles: [Role.MAINTAINER, Role.REVIEWER_SECURITY],
      org: 'dataport',
      sub: 'mia',
    });
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', selfReviewer))).toBe('FORBIDDEN');
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', reviewer.USABILITY))).toBe('FORBIDDEN');
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', operator))).toBe('FORBIDDEN');
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE', maintainer))).toBe('FORBIDDEN');
    expect(errorCode(await sign(id, 'SECURITY', 'APPROVE'))).toBeUndefined();
  });

  it('lets a late REJECT turn APPROVED into REJECTED and a replacing APPROVE bring it back', async () => {
    const { t, maintainer, reviewer, create, sign, approveAll, release } = w;
    const id = await create('1.0.2', {
      interfaces: [{ standard: 'xbau', version: '2.2', direction: 'CONSUMES' }],
    });
    await t.gql(SUBMIT, { id }, maintainer);
    await approveAll(id);
    expect((await release(id)).state).toBe('APPROVED');
    const rejected = await sign(id, 'SECURITY', 'REJECT', reviewer.SECURITY, 'XSS im Formular');
    expect(rejected.data?.signOff).toMatchObject({
      status: 'FAILED',
      blockedReason: 'rejected by Sina: XSS im Formular',
      release: { state: 'REJECTED' },
    });
    expect(errorCode(await t.gql(PUBLISH, { id }, maintainer))).toBe('CONFLICT');
    const back = await sign(id, 'SECURITY', 'APPROVE');
    expect(back.data?.signOff).toMatchObject({
      status: 'PASSED',
      approvals: 1,
      release: { state: 'APPROVED' },
    });
    const gate = (await release(id)).gates.find((g: any) => g.kind === 'SECURITY');
    expect(gate.signOffs).toEqual([
      expect.objectContaining({ reviewer: { id: 'sina' }, verdict: 'APPROVE' }),
    ]); // one current sign-off per reviewer
  });

  it('edits notes until publication, changes and interfaces in DRAFT only', async () => {
    const { t, maintainer, create } = w;
    const id = await create('1.2.0');
    const UPDATE = `mutation($id: ID!, $input: UpdateReleaseInput!) { updateRelease(id: $id, input: $input) { notes } }`;
    expect(
      (
        await t.gql(
          UPDATE,
          { id, input: { notes: 'Neu', changes: [{ type: 'ADDED', description: 'Feld' }] } },
          maintainer,
        )
      ).errors,
    ).toBeUndefined();
    await t.gql(SUBMIT, { id }, maintainer);
    expect(
      (await t.gql(UPDATE, { id, input: { notes: 'Im Review' } }, maintainer)).data?.updateRelease,
    ).toEqual({ notes: 'Im Review' });
    expect(errorCode(await t.gql(UPDATE, { id, input: { changes: [] } }, maintainer))).toBe('CONFLICT');
  });

  it('lists the PENDING gates a reviewer may sign, oldest first, never its own releases', async () => {
    const { t, operator, reviewer } = w;
    const queue = async (token: string, kind?: string) =>
      (
        await t.gql(
          `query($k: QaGateKind) { reviewQueue(kind: $k) { kind status release { version } } }`,
          { k: kind ?? null },
          token,
        )
      ).data?.reviewQueue;
    const security = await queue(reviewer.SECURITY);
    expect(security.every((g: any) => g.kind === 'SECURITY' && g.status === 'PENDING')).toBe(true);
    expect(security.map((g: any) => g.release.version)).toContain('1.2.0');
    expect(await queue(reviewer.SECURITY, 'USABILITY')).toEqual([]);
    expect(await queue(operator)).toEqual([]);
    expect(errorCode(await t.gql(`{ reviewQueue { kind } }`))).toBe('UNAUTHENTICATED');
  });

  it('keeps the gates of a submitted release when the policy changes later', async () => {
    const { t, maintainer, operator, create, release } = w;
    const svc = await registerService(t, { slug: 'snapshot', ownerKey: 'dataport' });
    const id = await create('1.0.0', { serviceId: svc });
    await t.gql(SUBMIT, { id }, maintainer);
    await t.gql(
      `mutation($id: ID!) { setQaPolicy(serviceId: $id, rules: [{ kind: SECURITY, requiredApprovals: 5 }]) { id } }`,
      { id: svc },
      operator,
    );
    expect((await release(id)).gates.map((g: any) => [g.kind, g.requiredApprovals])).toEqual([
      ['USABILITY', 1],
      ['SECURITY', 1],
      ['INTERFACES', 1],
    ]);
  });

  it('withdraws from APPROVED and REJECTED, and a new digest brings a REJECTED release back to review', async () => {
    const { t, maintainer, reviewer, create, sign, approveAll, release } = w;
    const keep = { interfaces: [{ standard: 'xbau', version: '2.3', direction: 'CONSUMES' }] };
    const approved = await create('1.9.0', keep);
    await t.gql(SUBMIT, { id: approved }, maintainer);
    await approveAll(approved);
    const withdraw = (id: string) =>
      t.gql(
        `mutation($id: ID!) { withdrawRelease(id: $id, reason: "Zurückgezogen") { state } }`,
        { id },
        maintainer,
      );
    expect((await withdraw(approved)).data?.withdrawRelease.state).toBe('WITHDRAWN');

    const rejected = await create('1.9.1', keep);
    await t.gql(SUBMIT, { id: rejected }, maintainer);
    await sign(rejected, 'SECURITY', 'REJECT', reviewer.SECURITY, 'Nein');
    expect((await release(rejected)).state).toBe('REJECTED');
    const reopened = await t.gql(
      `mutation($id: ID!) { updateReleaseArtifact(id: $id, artifactDigest: "${DIGEST_B}") { state } }`,
      { id: rejected },
      maintainer,
    );
    expect(reopened.data?.updateReleaseArtifact.state).toBe('IN_REVIEW');
    await sign(rejected, 'SECURITY', 'REJECT', reviewer.SECURITY, 'Immer noch nein');
    expect((await withdraw(rejected)).data?.withdrawRelease.state).toBe('WITHDRAWN');
  });

  it('lists the review queue oldest first and never a reviewer’s own releases', async () => {
    const { t, maintainer, create } = w;
    const svc = await registerService(t, { slug: 'queue-order', ownerKey: 'dataport' });
    const both = await t.token({
      roles: [Role.MAINTAINER, Role.REVIEWER_USABILITY],
      org: 'dataport',
      sub: 'rhea',
      name: 'Rhea',
    });
    const submitAt = async (version: string, at: string, token: string) => {
      t.clock.set(at);
      const id = await create(version, { serviceId: svc }, token);
      await t.gql(SUBMIT, { id }, token);
      return id;
    };
    try {
      await submitAt('3.0.0', '2026-11-28T12:00:00Z', maintainer);
      await submitAt('2.0.0', '2026-11-28T11:00:00Z', maintainer);
      await submitAt('4.0.0', '2026-11-28T13:00:00Z', both); // Rhea's own
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
    const queue = (
      await t.gql(`{ reviewQueue(kind: USABILITY) { release { version service { slug } } } }`, {}, both)
    ).data?.reviewQueue;
    const mine = queue
      .filter((g: any) => g.release.service.slug === 'queue-order')
      .map((g: any) => g.release.version);
    expect(mine).toEqual(['2.0.0', '3.0.0']);
  });
});
