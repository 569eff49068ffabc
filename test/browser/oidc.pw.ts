import type { Server } from 'node:http';
import { expectNoAxeViolations } from './support/axe';
import { expect, test, visited } from './support/console';
import { freePort, startService, type RunningService } from './support/service';

/**
 * Production sign-in against a real OpenID provider (issue 14, part 10: f): oidc-provider runs in
 * the test process with one public client (PKCE S256) and one account whose access token is a JWT
 * for the registry's audience, the roles where Keycloak puts them (realm_access.roles) and the
 * organisation in `org`. A second service runs with NODE_ENV=production against it, on the demo
 * data of the first (its database).
 */

const CLIENT_ID = 'nachnutzungsregister-konsole';
const AUDIENCE = 'https://nachnutzungsregister.test/api';
const ACCOUNT = { login: 'kira.kommune', name: 'Kira Kommune', org: '010020000000' };

let provider: Server;
let issuer: string;
let service: RunningService;

test.beforeAll(async () => {
  const databaseUrl = process.env.BROWSER_DATABASE_URL;
  if (!databaseUrl) {
    throw new Error('BROWSER_DATABASE_URL is not set: run the browser tests with npm run test:browser');
  }
  const providerPort = await freePort();
  // The service's origin must be known to the provider before the service starts: reserve a port.
  const servicePort = await freePort();
  issuer = `http://127.0.0.1:${providerPort}`;
  const serviceUrl = `http://127.0.0.1:${servicePort}`;
  // ESM only: loaded at run time (the tests are compiled as CommonJS).
  const { default: Provider } = await import('oidc-provider');
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${serviceUrl}/anmelden/callback`],
        post_logout_redirect_uris: [`${serviceUrl}/`],
      },
    ],
    pkce: { required: () => true },
    cookies: { keys: ['browser-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: (_ctx: unknown, id: string) =>
      id === ACCOUNT.login ? { accountId: id, claims: () => ({ sub: id, name: ACCOUNT.name }) } : undefined,
    // The registry reads these from the access token, as from Keycloak's.
    extraTokenClaims: () => ({
      name: ACCOUNT.name,
      org: ACCOUNT.org,
      realm_access: { roles: ['MUNICIPALITY_ADMIN'] },
    }),
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === serviceUrl,
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'registry',
          audience: AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
  });
  provider = oidc.listen(providerPort, '127.0.0.1');

  service = await startService(
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      AUTH_JWKS_URL: `${issuer}/jwks`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      CONSOLE_OIDC_CLIENT_ID: CLIENT_ID,
      CONSOLE_OIDC_AUTHORITY: issuer,
      CONSOLE_OIDC_SCOPE: 'openid profile registry',
    },
    60_000,
    servicePort,
  );
});

test.afterAll(async () => {
  await service?.stop();
  await new Promise((resolve) => (provider ? provider.close(resolve) : resolve(undefined)));
});

test('in production the demo personas do not exist', async ({ request }) => {
  expect((await request.get(`${service.url}/auth/dev/personas`)).status()).toBe(404);
  expect(
    (await request.post(`${service.url}/auth/dev/token`, { data: { persona: 'kim.kiel' } })).status(),
  ).toBe(404);
  const config = await request.get(`${service.url}/console/config.json`);
  expect(await config.json()).toEqual({
    signIn: 'oidc',
    oidc: { authority: issuer, clientId: CLIENT_ID, scope: 'openid profile registry' },
  });
});

test('sign-in at the identity provider and back, the API with its roles, and sign-out there', async ({
  page,
}) => {
  await page.goto(`${service.url}/anmelden?zurueck=/leistungen`);
  await visited(page, 'Anmelden');
  await page.getByRole('button', { name: 'Weiter zur Anmeldung' }).click();

  // The provider's development login form, then its consent screen.
  await expect(page).toHaveURL(new RegExp(`^${issuer}/`));
  await page.locator('input[name="login"]').fill(ACCOUNT.login);
  await page.locator('input[name="password"]').fill('beliebig');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(`${service.url}/leistungen`);
  await visited(page, 'Leistungen');
  await expect(page.getByRole('banner')).toContainText(`Angemeldet als ${ACCOUNT.name}`);

  // The page's token works at the API, with the roles and organisation from the provider.
  const viewer = await page.evaluate(async () => {
    const stored = (globalThis as any).sessionStorage.getItem('nachnutzungsregister.sitzung');
    const { token } = JSON.parse(stored) as { token: string };
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { subject name roles organisation { key } } }' }),
    });
    return response.json();
  });
  expect(viewer).toEqual({
    data: {
      viewer: {
        subject: ACCOUNT.login,
        name: ACCOUNT.name,
        roles: ['MUNICIPALITY_ADMIN'],
        organisation: { key: ACCOUNT.org },
      },
    },
  });
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Nachnutzungen' })
    .click();
  await visited(page, 'Nachnutzungen');

  // Sign-out ends the session at the provider too (end_session), which sends the browser back.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuer}/`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${service.url}/`);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Anmelden' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Signed out at the provider: signing in again asks for the login once more.
  await page.getByRole('banner').getByRole('link', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: 'Weiter zur Anmeldung' }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});
