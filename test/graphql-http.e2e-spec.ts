import type { InjectOptions } from 'fastify';
import { Role } from '#src/common/auth/role';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What reaches /graphql over HTTP: JSON POSTs, and GETs of queries with a preflight header. Every
 * other request is refused with an HTTP status and a code before any GraphQL work, whatever
 * spelling of the path the router accepts.
 */
describe('GraphQL over HTTP', () => {
  let t: TestApp;
  let operator: string;
  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.token({ roles: [Role.OPERATOR] });
  });
  afterAll(() => t.close());

  const inject = (options: InjectOptions) => t.app.getHttpAdapter().getInstance().inject(options);
  const mutation =
    'mutation { registerInterfaceStandard(input: { key: "xcsrf", name: "X", kind: XOEV_STANDARD }) { key } }';
  const standards = async () =>
    (await t.gql<{ interfaceStandards: { key: string }[] }>('{ interfaceStandards { key } }')).data!
      .interfaceStandards;

  /** The refusal every request below gets: a status, a code, a message, and nothing run. */
  const expectRefused = async (options: InjectOptions, status: number, code: string, message: RegExp) => {
    const response = await inject(options);
    expect({ status: response.statusCode, code: response.json().errors?.[0]?.extensions?.code }).toEqual({
      status,
      code,
    });
    expect(response.json().errors[0].message).toMatch(message);
    expect(response.json().data).toBeNull();
    return response;
  };

  describe('cross-site request forgery', () => {
    it('refuses a form post, also to a percent-encoded path, and nothing runs', async () => {
      for (const url of ['/graphql', '/%67raphql', '/graph%71l', '/%2567raphql', '/graphql?x=1']) {
        const response = await inject({
          method: 'POST',
          url,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Bearer ${operator}`,
          },
          payload: `query=${encodeURIComponent(mutation)}`,
        });
        expect([400, 404, 415]).toContain(response.statusCode);
      }
      expect(await standards()).toEqual([]);
    });

    it('answers a form post to /graphql with 415 and to an encoded spelling with 400', async () => {
      const form = {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Bearer ${operator}`,
      };
      const payload = `query=${encodeURIComponent(mutation)}`;
      await expectRefused(
        { method: 'POST', url: '/graphql', headers: form, payload },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        /application\/json/,
      );
      await expectRefused(
        { method: 'POST', url: '/%67raphql', headers: form, payload },
        400,
        'BAD_REQUEST',
        /spelled exactly/,
      );
    });

    it('refuses text/plain and multipart bodies even with a preflight header', async () => {
      for (const contentType of ['text/plain', 'multipart/form-data; boundary=x', 'application/graphql']) {
        await expectRefused(
          {
            method: 'POST',
            url: '/graphql',
            headers: { 'content-type': contentType, 'graphql-require-preflight': '1' },
            payload: JSON.stringify({ query: '{ viewer { subject } }' }),
          },
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          /Content-Type: application\/json/,
        );
      }
    });

    it('refuses a GET without a preflight header, also to an encoded path, and accepts one with it', async () => {
      const query = encodeURIComponent('{ interfaceStandards { key } }');
      await expectRefused(
        { method: 'GET', url: `/graphql?query=${query}` },
        400,
        'BAD_REQUEST',
        /cross-site request forgery/,
      );
      await expectRefused(
        { method: 'GET', url: `/%67raphql?query=${query}`, headers: { 'graphql-require-preflight': '1' } },
        400,
        'BAD_REQUEST',
        /spelled exactly/,
      );
      const allowed = await inject({
        method: 'GET',
        url: `/graphql?query=${query}`,
        headers: { 'graphql-require-preflight': '1' },
      });
      expect(allowed.json()).toEqual({ data: { interfaceStandards: [] } });
    });

    it('refuses a mutation as GET with 405, even with a preflight header and a token', async () => {
      const response = await expectRefused(
        {
          method: 'GET',
          url: `/graphql?query=${encodeURIComponent(mutation)}`,
          headers: { 'graphql-require-preflight': '1', authorization: `Bearer ${operator}` },
        },
        405,
        'BAD_REQUEST',
        /cannot be sent as GET/,
      );
      expect(response.headers.allow).toBe('POST');
      expect(await standards()).toEqual([]);
    });

    it('asks for an operation name when a GET carries several operations', async () => {
      const query = encodeURIComponent('query A { viewer { subject } } query B { viewer { name } }');
      await expectRefused(
        { method: 'GET', url: `/graphql?query=${query}`, headers: { 'graphql-require-preflight': '1' } },
        400,
        'BAD_REQUEST',
        /operationName/,
      );
    });
  });

  describe('malformed requests', () => {
    const post = (payload: string) => ({
      method: 'POST' as const,
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload,
    });

    it('refuses a batch (a JSON array) with 400', async () => {
      await expectRefused(
        post(JSON.stringify([{ query: '{ viewer { subject } }' }])),
        400,
        'BAD_REQUEST',
        /Batched requests/,
      );
    });

    it.each([
      ['a body that is not JSON', '{"query":', /not valid JSON/],
      ['an empty body', '', /cannot be empty/],
      ['a JSON string', '"{ viewer { subject } }"', /JSON object/],
      ['no query', '{}', /"query"/],
      ['a query that is not a string', '{"query": 5}', /"query"/],
      [
        'variables that are not an object',
        '{"query": "{ viewer { subject } }", "variables": [1]}',
        /"variables"/,
      ],
      [
        'an operation name that is not a string',
        '{"query": "{ viewer { subject } }", "operationName": 1}',
        /"operationName"/,
      ],
    ])('refuses %s with 400 BAD_REQUEST', async (_what, payload, message) => {
      await expectRefused(post(payload), 400, 'BAD_REQUEST', message);
    });

    it('refuses a GET whose variables are not a JSON object', async () => {
      for (const variables of ['%22x%22', '%5B1%5D', 'not-json']) {
        await expectRefused(
          {
            method: 'GET',
            url: `/graphql?query=%7B__typename%7D&variables=${variables}`,
            headers: { 'graphql-require-preflight': '1' },
          },
          400,
          'BAD_REQUEST',
          /"variables"/,
        );
      }
    });

    it('refuses variables nested deeper than any input type, and ignores undeclared ones, without an internal error', async () => {
      // Written as text: no JSON serialiser walks 50,000 levels either.
      const deep = `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`;
      const undeclared = await inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: `{"query":"{ __typename }","variables":{"x":${deep}}}`,
      });
      expect(undeclared.json()).toEqual({ data: { __typename: 'Query' } });
      const declaredDeep = await inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: `{"query":"query($x: [String]) { __typename }","variables":{"x":${deep}}}`,
      });
      expect(declaredDeep.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
      let nested: unknown = 'x';
      for (let i = 0; i < 40; i++) {
        nested = { a: nested };
      }
      const declared = await t.gql(
        'mutation($i: InterfaceStandardInput!) { registerInterfaceStandard(input: $i) { key } }',
        { i: { key: 'xdeep', name: 'X', kind: 'XOEV_STANDARD', extra: nested } },
        operator,
      );
      expect(declared.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('refuses a body over 1 MiB with 413', async () => {
      const huge = JSON.stringify({
        query: '{ viewer { subject } }',
        variables: { x: 'x'.repeat(1_100_000) },
      });
      await expectRefused(post(huge), 413, 'BAD_REQUEST', /too large/);
    });

    it('refuses a NUL byte or an unpaired surrogate in any string argument, literal or variable, before any SQL', async () => {
      const cases: [string, Record<string, unknown> | undefined, string][] = [
        ['{ organisation(key: "kiel\\u0000") { key } }', undefined, 'key'],
        ['query($k: String!) { organisation(key: $k) { key } }', { k: 'kiel\u0000' }, 'key'],
        [
          'mutation($i: InterfaceStandardInput!) { registerInterfaceStandard(input: $i) { key } }',
          { i: { key: 'xnul', name: 'X\uD800', kind: 'XOEV_STANDARD' } },
          'input.name',
        ],
        [
          'mutation { registerInterfaceStandard(input: { key: "xnul", name: "X\\u0000", kind: XOEV_STANDARD }) { key } }',
          undefined,
          'input.name',
        ],
      ];
      for (const [query, variables, field] of cases) {
        const result = await t.gql(query, variables, operator);
        expect(result.errors?.[0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          reason: 'UNSTORABLE_TEXT',
          field,
        });
      }
      // GraphQL's own parser refuses a lone surrogate in a literal.
      const literal = await t.gql('{ organisation(key: "\\uDC00") { key } }');
      expect(literal.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
        message: /Unicode/,
      });
      // A surrogate pair is a character like any other.
      const pair = await t.gql('query($k: String!) { organisation(key: $k) { key } }', { k: 'kiel😀' });
      expect(pair).toMatchObject({ data: { organisation: null } });
      expect(await standards()).toEqual([]);
    });

    it('answers other routes and methods as before: 404 with a code', async () => {
      const response = await inject({
        method: 'PUT',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'NOT_FOUND', reason: 'ROUTE_NOT_FOUND', message: 'No route PUT /graphql' },
      });
    });
  });
});
