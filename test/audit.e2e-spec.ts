import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AuditCheckpoints } from '#src/common/audit/audit-checkpoints';
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

const VERIFY = `{ verifyAuditChain {
  ok verifiedEvents problem reason brokenEventId brokenEventSeq brokenEvent { id action data }
  checkpointLine checkpointTakenAt checkpointsChecked checkedAt } }`;

/** Events in chain order, with seq as a number. */
async function events(t: TestApp): Promise<{ id: string; seq: number; action: string }[]> {
  return t.db.query('SELECT id, seq::int AS seq, action FROM audit_event ORDER BY seq');
}

describe('verifyAuditChain (the console\'s "Kette prüfen")', () => {
  let t: TestApp;
  let operator: string;
  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf' });
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'itvsh', kind: 'OTHER' });
  });
  afterAll(() => t.close());

  it('answers an intact chain with the number of events it recomputed, to OPERATORs only', async () => {
    const chain = await events(t);
    expect(chain.length).toBeGreaterThanOrEqual(3);
    t.clock.advanceDays(2);
    const answer = await t.gql(VERIFY, {}, operator);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.verifyAuditChain).toEqual({
      ok: true,
      verifiedEvents: chain.length,
      problem: null,
      reason: null,
      brokenEventId: null,
      brokenEventSeq: null,
      brokenEvent: null,
      checkpointLine: null,
      // No AUDIT_CHECKPOINT_FILE here: the chain alone.
      checkpointTakenAt: null,
      checkpointsChecked: null,
      checkedAt: new Date(Date.parse(TEST_START) + 2 * 86_400_000).toISOString(),
    });

    const maintainer = await t.token({ roles: [Role.MAINTAINER, Role.REVIEWER_SECURITY], org: 'dataport' });
    const refused = await t.gql(VERIFY, {}, maintainer);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
    expect(errorCode(await t.gql(VERIFY, {}))).toBe('UNAUTHENTICATED');
  });

  it('names the first tampered event, its position and why, and the events before it', async () => {
    const chain = await events(t);
    const victim = chain[1];
    await t.db.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await t.db.query(`UPDATE audit_event SET data = '{"key":"forged"}' WHERE id = $1`, [victim.id]);
    const answer = await t.gql(VERIFY, {}, operator);
    expect(answer.data?.verifyAuditChain).toMatchObject({
      ok: false,
      verifiedEvents: 1,
      problem: 'CONTENT_MISMATCH',
      reason: 'content does not match its hash',
      brokenEventId: victim.id,
      brokenEventSeq: victim.seq,
      brokenEvent: { id: victim.id, action: victim.action, data: '{"key":"forged"}' },
      checkpointLine: null,
      checkpointsChecked: null,
    });

    // The event removed instead: the next one no longer links to the event before it.
    await t.db.query('DELETE FROM audit_event WHERE id = $1', [victim.id]);
    const removed = await t.gql(VERIFY, {}, operator);
    expect(removed.data?.verifyAuditChain).toMatchObject({
      ok: false,
      verifiedEvents: 1,
      problem: 'LINK_MISMATCH',
      reason: 'does not link to the event before it',
      brokenEventId: chain[2].id,
      brokenEventSeq: chain[2].seq,
    });
  });
});

describe('verifyAuditChain with AUDIT_CHECKPOINT_FILE', () => {
  const KEY = 'checkpoint-secret-that-is-long-enough-0001';
  let t: TestApp;
  let dir: string;
  let file: string;
  let operator: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-verification-'));
    file = join(dir, 'checkpoints.jsonl');
    // No checkpoints by timer: the test writes the one it needs.
    t = await startTestApp({
      AUDIT_CHECKPOINT_KEY: KEY,
      AUDIT_CHECKPOINT_FILE: file,
      AUDIT_CHECKPOINT_INTERVAL_MS: '0',
    });
    operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf' });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the signed checkpoints of the file, and sees the newest events removed, which the chain alone does not', async () => {
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    const checkpoint = await t.app.get(AuditCheckpoints).write();
    expect(checkpoint).not.toBeNull();
    const chain = await events(t);
    const intact = await t.gql(VERIFY, {}, operator);
    expect(intact.data?.verifyAuditChain).toMatchObject({
      ok: true,
      verifiedEvents: chain.length,
      checkpointsChecked: 1,
    });

    await t.db.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    const head = chain.at(-1)!;
    await t.db.query('DELETE FROM audit_event WHERE id = $1', [head.id]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const removed = await t.gql(VERIFY, {}, operator);
    expect(removed.data?.verifyAuditChain).toMatchObject({
      ok: false,
      verifiedEvents: chain.length - 1,
      problem: 'CHECKPOINT_EVENTS_REMOVED',
      reason: expect.stringContaining('the checkpointed head is no longer in the chain'),
      brokenEventId: head.id,
      brokenEventSeq: head.seq,
      brokenEvent: null,
      checkpointLine: 1,
      checkpointTakenAt: checkpoint!.at,
      checkpointsChecked: 1,
    });
  });

  it('says so when the file holds a line that is not a checkpoint, without walking the chain', async () => {
    appendFileSync(file, 'not a checkpoint\n');
    const answer = await t.gql(VERIFY, {}, operator);
    expect(answer.data?.verifyAuditChain).toMatchObject({
      ok: false,
      verifiedEvents: 0,
      problem: 'CHECKPOINT_FILE_UNUSABLE',
      reason: 'the checkpoint file (AUDIT_CHECKPOINT_FILE) is unusable at line 2: not JSON',
      brokenEventId: null,
      checkpointLine: 2,
      checkpointsChecked: null,
    });
  });
});
