import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyAuditChain } from '#src/common/audit/verify-chain';
import { Role } from '#src/common/auth/role';
import { registerOrganisation } from './support/factories';
import { errorCode, startTestApp, TEST_START, type TestApp } from './support/test-app';

const run = promisify(execFile);
const AUDIT_VERIFY = join(__dirname, '..', 'dist', 'src', 'cli', 'audit-verify.js');
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { id at actor action entityType entityId data hash } }`;

async function auditVerify(databaseUrl: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [AUDIT_VERIFY], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

describe('audit trail', () => {
  let t: TestApp;
  let operator: string;
  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf', name: 'Olaf' });
  });
  afterAll(() => t.close());

  it('records who did what and when (the clock), readable by OPERATOR only', async () => {
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    t.clock.advanceDays(1);
    const registered = await t.gql(
      `mutation { registerOrganisation(input: { key: "komfit", name: "KomFIT", kind: SERVICE_PROVIDER }) { id } }`,
      {},
      operator,
    );
    const id = registered.data!.registerOrganisation.id as string;
    const trail = await t.gql(TRAIL, { id }, operator);
    expect(trail.data?.auditTrail).toEqual([
      expect.objectContaining({
        at: new Date(new Date(TEST_START).getTime() + 86_400_000).toISOString(),
        actor: 'olaf',
        action: 'organisation.register',
        entityType: 'Organisation',
        entityId: id,
        data: '{"ars":null,"key":"komfit","kind":"SERVICE_PROVIDER","name":"KomFIT","parentKey":null}',
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    const maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport' });
    expect(errorCode(await t.gql(TRAIL, { id }, maintainer))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(TRAIL, { id }))).toBe('UNAUTHENTICATED');
  });

  it('writes nothing when the change fails', async () => {
    const [{ count: before }] = await t.db.query('SELECT count(*)::int AS count FROM audit_event');
    const duplicate = await t.gql(
      `mutation { registerOrganisation(input: { key: "komfit", name: "KomFIT", kind: SERVICE_PROVIDER }) { id } }`,
      {},
      operator,
    );
    expect(errorCode(duplicate)).toBe('CONFLICT');
    const [{ count: after }] = await t.db.query('SELECT count(*)::int AS count FROM audit_event');
    expect(after).toBe(before);
  });

  it('keeps one unbroken chain under 20 concurrent mutations', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql(
          `mutation($key: String!) { registerOrganisation(input: { key: $key, name: "P", kind: OTHER }) { id } }`,
          { key: `p-${i}` },
          operator,
        ),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM audit_event');
    const links = await t.db.query(
      'SELECT count(DISTINCT prev_hash)::int AS distinct_links FROM audit_event',
    );
    expect(links[0].distinct_links).toBe(count); // no two events share a predecessor: no fork
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, verified: count });
  });

  it('npm run audit:verify confirms an intact chain and names the first tampered event', async () => {
    const intact = await auditVerify(t.databaseUrl);
    expect(intact.code).toBe(0);
    expect(intact.output).toMatch(/audit chain intact: \d+ events verified/);

    const [victim] = await t.db.query('SELECT id FROM audit_event ORDER BY seq OFFSET 2 LIMIT 1');
    // The table refuses changes; an attacker with the owner's rights switches that off first.
    await expect(t.db.query(`UPDATE audit_event SET data = '{}' WHERE id = $1`, [victim.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('DELETE FROM audit_event WHERE id = $1', [victim.id])).rejects.toThrow(
      /append-only/,
    );
    await t.db.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await t.db.query(`UPDATE audit_event SET data = '{"key":"forged"}' WHERE id = $1`, [victim.id]);
    const tampered = await auditVerify(t.databaseUrl);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain(`BROKEN at event ${victim.id}`);
    expect(tampered.output).toContain('2 events before it verified');
  });
});
