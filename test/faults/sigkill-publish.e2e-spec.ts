import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CHAIN_LOCK } from '#src/common/audit/audit.repository';
import { Role } from '#src/common/auth/role';
import { approveGates, registerOrganisation, registerService } from '../support/factories';
import { runCli, startServiceProcess, type ServiceProcess } from '../support/service-process';
import { startTestApp, type TestApp } from '../support/test-app';

const PUBLISH = `mutation($id: ID!) { publishRelease(id: $id) { state publishedAt } }`;
const RELEASE = `query($id: ID!) { release(id: $id) { state publishedAt } }`;

/**
 * The service killed with SIGKILL in the middle of publishing, stalled inside its transaction
 * without a product hook: a test connection holds a lock the transaction needs later (the audit
 * chain's advisory lock, taken at commit; or the service row), so the publication waits after it
 * has updated the release. After the kill and a restart, the release is published with its
 * audit event or not at all, and the audit chain verifies.
 */
describe('fault: SIGKILL while publishing', () => {
  let t: TestApp;
  let service: ServiceProcess | undefined;
  let maintainer: string;
  let locker: Client;
  const releases: Record<string, { id: string; serviceId: string }> = {};
  const dir = mkdtempSync(join(tmpdir(), 'sigkill-'));
  // Every instance checkpoints the chain's head (at start-up, then as it grows): a killed one's too.
  const checkpoints = {
    AUDIT_CHECKPOINT_KEY: 'checkpoint-secret-that-is-long-enough-0001',
    AUDIT_CHECKPOINT_FILE: join(dir, 'checkpoints.jsonl'),
    AUDIT_CHECKPOINT_INTERVAL_MS: '200',
  };
  const start = () => startServiceProcess(t.databaseUrl, { ...checkpoints, LOG_LEVEL: 'info' });
  const verify = () =>
    runCli('audit-verify', t.databaseUrl, ['--checkpoint', checkpoints.AUDIT_CHECKPOINT_FILE], checkpoints);

  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia' });
    for (const slug of ['kill-at-commit', 'kill-mid-way']) {
      const serviceId = await registerService(t, { slug, ownerKey: 'dataport' });
      const created = await t.gql(
        `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
        { input: { serviceId, version: '1.0.0', artifactDigest: `sha256:${'f'.repeat(64)}` } },
        maintainer,
      );
      const id = created.data!.createRelease.id as string;
      await t.gql(`mutation($id: ID!) { submitRelease(id: $id) { id } }`, { id }, maintainer);
      await approveGates(t, id, 'komfit');
      releases[slug] = { id, serviceId };
    }
    locker = new Client({ connectionString: t.databaseUrl });
    await locker.connect();
    service = await start();
  });

  afterAll(async () => {
    await service?.kill('SIGKILL');
    await locker?.end();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The backend of the service's connection that waits for a lock (polled; the stall is asynchronous). */
  async function waitingBackend(waitEvent: string): Promise<number> {
    // Generous: on a loaded CI machine the service's request can take seconds to reach the lock.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows: { pid: number }[] = await t.db.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1`,
        [waitEvent],
      );
      if (rows.length === 1) {
        return rows[0].pid;
      }
      if (Date.now() > deadline) {
        throw new Error(`no backend waits for a ${waitEvent} lock (${rows.length}):\n${service?.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function backendGone(pid: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await t.db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).length > 0) {
      if (Date.now() > deadline) {
        throw new Error(`backend ${pid} of the killed service is still there`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Published with exactly one audit event, or not published and no event: never half. */
  async function outcome(id: string): Promise<'published' | 'not published'> {
    const [row] = await t.db.query(`SELECT state, published_at FROM release WHERE id = $1`, [id]);
    const [{ events }] = await t.db.query(
      `SELECT count(*)::int AS events FROM audit_event WHERE action = 'release.publish' AND entity_id = $1`,
      [id],
    );
    if (row.state === 'PUBLISHED') {
      expect({ publishedAt: row.published_at !== null, events }).toEqual({ publishedAt: true, events: 1 });
      return 'published';
    }
    expect({ state: row.state, publishedAt: row.published_at, events }).toEqual({
      state: 'APPROVED',
      publishedAt: null,
      events: 0,
    });
    return 'not published';
  }

  /** `held`: the lock the stalled transaction holds on the release table (RowExclusiveLock: it has updated the release). */
  async function killDuringPublish(
    id: string,
    stall: () => Promise<void>,
    waitEvent: string,
    held: 'RowShareLock' | 'RowExclusiveLock',
  ): Promise<void> {
    await locker.query('BEGIN');
    await stall();
    // Not awaited: the call hangs in the stalled transaction, then its connection dies.
    const call = service!.gql(PUBLISH, { id }, maintainer).then(
      () => 'answered',
      () => 'no answer',
    );
    const pid = await waitingBackend(waitEvent);
    const locks: { mode: string }[] = await t.db.query(
      `SELECT mode FROM pg_locks WHERE pid = $1 AND relation = 'release'::regclass AND granted`,
      [pid],
    );
    expect(locks.map((l) => l.mode)).toContain(held);
    expect(await service!.kill('SIGKILL')).toBe('SIGKILL');
    expect(await call).toBe('no answer');
    await locker.query('COMMIT');
    await backendGone(pid);
  }

  it('after a SIGKILL while waiting for the audit chain lock (at commit), nothing is half done', async () => {
    const { id } = releases['kill-at-commit'];
    await killDuringPublish(
      id,
      () => locker.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]).then(() => undefined),
      'advisory',
      'RowExclusiveLock', // the release is updated to PUBLISHED in the stalled transaction
    );
    // The killed instance had checkpointed the head at start-up, in the file and in its log.
    expect(readFileSync(checkpoints.AUDIT_CHECKPOINT_FILE, 'utf8')).toMatch(/"hash":"[0-9a-f]{64}"/);
    expect(service!.output()).toContain('audit checkpoint {');
    service = await start();
    // The update was made, the commit never came: PostgreSQL rolled the whole transaction back.
    expect(await outcome(id)).toBe('not published');
    expect((await service.gql(RELEASE, { id }, maintainer)).data?.release).toEqual({
      state: 'APPROVED',
      publishedAt: null,
    });
    const verified = await verify();
    expect(verified).toMatchObject({ code: 0, output: expect.stringMatching(/audit chain intact/) });
    // The restarted service publishes it: nothing of the killed attempt is left in the way.
    const published = await service.gql(PUBLISH, { id }, maintainer);
    expect(published.errors).toBeUndefined();
    expect(published.data?.publishRelease.state).toBe('PUBLISHED');
    expect(await outcome(id)).toBe('published');
  }, 90_000);

  it('after a SIGKILL while waiting for the service row (mid-way), nothing is half done', async () => {
    const { id, serviceId } = releases['kill-mid-way'];
    await killDuringPublish(
      id,
      () =>
        locker
          .query('SELECT id FROM online_service WHERE id = $1 FOR UPDATE', [serviceId])
          .then(() => undefined),
      'transactionid',
      'RowShareLock', // the release is locked (FOR UPDATE), not yet updated
    );
    service = await start();
    expect(await outcome(id)).toBe('not published');
    const published = await service.gql(PUBLISH, { id }, maintainer);
    expect(published.errors).toBeUndefined();
    expect(await outcome(id)).toBe('published');
    const verified = await verify();
    expect(verified.output).toMatch(/audit chain intact: \d+ events verified; \d+ checkpoints/);
    expect(verified.code).toBe(0);
  }, 90_000);
});
