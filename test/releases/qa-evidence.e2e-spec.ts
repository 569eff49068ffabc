import { Role } from '#src/common/auth/role';
import { registerNorm } from '../support/factories';
import { PUBLISH, SUBMIT, useReleaseWorld, WAIVE } from '../support/releases';

/**
 * Release.qaEvidence (issue 14, part 8; domain.md, "Who may do what"): anyone, anonymous
 * included, reads the QA evidence of a PUBLISHED release per gate (kind, status, approvals, a
 * waiver's expiry); the reviewers, their verdicts and comments stay restricted to Release.gates.
 */
const EVIDENCE = `qaEvidence { kind status requiredApprovals approvals waiverExpiresAt waiverExpired }`;
const GET = `query($id: ID!) { release(id: $id) { version state ${EVIDENCE} gates { kind status signOffs { comment } } } }`;

describe('the public QA evidence of a release', () => {
  const w = useReleaseWorld();
  const read = async (id: string, token?: string) => {
    const result = await w.t.gql(GET, { id }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.release;
  };
  const publish = async (id: string) => {
    const published = await w.t.gql(PUBLISH, { id }, w.maintainer);
    expect(published.errors).toBeUndefined();
  };

  let passed: string;
  let waived: string;
  let inReview: string;

  beforeAll(async () => {
    // 1.0.0: every gate approved, one approval with a comment that must stay restricted.
    passed = await w.create('1.0.0');
    await w.t.gql(SUBMIT, { id: passed }, w.maintainer);
    await w.sign(passed, 'USABILITY', 'APPROVE', w.reviewer.USABILITY, 'Geheimer Prüfvermerk');
    await w.sign(passed, 'SECURITY');
    await w.sign(passed, 'INTERFACES');
    await publish(passed);

    // 1.1.0: SECURITY waived for 30 days, the others approved.
    waived = await w.create('1.1.0');
    await w.t.gql(SUBMIT, { id: waived }, w.maintainer);
    const waiver = await w.t.gql(
      WAIVE,
      {
        input: {
          releaseId: waived,
          kind: 'SECURITY',
          reason: 'Pentest folgt',
          ticket: 'SEC-1',
          expiresAt: '2026-12-28T10:00:00.000Z',
        },
      },
      w.operator,
    );
    expect(waiver.errors).toBeUndefined();
    await w.sign(waived, 'USABILITY');
    await w.sign(waived, 'INTERFACES');
    await publish(waived);

    inReview = await w.create('1.2.0');
    await w.t.gql(SUBMIT, { id: inReview }, w.maintainer);
    await w.sign(inReview, 'USABILITY');
  });

  it('shows anonymous callers each gate of a PUBLISHED release, PASSED, with its approvals', async () => {
    const release = await read(passed);
    expect(release.state).toBe('PUBLISHED');
    expect(release.qaEvidence).toEqual(
      ['USABILITY', 'SECURITY', 'INTERFACES'].map((kind) => ({
        kind,
        status: 'PASSED',
        requiredApprovals: 1,
        approvals: 1,
        waiverExpiresAt: null,
        waiverExpired: false,
      })),
    );
    // The sign-offs stay restricted as before: no gates, so no comments, for anonymous.
    expect(release.gates).toEqual([]);
  });

  it('offers no field that names a reviewer, a verdict or a comment', async () => {
    const result = await w.t.gql(`{ __type(name: "QaEvidence") { fields { name } } }`);
    const fields = result.data!.__type.fields.map((f: { name: string }) => f.name).sort();
    expect(fields).toEqual([
      'approvals',
      'kind',
      'requiredApprovals',
      'status',
      'waiverExpired',
      'waiverExpiresAt',
    ]);
    expect(JSON.stringify(await read(passed))).not.toContain('Geheimer Prüfvermerk');
  });

  it("shows a waived gate as WAIVED with the waiver's expiry", async () => {
    const security = (await read(waived)).qaEvidence.find((e: any) => e.kind === 'SECURITY');
    expect(security).toEqual({
      kind: 'SECURITY',
      status: 'WAIVED',
      requiredApprovals: 1,
      approvals: 0,
      waiverExpiresAt: '2026-12-28T10:00:00.000Z',
      waiverExpired: false,
    });
  });

  it('is the same for every caller: anonymous, a municipality, another maintainer, a reviewer, the operator', async () => {
    const kiel = await w.t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: '010020000000' });
    const answers = [];
    for (const token of [undefined, kiel, w.otherMaintainer, w.reviewer.SECURITY, w.operator, w.maintainer]) {
      answers.push(JSON.stringify((await read(waived, token)).qaEvidence));
    }
    expect(new Set(answers).size).toBe(1);
  });

  it('is empty for a release that is not PUBLISHED, also for those who see its gates', async () => {
    const forOwner = await read(inReview, w.maintainer);
    expect(forOwner.state).toBe('IN_REVIEW');
    expect(forOwner.gates.length).toBe(3);
    expect(forOwner.qaEvidence).toEqual([]);
    // Anonymous callers do not see the release at all.
    expect((await w.t.gql(GET, { id: inReview })).data!.release).toBeNull();
  });

  it('keeps the status of publication after the waiver expired (and says that it did)', async () => {
    w.t.clock.set('2027-01-15T10:00:00.000Z');
    try {
      const security = (await read(waived)).qaEvidence.find((e: any) => e.kind === 'SECURITY');
      expect(security).toMatchObject({ status: 'WAIVED', waiverExpired: true });
      // Release.gates derives the status now: without its waiver the gate is PENDING.
      const gate = (await read(waived, w.operator)).gates.find((g: any) => g.kind === 'SECURITY');
      expect(gate.status).toBe('PENDING');
    } finally {
      w.t.clock.set('2026-11-28T10:00:00.000Z');
    }
  });

  it('stays readable on a deprecated release', async () => {
    const deprecated = await w.t.gql(
      `mutation($id: ID!) { deprecateRelease(id: $id, reason: "Veraltet") { state } }`,
      { id: passed },
      w.maintainer,
    );
    expect(deprecated.errors).toBeUndefined();
    expect((await read(passed)).qaEvidence.map((e: any) => e.status)).toEqual(['PASSED', 'PASSED', 'PASSED']);
  });

  it("answers an anonymous visitor's service page in one query: legal bases, releases, the latest release's evidence", async () => {
    await registerNorm(w.t, 'LBO SH', { jurisdiction: 'DE-SH' });
    const updated = await w.t.gql(
      `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id } }`,
      { id: w.serviceId, input: { legalBases: [{ norm: 'LBO SH', provision: '§ 64' }], maturityLevel: 3 } },
      w.operator,
    );
    expect(updated.errors).toBeUndefined();
    const page = await w.t.gql(
      `query($slug: String!) { service(slug: $slug) {
        slug name summary description leikaKeys themenfeld maturityLevel reuseModel lifecycle subscriptionCount
        owner { key name }
        legalBases { provision norm { abbreviation title url eli } }
        releases(first: 20) { totalCount edges { node { version state publishedAt ${EVIDENCE} } } }
        latestRelease { version publishedAt ${EVIDENCE} }
      } }`,
      { slug: 'bauantrag' },
    );
    expect(page.errors).toBeUndefined();
    const service = page.data!.service;
    expect(service.legalBases).toEqual([
      { provision: '§ 64', norm: { abbreviation: 'LBO SH', title: 'Gesetz LBO SH', url: null, eli: null } },
    ]);
    // Anonymous: only the PUBLISHED releases (1.0.0 deprecated, 1.1.0), not 1.2.0 in review.
    expect(service.releases.edges.map((e: any) => e.node.version).sort()).toEqual(['1.0.0', '1.1.0']);
    // 1.0.0 is deprecated, so the latest release is 1.1.0, with its waived SECURITY gate.
    expect(service.latestRelease.version).toBe('1.1.0');
    expect(service.latestRelease.qaEvidence.map((e: any) => `${e.kind}:${e.status}`)).toEqual([
      'USABILITY:PASSED',
      'SECURITY:WAIVED',
      'INTERFACES:PASSED',
    ]);
  });
});
