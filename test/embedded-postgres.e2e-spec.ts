import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevToken } from '#src/common/auth/dev-token';
import { Role } from '#src/common/auth/role';
import { DEMO_STANDARDS } from '#src/seed/demo-data';

const MAIN = join(__dirname, '..', 'dist', 'src', 'main.js');
const SECRET = 'embedded-test-secret-embedded-test-secret';

/** The built service as a user runs it: `npm start` without DATABASE_URL, so with the embedded database. */
describe('the embedded database default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-embedded-'));
  chmodSync(dataDir, 0o755);
  const port = 30000 + Math.floor(Math.random() * 10000);
  const pgPort = port + 1;
  let service: ChildProcess | undefined;

  const start = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: String(port),
        EMBEDDED_PG_PORT: String(pgPort),
        DATA_DIR: dataDir,
        AUTH_JWT_SECRET: SECRET,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`service exited with ${child.exitCode}:\n${output}`);
      }
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        if (response.ok) {
          return child;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    child.kill('SIGKILL');
    throw new Error(`service did not become ready:\n${output}`);
  };

  const gql = async (query: string, token?: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data: Record<string, any>; errors?: unknown[] };
  };

  const exited = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve(child.exitCode);
      } else {
        child.once('exit', (code) => resolve(code));
      }
    });

  const postmasterPid = () =>
    Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

  afterAll(async () => {
    if (service && service.exitCode === null) {
      service.kill('SIGTERM');
      await exited(service);
    }
    if (existsSync(join(dataDir, 'postgres', 'postmaster.pid'))) {
      try {
        process.kill(postmasterPid(), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with demo data, keeps data across a SIGKILL, a stale postmaster.pid and a graceful stop', async () => {
    service = await start();
    const operator = await signDevToken({ sub: 'olaf', roles: [Role.OPERATOR] }, { secret: SECRET });
    const demo = await gql(
      '{ organisations { totalCount } interfaceStandards { key } services { totalCount } unreleased: services(filter: { hasPublishedRelease: false }) { totalCount } wohngeld: services(filter: { search: "Wohngeld" }) { edges { node { leikaKeys legalBases { norm { abbreviation url } } } } } }',
    );
    expect(demo.data.organisations.totalCount).toBeGreaterThanOrEqual(30);
    expect(demo.data.interfaceStandards).toHaveLength(DEMO_STANDARDS.length);
    expect(demo.data.services.totalCount).toBeGreaterThanOrEqual(25);
    expect(demo.data.unreleased.totalCount).toBe(0); // every demo service has a published release
    const subscriptions = await gql(
      '{ subscriptions { totalCount } campaigns { edges { node { title state targets { state overdue atRisk } } } } }',
      operator,
    );
    expect(subscriptions.data.subscriptions.totalCount).toBeGreaterThanOrEqual(10);
    const campaigns = subscriptions.data.campaigns.edges.map((e: any) => e.node);
    expect(campaigns.map((c: any) => c.state).sort()).toEqual(['ACTIVE', 'ACTIVE', 'COMPLETED']);
    // The Personenstand campaign has a target in every state (src/seed/demo-scenario.ts).
    const active = campaigns.find(
      (c: any) => c.state === 'ACTIVE' && c.title.startsWith('Personenstandsrecht'),
    );
    expect(new Set(active.targets.map((x: any) => x.state))).toEqual(
      new Set(['EXCLUDED', 'RELEASED', 'ROLLED_OUT', 'PLANNED', 'OPEN']),
    );
    expect(active.targets.some((x: any) => x.overdue)).toBe(true);
    expect(active.targets.some((x: any) => x.atRisk)).toBe(true);
    const owner = (
      await gql(
        '{ service(slug: "wohngeld-beantragen") { owner { key } maintenanceBaseline { expectedHours } } }',
        operator,
      )
    ).data.service;
    expect(owner.maintenanceBaseline.expectedHours).toBeGreaterThan(0);
    const plan = await gql(
      `{ maintenancePlan(ownerKey: "${owner.owner.key}", from: "2027-01-01", to: "2027-12-31") { calibrationFactor items { kind } } }`,
      operator,
    );
    expect(plan.data.maintenancePlan.calibrationFactor).toBeGreaterThan(1); // Wohngeld-Plus took longer than estimated
    expect(plan.data.maintenancePlan.items.length).toBeGreaterThan(0);
    expect(demo.data.wohngeld.edges[0].node).toEqual({
      leikaKeys: ['99107023037000'],
      legalBases: [
        expect.objectContaining({
          norm: { abbreviation: 'WoGG', url: 'https://www.gesetze-im-internet.de/wogg/' },
        }),
      ],
    });
    const created = await gql(
      `mutation { registerOrganisation(input: { key: "survivor", name: "Survivor", kind: OTHER }) { key } }`,
      operator,
    );
    expect(created.errors).toBeUndefined();

    // 1. The service is killed; its PostgreSQL keeps running, orphaned. The next start reuses it (or,
    //    should it have gone meanwhile, clears its postmaster.pid).
    service.kill('SIGKILL');
    await exited(service);
    const orphan = postmasterPid();
    expect(() => process.kill(orphan, 0)).not.toThrow();
    service = await start();
    const afterKill = await gql('{ organisation(key: "survivor") { name } organisations { totalCount } }');
    expect(afterKill.data.organisation).toEqual({ name: 'Survivor' });
    expect(afterKill.data.organisations.totalCount).toBe(demo.data.organisations.totalCount + 1); // seeding is idempotent

    // 2. Both are killed: a stale postmaster.pid remains and is cleared at the next start.
    service.kill('SIGKILL');
    await exited(service);
    process.kill(postmasterPid(), 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);
    service = await start();
    expect((await gql('{ organisation(key: "survivor") { name } }')).data.organisation).toEqual({
      name: 'Survivor',
    });

    // 3. A graceful stop takes the database down with it.
    const pg = postmasterPid();
    service.kill('SIGTERM');
    expect(await exited(service)).toBe(0);
    expect(() => process.kill(pg, 0)).toThrow();
  }, 120_000);
});
