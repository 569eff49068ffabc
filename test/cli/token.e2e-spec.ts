import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { jwtVerify } from 'jose';
import { ALL_ROLES } from '#src/common/auth/role';
import { PROJECT_ROOT } from '#src/config/config';
import { DEMO_PERSONAS } from '#src/seed/demo-data';
import { startTestApp, TEST_SECRET } from '../support/test-app';

const TOKEN_CLI = join(PROJECT_ROOT, 'dist', 'src', 'cli', 'token.js');
const run = promisify(execFile);

/** Runs the built `npm run token` (dist, built by the pretest) with only the environment given. */
async function token(
  args: string[],
  env: Record<string, string> = { AUTH_JWT_SECRET: TEST_SECRET },
  cwd = PROJECT_ROOT,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TOKEN_CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH, NODE_ENV: 'test', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

async function claimsOf(jwt: string, secret = TEST_SECRET): Promise<Record<string, unknown>> {
  return (await jwtVerify(jwt.trim(), new TextEncoder().encode(secret))).payload;
}

describe('npm run token', () => {
  it('answers --help with every option, example, role and demo persona', async () => {
    const { code, stdout } = await token(['--help']);
    expect(code).toBe(0);
    for (const option of ['--persona', '--role', '--org', '--sub', '--name', '--expires', '--help']) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toContain('npm run token -- --persona kim.kiel');
    expect(stdout).toContain('--role REVIEWER_SECURITY,REVIEWER_USABILITY');
    for (const role of ALL_ROLES) {
      expect(stdout).toMatch(new RegExp(`^  ${role} +\\S`, 'm'));
    }
    for (const persona of DEMO_PERSONAS) {
      expect(stdout).toMatch(
        new RegExp(`^  ${persona.id.replace('.', '\\.')} +${persona.label.replace(/[()/]/g, '\\$&')}$`, 'm'),
      );
    }
    expect((await token(['-h'])).stdout).toBe(stdout);
  });

  it('takes several roles, comma-separated and repeated, once each', async () => {
    const { code, stdout } = await token([
      '--role',
      'REVIEWER_SECURITY,REVIEWER_USABILITY',
      '--role',
      'REVIEWER_INTERFACES',
      '--role',
      'REVIEWER_SECURITY',
      '--org',
      'itvsh',
      '--sub',
      'rita',
    ]);
    expect(code).toBe(0);
    expect(await claimsOf(stdout)).toMatchObject({
      sub: 'rita',
      org: 'itvsh',
      roles: ['REVIEWER_SECURITY', 'REVIEWER_USABILITY', 'REVIEWER_INTERFACES'],
    });
  });

  it("signs a persona's token with its subject, name, organisation and roles, for the time asked", async () => {
    const { code, stdout } = await token(['--persona', 'kim.kiel', '--expires', '30m']);
    expect(code).toBe(0);
    const claims = await claimsOf(stdout);
    expect(claims).toMatchObject({
      sub: 'kim.kiel',
      name: 'Kim Kiel',
      org: '010020000000',
      roles: ['MUNICIPALITY_ADMIN'],
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(1800);
    const other = await claimsOf((await token(['--persona', 'kim.kiel', '--role', 'MAINTAINER'])).stdout);
    expect(other).toMatchObject({ sub: 'kim.kiel', roles: ['MAINTAINER'] });
  });

  it('uses the configured roles claim', async () => {
    const { stdout } = await token(['--persona', 'olaf.operator'], {
      AUTH_JWT_SECRET: TEST_SECRET,
      AUTH_ROLES_CLAIM: 'realm_access.roles',
    });
    expect(await claimsOf(stdout)).toMatchObject({ realm_access: { roles: ['OPERATOR'] } });
  });

  it.each([
    [['--role', 'MAINTAINER,ADMIN', '--org', 'dataport'], /^--role: unknown role ADMIN; one of OPERATOR, /],
    [['--persona', 'kim'], /^--persona: no demo persona "kim"; one of kim\.kiel, /],
    [['--org', 'dataport'], /^--role or --persona is required/],
    [['--role', 'MAINTAINER'], /^--org is required unless a role is OPERATOR/],
    [['--role', 'OPERATOR', '--expires', 'soon'], /^--expires: .*e\.g\. 30m, 12h or 7d/],
    [['--rol', 'OPERATOR'], /Unknown option '--rol'/],
  ])('refuses %j with exit code 1 and says why', async (args, message) => {
    const { code, stdout, stderr } = await token(args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('See: npm run token -- --help');
  });

  describe('the development secret in DATA_DIR', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'token-cli-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is found as the service finds it, a relative DATA_DIR from the project folder, wherever it is run', async () => {
      // Relative to the project, run from elsewhere: the same folder as the service would use.
      const env = { DATA_DIR: relative(PROJECT_ROOT, join(dir, 'data')) };
      const first = await token(['--persona', 'kim.kiel'], env, tmpdir());
      expect(first.code).toBe(0);
      const file = join(dir, 'data', 'dev-jwt-secret');
      expect(first.stderr).toBe(
        `npm run token: created a new development secret at ${file}; tokens signed with it will not match a ` +
          'service that is already running with another one (start the service with the same DATA_DIR, or restart it)\n',
      );
      const secret = readFileSync(file, 'utf8').trim();
      expect(await claimsOf(first.stdout, secret)).toMatchObject({ sub: 'kim.kiel' });

      const again = await token(['--persona', 'kim.kiel'], env, dir);
      expect(again).toMatchObject({ code: 0, stderr: '' });
      await expect(claimsOf(again.stdout, secret)).resolves.toMatchObject({ sub: 'kim.kiel' });

      // The service started with the same DATA_DIR takes the tokens (the test's own secret is off).
      const operator = (await token(['--role', 'OPERATOR'], env)).stdout.trim();
      const t = await startTestApp({ AUTH_JWT_SECRET: '', ...env });
      try {
        const registered = await t.gql(
          `mutation { registerOrganisation(input: { key: "010020000000", name: "Kiel", kind: MUNICIPALITY }) { key } }`,
          {},
          operator,
        );
        expect(registered.errors).toBeUndefined();
        const result = await t.gql(`{ viewer { subject organisation { key } } }`, {}, again.stdout.trim());
        expect(result.data).toEqual({
          viewer: { subject: 'kim.kiel', organisation: { key: '010020000000' } },
        });
      } finally {
        await t.close();
      }
    });
  });
});
