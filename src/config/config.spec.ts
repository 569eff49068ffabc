import { join } from 'node:path';
import { ConfigError, loadConfig, PROJECT_ROOT } from './config';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/registry');
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('has defaults for development: embedded database, demo data, a generated secret', () => {
    const config = loadConfig({}, '/srv/registry');
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: undefined,
      dataDir: '/srv/registry/.data',
      seedDemoData: true,
      auth: { generateDevSecret: true, rolesClaim: 'roles', jwksUrl: undefined },
      graphql: { introspection: true, ide: true, fieldSuggestions: true },
    });
  });

  it('limits failed sign-ins by default, trusts no proxy unless told, and reads TRUST_PROXY as hops or addresses', () => {
    const config = loadConfig({}, '/srv/registry');
    expect(config.rateLimit).toEqual({
      windowMs: 60_000,
      failedAuthPerWindow: 20,
      perAddress: 0,
      perSubject: 0,
    });
    expect(config.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
    ]);
    expect(problems({ TRUST_PROXY: 'true' })).toEqual([
      'TRUST_PROXY: must be false, a hop count, or comma-separated proxy addresses or CIDR ranges',
    ]);
    expect(problems({ RATE_LIMIT_FAILED_AUTH: '0', RATE_LIMIT_PER_ADDRESS: '-1' })).toHaveLength(2);
  });

  it('does not seed an existing server unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/registry' }).seedDemoData).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@db/registry', SEED_DEMO_DATA: 'true' }).seedDemoData,
    ).toBe(true);
  });

  it('names every bad variable', () => {
    const found = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      SEED_DEMO_DATA: 'yes',
      AUTH_JWT_SECRET: 'short',
    });
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual([
      'AUTH_JWT_SECRET',
      'DATABASE_URL',
      'PORT',
      'SEED_DEMO_DATA',
    ]);
  });

  it('requires OIDC settings in production and refuses HS256 there', () => {
    const found = problems({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40) });
    expect(found.join('\n')).toMatch(/AUTH_JWKS_URL: required in production/);
    expect(found.join('\n')).toMatch(/AUTH_ISSUER: required in production/);
    expect(found.join('\n')).toMatch(/AUTH_AUDIENCE: required in production/);
    expect(found.join('\n')).toMatch(/AUTH_JWT_SECRET: HS256 tokens are off in production/);
    expect(found.join('\n')).toMatch(/DATABASE_URL: required in production/);
  });

  it('turns introspection, the IDE and suggestions off in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u@db/registry',
      AUTH_JWKS_URL: 'https://idp.example/realms/sh/protocol/openid-connect/certs',
      AUTH_ISSUER: 'https://idp.example/realms/sh',
      AUTH_AUDIENCE: 'ozg-registry',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
    });
    expect(config.graphql).toEqual({ introspection: false, ide: false, fieldSuggestions: false });
    expect(config.auth).toMatchObject({
      generateDevSecret: false,
      jwtSecret: undefined,
      rolesClaim: 'realm_access.roles',
    });
  });

  it('resolves a relative DATA_DIR against the project root, whatever the working directory', () => {
    expect(PROJECT_ROOT).toBe(join(__dirname, '..', '..'));
    expect(loadConfig({}).dataDir).toBe(join(PROJECT_ROOT, '.data'));
    expect(loadConfig({ DATA_DIR: '../elsewhere/data' }).dataDir).toBe(
      join(PROJECT_ROOT, '..', 'elsewhere', 'data'),
    );
    expect(loadConfig({ DATA_DIR: '/var/lib/registry' }).dataDir).toBe('/var/lib/registry');
  });

  describe('the console', () => {
    const OIDC = {
      AUTH_JWKS_URL: 'https://idp.example/realms/sh/protocol/openid-connect/certs',
      AUTH_ISSUER: 'https://idp.example/realms/sh',
      AUTH_AUDIENCE: 'ozg-registry',
    };
    const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/registry', ...OIDC };

    it('has no OIDC client unless CONSOLE_OIDC_CLIENT_ID is set, in production too', () => {
      expect(loadConfig({}).console).toEqual({ oidc: null });
      expect(loadConfig(PRODUCTION).console).toEqual({ oidc: null });
    });

    it('takes the issuer as the authority and asks for "openid profile" by default', () => {
      expect(loadConfig({ ...PRODUCTION, CONSOLE_OIDC_CLIENT_ID: 'nachnutzungsregister' }).console).toEqual({
        oidc: {
          authority: 'https://idp.example/realms/sh',
          clientId: 'nachnutzungsregister',
          scope: 'openid profile',
        },
      });
    });

    it('takes an authority and scopes of its own', () => {
      const config = loadConfig({
        ...OIDC,
        CONSOLE_OIDC_CLIENT_ID: 'console',
        CONSOLE_OIDC_AUTHORITY: 'http://localhost:8080/realms/dev/',
        CONSOLE_OIDC_SCOPE: 'openid profile email',
      });
      expect(config.console.oidc).toEqual({
        authority: 'http://localhost:8080/realms/dev',
        clientId: 'console',
        scope: 'openid profile email',
      });
    });

    it('names each bad console setting', () => {
      expect(problems({ ...OIDC, CONSOLE_OIDC_CLIENT_ID: 'my console' })).toEqual([
        'CONSOLE_OIDC_CLIENT_ID: must be the client id: up to 255 printable characters, no spaces',
      ]);
      expect(
        problems({ ...OIDC, CONSOLE_OIDC_CLIENT_ID: 'console', CONSOLE_OIDC_SCOPE: 'profile email' }),
      ).toEqual(['CONSOLE_OIDC_SCOPE: must include openid']);
      expect(problems({ CONSOLE_OIDC_AUTHORITY: 'https://idp.example/realms/sh' })).toEqual([
        'CONSOLE_OIDC_CLIENT_ID: required with CONSOLE_OIDC_AUTHORITY',
      ]);
      expect(problems({ CONSOLE_OIDC_CLIENT_ID: 'console' }).join('\n')).toMatch(
        /CONSOLE_OIDC_CLIENT_ID: needs AUTH_JWKS_URL/,
      );
      expect(
        problems({
          ...PRODUCTION,
          CONSOLE_OIDC_CLIENT_ID: 'console',
          CONSOLE_OIDC_AUTHORITY: 'http://idp.example/realms/sh',
        }),
      ).toEqual(['CONSOLE_OIDC_AUTHORITY: must be https in production']);
      expect(problems({ ...PRODUCTION, CONSOLE_OIDC_CLIENT_ID: 'console', AUTH_ISSUER: 'sh-realm' })).toEqual(
        ["AUTH_ISSUER: the console's OIDC authority must be an http(s) URL (the provider's issuer)"],
      );
    });

    it('allows an http authority on the loopback host in production (browsers treat it as secure)', () => {
      const config = loadConfig({
        ...PRODUCTION,
        CONSOLE_OIDC_CLIENT_ID: 'console',
        CONSOLE_OIDC_AUTHORITY: 'http://127.0.0.1:9090',
      });
      expect(config.console.oidc?.authority).toBe('http://127.0.0.1:9090');
    });
  });

  describe('GitHub', () => {
    const PEM = '-----BEGIN RSA PRIVATE KEY-----\\nMIIE...\\n-----END RSA PRIVATE KEY-----';

    it('is off without configuration, on the public API', () => {
      expect(loadConfig({}).github).toMatchObject({
        apiUrl: 'https://api.github.com',
        webHosts: ['github.com'],
        credentials: null,
        webhookSecrets: [],
        issuesPerMinute: 60,
        issuesPerHour: 450,
      });
    });

    it('reads a GitHub App with an escaped one-line key, rotated secrets and an Enterprise server', () => {
      const { github } = loadConfig({
        GITHUB_API_URL: 'https://git.dataport.de/api/v3/',
        GITHUB_APP_ID: '123456',
        GITHUB_APP_PRIVATE_KEY: PEM,
        GITHUB_WEBHOOK_SECRET: 'new-secret-0123456789, old-secret-0123456789',
      });
      expect(github.apiUrl).toBe('https://git.dataport.de/api/v3');
      expect(github.webHosts).toEqual(['github.com', 'git.dataport.de']);
      expect(github.credentials).toEqual({
        kind: 'app',
        appId: '123456',
        privateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----',
      });
      expect(github.webhookSecrets).toEqual(['new-secret-0123456789', 'old-secret-0123456789']);
    });

    it('names each bad GitHub setting', () => {
      const found = problems({
        GITHUB_APP_ID: 'my-app',
        GITHUB_TOKEN: 'ghp_x',
        GITHUB_APP_PRIVATE_KEY: 'not a key',
        GITHUB_WEBHOOK_SECRET: 'short',
        GITHUB_ISSUES_PER_MINUTE: '81',
      }).join('\n');
      expect(found).toMatch(/GITHUB_APP_ID: must be the numeric App ID/);
      expect(found).toMatch(/GITHUB_ISSUES_PER_MINUTE/);
      const more = problems({
        GITHUB_APP_ID: '1',
        GITHUB_TOKEN: 'ghp_x',
        GITHUB_APP_PRIVATE_KEY: 'not a key',
        GITHUB_WEBHOOK_SECRET: 'short',
      }).join('\n');
      expect(more).toMatch(/GITHUB_TOKEN: set either a GitHub App or a token, not both/);
      expect(more).toMatch(/GITHUB_APP_PRIVATE_KEY: must be the PEM private key/);
      expect(more).toMatch(/GITHUB_WEBHOOK_SECRET: each secret must be at least 16 characters/);
      expect(problems({ GITHUB_APP_PRIVATE_KEY: PEM }).join('\n')).toMatch(
        /GITHUB_APP_ID: required together/,
      );
      const production = problems({
        NODE_ENV: 'production',
        GITHUB_TOKEN: 'ghp_x',
        GITHUB_POLL_INTERVAL_MS: '0',
        GITHUB_API_URL: 'http://ghe.example/api/v3',
      }).join('\n');
      expect(production).toMatch(/GITHUB_POLL_INTERVAL_MS: 0 turns the GitHub worker off/);
      expect(production).toMatch(/PUBLIC_URL: required in production with GitHub issues/);
      expect(production).toMatch(/GITHUB_API_URL: must be https in production/);
    });
  });
});
