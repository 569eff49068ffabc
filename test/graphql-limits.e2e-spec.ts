import { Role } from '#src/common/auth/role';
import { MAX_COST, MAX_NODES } from '#src/common/graphql/limits';
import { errorCode, startTestApp, type TestApp } from './support/test-app';

/** A query `levels` fields deep: organisation, then parents, then key. */
function deepQuery(levels: number): string {
  let selection = 'key';
  for (let i = 0; i < levels - 2; i++) {
    selection = `parent { ${selection} }`;
  }
  return `{ organisation(key: "x") { ${selection} } }`;
}

describe('GraphQL limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets a depth of 10 through and refuses 11, as a limit, not as a syntax error', async () => {
    expect((await t.gql(deepQuery(10))).errors).toBeUndefined();
    const result = await t.gql(deepQuery(11));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe('Query depth limit of 10 exceeded, found 11.');
  });

  it('refuses a fragment spread 125 x 125 times instead of skipping its cost', async () => {
    // Under 2 KB and within the depth limit; expanded, 15,625 copies of a fragment on a page of 100 rows
    // (cost about 3 million). The cost estimator gives up after its node limit, and a cost that
    // could not be computed used to let the query run.
    const spreads = (name: string) => Array.from({ length: 125 }, () => `...${name}`).join(' ');
    const bomb = `{ organisations(first: 100) { edges { node { ...C } } } }
      fragment A on Organisation { key name }
      fragment B on Organisation { ${spreads('A')} }
      fragment C on Organisation { ${spreads('B')} }`;
    expect(bomb.length).toBeLessThan(2048);
    const result = await t.gql(bomb);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toBe(
      `Query is too large: more than ${MAX_NODES} fields once its fragments are expanded.`,
    );
    expect(result.data).toBeNull();
  });

  it('refuses variables that do not fit their types before computing a cost', async () => {
    const result = await t.gql(`query($n: Int!) { organisations(first: $n) { totalCount } }`, { n: 'ten' });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/\$n/);
  });

  it('lets 15 aliases through and refuses 16', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: interfaceStandards { key }`).join(' ')} }`;
    expect((await t.gql(aliases(15))).errors).toBeUndefined();
    const result = await t.gql(aliases(16));
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/aliases/i);
  });

  it('lets a 100-row page with three nested lists through and refuses a page of pages', async () => {
    const page = `{ organisations(first: 100) { edges { node { key name
      capabilities { versions standard { key } }
      a: capabilities { versions standard { key name } }
      b: capabilities { versions standard { key kind } } } } } }`;
    expect((await t.gql(page)).errors).toBeUndefined();
    const caps = 'capabilities { versions standard { key name kind } }';
    const pages = Array.from(
      { length: 5 },
      (_, i) =>
        `p${i}: organisations(first: $n) { edges { node { ${caps} parent { ${caps} parent { ${caps} } } } } }`,
    );
    const pageOfPages = `query($n: Int!) { ${pages.join('\n')} }`;
    const refused = await t.gql(pageOfPages, { n: 100 });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/too expensive/);
    expect(refused.errors?.[0].message).toMatch(/first: at most 100/);
    expect(refused.errors?.[0].extensions).toMatchObject({ limit: MAX_COST, maxPageSize: 100 });
    // The cost follows `first`, also when it comes as a variable.
    expect((await t.gql(pageOfPages, { n: 5 })).errors).toBeUndefined();
  });

  it('refuses first over 100', async () => {
    const result = await t.gql(`{ organisations(first: 500) { totalCount } }`);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.field).toBe('first');
  });

  it('answers syntax errors and unknown fields with BAD_USER_INPUT', async () => {
    expect(errorCode(await t.gql(`{ organisations( }`))).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(`{ organisatons { totalCount } }`);
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toMatch(/Did you mean/); // suggestions stay on outside production
  });

  it('allows introspection outside production', async () => {
    expect((await t.gql(`{ __schema { queryType { name } } }`)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });

  describe('CSRF prevention', () => {
    const inject = (options: {
      method: 'GET' | 'POST';
      headers?: Record<string, string>;
      payload?: string;
      url?: string;
    }) =>
      t.app
        .getHttpAdapter()
        .getInstance()
        .inject({ url: '/graphql', ...options });

    it('refuses a simple POST (text/plain, form) that a foreign page could send', async () => {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
        const response = await inject({
          method: 'POST',
          headers: { 'content-type': contentType },
          payload: '{"query":"{ viewer { subject } }"}',
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
      }
    });

    it('refuses a GET without a preflight header and accepts one with it', async () => {
      const query = encodeURIComponent('{ interfaceStandards { key } }');
      expect((await inject({ method: 'GET', url: `/graphql?query=${query}` })).statusCode).toBe(400);
      const allowed = await inject({
        method: 'GET',
        url: `/graphql?query=${query}`,
        headers: { 'graphql-require-preflight': '1' },
      });
      expect(allowed.json()).toEqual({ data: { interfaceStandards: [] } });
    });
  });
});

describe('GraphQL in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: 'http://127.0.0.1:9/certs',
      AUTH_ISSUER: 'https://idp.example.test',
      AUTH_AUDIENCE: 'ozg-registry',
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
    });
  });
  afterAll(() => t.close());

  it('refuses introspection', async () => {
    expect(errorCode(await t.gql(`{ __schema { queryType { name } } }`))).toBe('BAD_USER_INPUT');
  });

  it('gives no field suggestions', async () => {
    const result = await t.gql(`{ organisatons { totalCount } }`);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('does not accept HS256 development tokens', async () => {
    const token = await t.token({ roles: [Role.OPERATOR] });
    expect(errorCode(await t.gql(`{ viewer { subject } }`, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('still serves public queries', async () => {
    expect((await t.gql(`{ interfaceStandards { key } }`)).data).toEqual({ interfaceStandards: [] });
  });
});
