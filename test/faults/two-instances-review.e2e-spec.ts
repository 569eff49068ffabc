import { verifyAuditChain } from '#src/common/audit/verify-chain';
import { Role } from '#src/common/auth/role';
import { registerOrganisation, registerService } from '../support/factories';
import { PUBLISH, SIGN, SUBMIT } from '../support/releases';
import { errorCode, startTestApp, type GqlResult, type TestApp } from '../support/test-app';

const KINDS = [
  ['USABILITY', Role.REVIEWER_USABILITY],
  ['SECURITY', Role.REVIEWER_SECURITY],
  ['INTERFACES', Role.REVIEWER_INTERFACES],
] as const;
/** Releases reviewed at once, and reviewers per gate kind: RELEASES x 3 x REVIEWERS sign-offs in flight together. */
const RELEASES = 4;
const REVIEWERS = 3;

/**
 * Two instances of the service on one database, as behind a load balancer: concurrent sign-offs
 * and publications of the same releases through both end in one transition each, audited once.
 */
describe('fault: two instances review and publish the same releases at once', () => {
  let a: TestApp;
  let b: TestApp;
  let maintainer: string;
  const releaseIds: string[] = [];
  const reviewers: { kind: string; token: string }[] = [];

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { sharing: a });
    await registerOrganisation(a, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(a, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    maintainer = await a.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia' });
    for (let i = 0; i < RELEASES; i++) {
      // One service each: publications of one service take turns anyway (baseline check).
      const serviceId = await registerService(a, { slug: `race-${i}`, ownerKey: 'dataport' });
      const created = await a.gql(
        `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
        { input: { serviceId, version: '1.0.0', artifactDigest: `sha256:${'e'.repeat(64)}` } },
        maintainer,
      );
      const id = created.data!.createRelease.id as string;
      expect(errorCode(await a.gql(SUBMIT, { id }, maintainer))).toBeUndefined();
      releaseIds.push(id);
    }
    for (const [kind, role] of KINDS) {
      for (let r = 0; r < REVIEWERS; r++) {
        reviewers.push({ kind, token: await a.token({ roles: [role], org: 'komfit', sub: `${kind}-${r}` }) });
      }
    }
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const auditCount = async (action: string, id: string): Promise<number> => {
    const [{ count }] = await a.db.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE action = $1 AND entity_id = $2`,
      [action, id],
    );
    return count;
  };

  it('approves each release once under concurrent sign-offs through both instances', async () => {
    const calls: Promise<GqlResult>[] = [];
    let n = 0;
    for (const releaseId of releaseIds) {
      for (const { kind, token } of reviewers) {
        const instance = n++ % 2 === 0 ? a : b;
        calls.push(instance.gql(SIGN, { input: { releaseId, kind, verdict: 'APPROVE' } }, token));
      }
    }
    const started = Date.now();
    const results = await Promise.all(calls);
    const elapsed = Date.now() - started;
    expect(results).toHaveLength(RELEASES * KINDS.length * REVIEWERS);
    expect(results.filter((r) => r.errors)).toEqual([]);
    for (const id of releaseIds) {
      const [row] = await a.db.query(`SELECT state FROM release WHERE id = $1`, [id]);
      expect(row.state).toBe('APPROVED');
      // One transition, audited once; every sign-off kept once (one per reviewer and gate).
      expect(await auditCount('release.approve', id)).toBe(1);
      expect(await auditCount('release.signOff', id)).toBe(KINDS.length * REVIEWERS);
      const [{ count }] = await a.db.query(
        `SELECT count(*)::int AS count FROM sign_off s JOIN qa_gate g ON g.id = s.gate_id WHERE g.release_id = $1`,
        [id],
      );
      expect(count).toBe(KINDS.length * REVIEWERS);
    }
    // Figures for docs/security.md.
    process.stdout.write(`two instances: ${results.length} concurrent sign-offs in ${elapsed} ms\n`);
  });

  it('publishes each release once when both instances are asked at the same time', async () => {
    const results = await Promise.all(
      releaseIds.flatMap((id) => [a.gql(PUBLISH, { id }, maintainer), b.gql(PUBLISH, { id }, maintainer)]),
    );
    for (let i = 0; i < releaseIds.length; i++) {
      const pair = [results[2 * i], results[2 * i + 1]];
      expect(pair.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      const [row] = await a.db.query(`SELECT state, published_at FROM release WHERE id = $1`, [
        releaseIds[i],
      ]);
      expect(row.state).toBe('PUBLISHED');
      expect(row.published_at).not.toBeNull();
      expect(await auditCount('release.publish', releaseIds[i])).toBe(1);
    }
    // No fork: every event links to its own predecessor, across both instances' writes.
    const [{ count, links }] = await a.db.query(
      'SELECT count(*)::int AS count, count(DISTINCT prev_hash)::int AS links FROM audit_event',
    );
    expect(links).toBe(count);
    expect(await verifyAuditChain(a.db)).toEqual({ ok: true, verified: count });
  });
});
