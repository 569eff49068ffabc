import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Role } from '#src/common/auth/role';
import { signDevToken } from '#src/common/auth/dev-token';
import { registerOrganisation } from './support/factories';
import { errorCode, startTestApp, TEST_SECRET, type TestApp } from './support/test-app';

const VIEWER = `{ viewer { subject name roles organisation { key } } }`;
const PUBLIC_QUERY = `{ interfaceStandards { key } }`;

describe('authentication (HS256, development and tests)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, { key: '010020000000', kind: 'MUNICIPALITY' });
  });
  afterAll(() => t.close());

  it('treats a request without a token as anonymous', async () => {
    const result = await t.gql(VIEWER);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: null });
  });

  it('accepts a valid token and resolves its organisation', async () => {
    const token = await t.token({
      roles: [Role.MUNICIPALITY_ADMIN],
      org: '010020000000',
      sub: 'kim',
      name: 'Kim',
    });
    const result = await t.gql(VIEWER, {}, token);
    expect(result.data).toEqual({
      viewer: {
        subject: 'kim',
        name: 'Kim',
        roles: ['MUNICIPALITY_ADMIN'],
        organisation: { key: '010020000000' },
      },
    });
  });

  it('accepts an OPERATOR token without an organisation', async () => {
    const token = await t.token({ roles: [Role.OPERATOR], sub: 'olaf' });
    const result = await t.gql(VIEWER, {}, token);
    expect(result.data?.viewer).toMatchObject({ subject: 'olaf', roles: ['OPERATOR'], organisation: null });
  });

  it('ignores roles it does not know (identity providers add their own)', async () => {
    const token = await t.token({ roles: [Role.MAINTAINER, 'offline_access' as Role], org: '010020000000' });
    const result = await t.gql(VIEWER, {}, token);
    expect(result.data?.viewer.roles).toEqual(['MAINTAINER']);
  });

  const invalid: [string, () => Promise<string>][] = [
    [
      'an expired token',
      () =>
        signDevToken(
          { sub: 'a', roles: [Role.OPERATOR] },
          { secret: TEST_SECRET, expiresIn: Math.floor(Date.now() / 1000) - 60 },
        ),
    ],
    [
      'a token signed with another secret',
      () =>
        signDevToken(
          { sub: 'a', roles: [Role.OPERATOR] },
          { secret: 'another-secret-another-secret-another' },
        ),
    ],
    ['a malformed token', () => Promise.resolve('not-a-jwt')],
    [
      'a token with a tampered payload',
      async () => {
        const token = await signDevToken(
          { sub: 'a', roles: [Role.MAINTAINER], org: '010020000000' },
          { secret: TEST_SECRET },
        );
        const [header, , signature] = token.split('.');
        const payload = Buffer.from(
          JSON.stringify({ sub: 'a', roles: ['OPERATOR'], exp: 4102444800 }),
        ).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
    ],
    [
      'a token naming an unknown organisation',
      () => signDevToken({ sub: 'a', roles: [Role.MAINTAINER], org: 'nobody' }, { secret: TEST_SECRET }),
    ],
    [
      'a non-OPERATOR token without an organisation',
      () => signDevToken({ sub: 'a', roles: [Role.MAINTAINER] }, { secret: TEST_SECRET }),
    ],
    [
      'an unsigned token (alg none)',
      () => {
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
        const payload = Buffer.from(
          JSON.stringify({ sub: 'a', roles: ['OPERATOR'], exp: 4102444800 }),
        ).toString('base64url');
        return Promise.resolve(`${header}.${payload}.`);
      },
    ],
  ];

  it.each(invalid)('refuses %s with UNAUTHENTICATED, also on a public query', async (_name, make) => {
    const token = await make();
    const result = await t.gql(PUBLIC_QUERY, {}, token);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('tells the caller only that the token is invalid or expired, never which claim failed', async () => {
    const unknownOrg = await signDevToken(
      { sub: 'a', roles: [Role.MAINTAINER], org: 'nobody' },
      { secret: TEST_SECRET },
    );
    const [refused] = (await t.gql(PUBLIC_QUERY, {}, unknownOrg)).errors ?? [];
    expect(refused).toMatchObject({
      message: 'Invalid token',
      extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' },
    });
    const expired = await signDevToken(
      { sub: 'a', roles: [Role.OPERATOR] },
      { secret: TEST_SECRET, expiresIn: Math.floor(Date.now() / 1000) - 60 },
    );
    const [late] = (await t.gql(PUBLIC_QUERY, {}, expired)).errors ?? [];
    expect(late).toMatchObject({
      message: 'The token has expired: sign in again',
      extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' },
    });
  });

  it('refuses a token whose name, subject or organisation cannot be stored (NUL, lone surrogate)', async () => {
    for (const claims of [
      { sub: 'a', name: 'Anna\u0000', roles: [Role.OPERATOR] },
      { sub: 'a\uD800', roles: [Role.OPERATOR] },
      { sub: 'a', roles: [Role.MAINTAINER], org: '010020000000\u0000' },
    ]) {
      const token = await signDevToken(claims, { secret: TEST_SECRET });
      expect(errorCode(await t.gql(VIEWER, {}, token))).toBe('UNAUTHENTICATED');
    }
  });

  it('treats a token without any of the six roles as signed in without rights', async () => {
    const token = await signDevToken(
      { sub: 'no-rights', roles: ['offline_access' as Role], org: '010020000000' },
      { secret: TEST_SECRET },
    );
    expect((await t.gql(VIEWER, {}, token)).data?.viewer).toMatchObject({ subject: 'no-rights', roles: [] });
    expect(errorCode(await t.gql('{ campaigns { totalCount } }', {}, token))).toBe('FORBIDDEN');
    expect((await t.gql(PUBLIC_QUERY, {}, token)).data).toEqual({ interfaceStandards: [] });
  });

  it('refuses an invalid token even for a query no resolver guards ({ __typename })', async () => {
    const forged = await signDevToken(
      { sub: 'a', roles: [Role.OPERATOR] },
      { secret: 'another-secret-another-secret-another' },
    );
    const result = await t.gql(`{ __typename }`, {}, forged);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses an org claim that is not a string', async () => {
    const token = await new SignJWT({ org: 42, roles: ['OPERATOR'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(TEST_SECRET));
    expect(errorCode(await t.gql(PUBLIC_QUERY, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token without an expiry', async () => {
    const token = await new SignJWT({ roles: ['OPERATOR'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('a')
      .sign(new TextEncoder().encode(TEST_SECRET));
    expect(errorCode(await t.gql(PUBLIC_QUERY, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwdw==' },
        payload: { query: PUBLIC_QUERY },
      });
    expect(response.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a token for an organisation registered after an earlier failed lookup', async () => {
    const token = await t.token({ roles: [Role.MAINTAINER], org: 'late-provider' });
    expect(errorCode(await t.gql(VIEWER, {}, token))).toBe('UNAUTHENTICATED');
    await registerOrganisation(t, { key: 'late-provider', kind: 'SERVICE_PROVIDER' });
    expect((await t.gql(VIEWER, {}, token)).data?.viewer.organisation).toEqual({ key: 'late-provider' });
  });

  it('asks for a token where one is needed', async () => {
    const result = await t.gql(
      `mutation { registerInterfaceStandard(input: { key: "x", name: "X", kind: OTHER }) { key } }`,
    );
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  });
});

describe('authentication (OIDC: RS256 against a JWKS, issuer, audience, Keycloak roles claim)', () => {
  let t: TestApp;
  let jwks: Server;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  const issuer = 'https://idp.example.test/realms/sh';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    t = await startTestApp({
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/certs`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: 'ozg-registry',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_TOKEN_TYPE: 'Bearer',
      AUTH_AUTHORIZED_PARTY: 'ozg-console',
    });
  });
  afterAll(async () => {
    await t.close();
    jwks.close();
  });

  // Keycloak's access tokens: typ Bearer, azp the client they were issued to.
  const sign = (claims: Record<string, unknown>, { iss = issuer, aud = 'ozg-registry' } = {}) =>
    new SignJWT({ typ: 'Bearer', azp: 'ozg-console', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('oidc-user')
      .setIssuer(iss)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts a token of the identity provider with roles under realm_access.roles', async () => {
    const token = await sign({ name: 'Olga', realm_access: { roles: ['OPERATOR', 'default-roles-sh'] } });
    const result = await t.gql(VIEWER, {}, token);
    expect(result.data?.viewer).toEqual({
      subject: 'oidc-user',
      name: 'Olga',
      roles: ['OPERATOR'],
      organisation: null,
    });
  });

  it('refuses an ID token, or a token issued to another client, where AUTH_TOKEN_TYPE and AUTH_AUTHORIZED_PARTY are set', async () => {
    const roles = { realm_access: { roles: ['OPERATOR'] } };
    expect(errorCode(await t.gql(VIEWER, {}, await sign({ ...roles, typ: 'ID' })))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(VIEWER, {}, await sign({ ...roles, azp: 'another-client' })))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await t.gql(VIEWER, {}, await sign({ ...roles, typ: undefined })))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await t.gql(VIEWER, {}, await sign(roles))).data?.viewer).toMatchObject({ roles: ['OPERATOR'] });
  });

  it('refuses a token for another audience', async () => {
    const token = await sign({ realm_access: { roles: ['OPERATOR'] } }, { aud: 'another-app' });
    expect(errorCode(await t.gql(VIEWER, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token from another issuer', async () => {
    const token = await sign({ realm_access: { roles: ['OPERATOR'] } }, { iss: 'https://evil.example.test' });
    expect(errorCode(await t.gql(VIEWER, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses HS256 tokens when only OIDC is configured', async () => {
    const token = await signDevToken(
      { sub: 'a', roles: [Role.OPERATOR] },
      { secret: TEST_SECRET, issuer, audience: 'ozg-registry' },
    );
    expect(errorCode(await t.gql(VIEWER, {}, token))).toBe('UNAUTHENTICATED');
  });
});
