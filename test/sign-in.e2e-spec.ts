import request from 'supertest';
import { decodeJwt } from 'jose';
import { Role } from '#src/common/auth/role';
import { DEMO_PERSONAS } from '#src/seed/demo-data';
import { registerOrganisation } from './support/factories';
import { errorCode, startTestApp, type TestApp } from './support/test-app';

const VIEWER = `{ viewer { subject name roles organisation { key name } } }`;

/** The production settings a test app needs (nothing is fetched from these URLs at start). */
const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: '',
  AUTH_JWKS_URL: 'http://127.0.0.1:9/certs',
  AUTH_ISSUER: 'https://idp.example.test/realms/sh',
  AUTH_AUDIENCE: 'ozg-registry',
  DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
};

async function signIn(t: TestApp, body: unknown): Promise<request.Response> {
  return request(t.app.getHttpServer())
    .post('/auth/dev/token')
    .set('content-type', 'application/json')
    .send(JSON.stringify(body));
}

describe('sign-in outside production: the demo personas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, {
      key: '010020000000',
      name: 'Landeshauptstadt Kiel',
      kind: 'MUNICIPALITY',
    });
    await registerOrganisation(t, { key: 'dataport', name: 'Dataport AöR', kind: 'SERVICE_PROVIDER' });
  });
  afterAll(() => t.close());

  it('tells the console to offer the personas', async () => {
    const response = await request(t.app.getHttpServer()).get('/console/config.json');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({ signIn: 'personas', oidc: null });
  });

  it('lists the personas, each labelled with person, organisation and role', async () => {
    const response = await request(t.app.getHttpServer()).get('/auth/dev/personas');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContainEqual({
      id: 'kim.kiel',
      name: 'Kim Kiel',
      organisationKey: '010020000000',
      organisationName: 'Landeshauptstadt Kiel',
      roles: ['MUNICIPALITY_ADMIN'],
      label: 'Kim Kiel, Landeshauptstadt Kiel (Nachnutzende Kommune)',
    });
    const labels = (response.body as { label: string }[]).map((p) => p.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Mia Maintainer, Dataport (Maintainer)',
        'Sina Security, ITVSH (Reviewer Sicherheit)',
        'Uwe Usability, ITVSH (Reviewer Barrierefreiheit/Usability)',
        'Ingo Interfaces, ITVSH (Reviewer Schnittstellen)',
        'Olaf Operator, ITVSH (Betrieb)',
      ]),
    );
    expect(response.body).toHaveLength(DEMO_PERSONAS.length);
  });

  it("signs a token for a persona that GraphQL takes as the persona's organisation and roles", async () => {
    const before = Date.now();
    const response = await signIn(t, { persona: 'kim.kiel' });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const after = Date.now();
    const { token, expiresAt } = response.body as { token: string; expiresAt: string };
    // Twelve hours by default from the second the token was issued, which lies between before and after.
    const expires = Date.parse(expiresAt);
    expect(expires).toBeGreaterThan(before + 43_199_000);
    expect(expires).toBeLessThanOrEqual(after + 43_200_000);
    expect(expires % 1000).toBe(0);
    expect(decodeJwt(token).exp).toBe(Date.parse(expiresAt) / 1000);
    const result = await t.gql(VIEWER, {}, token);
    expect(result.data).toEqual({
      viewer: {
        subject: 'kim.kiel',
        name: 'Kim Kiel',
        roles: ['MUNICIPALITY_ADMIN'],
        organisation: { key: '010020000000', name: 'Landeshauptstadt Kiel' },
      },
    });
  });

  it('signs a maintainer as a maintainer of its organisation', async () => {
    const { token } = (await signIn(t, { persona: 'mia.maintainer' })).body as { token: string };
    expect((await t.gql(VIEWER, {}, token)).data?.viewer).toMatchObject({
      roles: [Role.MAINTAINER],
      organisation: { key: 'dataport' },
    });
  });

  it('honours expiresInSeconds: a token of 1 s is refused as expired after 2 s', async () => {
    const response = await signIn(t, { persona: 'kim.kiel', expiresInSeconds: 1 });
    expect(response.status).toBe(200);
    const { token, expiresAt } = response.body as { token: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(1000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const result = await t.gql(VIEWER, {}, token);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0].extensions.reason).toBe('TOKEN_EXPIRED');
  });

  it('refuses an unknown persona, a bad lifetime and unknown fields with a JSON error', async () => {
    const unknown = await signIn(t, { persona: 'kim.kiell' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      error: {
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_PERSONA',
        field: 'persona',
        message: 'persona: no demo persona "kim.kiell" (GET /auth/dev/personas lists them)',
      },
    });
    for (const expiresInSeconds of [0, 43_201, 1.5, '60']) {
      const response = await signIn(t, { persona: 'kim.kiel', expiresInSeconds });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(
        /^expiresInSeconds: must be a whole number of seconds from 1 to 43200/,
      );
    }
    const extra = await signIn(t, { persona: 'kim.kiel', roles: ['OPERATOR'] });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/^roles: unknown field/);
    for (const body of [[], 'kim.kiel', null]) {
      expect((await signIn(t, body)).status).toBe(400);
    }
  });

  it('refuses a body that is not JSON (415) before reading it', async () => {
    for (const [type, body] of [
      ['text/plain', '{"persona":"kim.kiel"}'],
      ['application/x-www-form-urlencoded', 'persona=kim.kiel'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="persona"\r\n\r\nkim.kiel\r\n--x--',
      ],
    ]) {
      const response = await request(t.app.getHttpServer())
        .post('/auth/dev/token')
        .set('content-type', type)
        .send(body);
      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const none = await request(t.app.getHttpServer()).post('/auth/dev/token');
    expect(none.status).toBe(415);
  });

  it('refuses a persona whose organisation is not registered (no demo data) with a clear conflict', async () => {
    const response = await signIn(t, { persona: 'olaf.operator' });
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({
      code: 'CONFLICT',
      reason: 'PERSONA_ORGANISATION_MISSING',
      message:
        'Persona olaf.operator belongs to organisation itvsh, which is not registered here: start the service with the demo data (SEED_DEMO_DATA=true)',
    });
  });
});

describe('sign-in outside production with the roles claim where Keycloak puts it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_ISSUER: 'https://dev.example',
      AUTH_AUDIENCE: 'registry',
    });
    await registerOrganisation(t, { key: '010020000000', kind: 'MUNICIPALITY' });
  });
  afterAll(() => t.close());

  it("signs the persona's token with the configured roles claim, issuer and audience", async () => {
    const { token } = (await signIn(t, { persona: 'kim.kiel' })).body as { token: string };
    expect(decodeJwt(token)).toMatchObject({
      realm_access: { roles: ['MUNICIPALITY_ADMIN'] },
      iss: 'https://dev.example',
      aud: 'registry',
    });
    expect(decodeJwt(token).roles).toBeUndefined();
    expect((await t.gql(VIEWER, {}, token)).data?.viewer.roles).toEqual(['MUNICIPALITY_ADMIN']);
  });
});

describe('sign-in in production', () => {
  describe('without the console OIDC client', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(PRODUCTION);
    });
    afterAll(() => t.close());

    it('has no persona routes at all (404, as for any unknown path)', async () => {
      const personas = await request(t.app.getHttpServer()).get('/auth/dev/personas');
      expect(personas.status).toBe(404);
      const token = await signIn(t, { persona: 'kim.kiel' });
      expect(token.status).toBe(404);
      expect(token.body.error.code).toBe('NOT_FOUND');
      const form = await request(t.app.getHttpServer())
        .post('/auth/dev/token')
        .set('content-type', 'text/plain')
        .send('persona=kim.kiel');
      expect(form.status).toBe(404);
    });

    it('tells the console that sign-in is not configured, and still serves the API', async () => {
      const response = await request(t.app.getHttpServer()).get('/console/config.json');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ signIn: 'none', oidc: null });
      expect((await t.gql(`{ interfaceStandards { key } }`)).data).toEqual({ interfaceStandards: [] });
    });
  });

  describe('with the console OIDC client', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ ...PRODUCTION, CONSOLE_OIDC_CLIENT_ID: 'nachnutzungsregister' });
    });
    afterAll(() => t.close());

    it('tells the console to sign in at the identity provider', async () => {
      const response = await request(t.app.getHttpServer()).get('/console/config.json');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toEqual({
        signIn: 'oidc',
        oidc: {
          authority: 'https://idp.example.test/realms/sh',
          clientId: 'nachnutzungsregister',
          scope: 'openid profile',
        },
      });
      expect((await request(t.app.getHttpServer()).get('/auth/dev/personas')).status).toBe(404);
    });
  });
});
