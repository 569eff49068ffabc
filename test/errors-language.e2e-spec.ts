import type { InjectOptions } from 'fastify';
import { REQUEST, useSubscriptionWorld } from './support/subscriptions';

/**
 * Errors in German (issue 14, part 9): the same failing request, once with `Accept-Language: de`
 * (as the console sends it) and once without, answers with the same code, reason and field, and
 * with the message in German or in English.
 */
describe('error messages in the language the request asks for', () => {
  const w = useSubscriptionWorld();

  const post = async (body: object, headers: Record<string, string> = {}, token?: string) => {
    const options: InjectOptions = {
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      payload: JSON.stringify(body),
    };
    const response = await w.t.app.getHttpAdapter().getInstance().inject(options);
    return { status: response.statusCode, body: response.json<{ data: unknown; errors: ErrorOut[] }>() };
  };
  type ErrorOut = { message: string; extensions: Record<string, unknown> };

  const unsatisfiable = () => ({
    query: REQUEST,
    variables: { input: { serviceId: w.manual, versionRange: '^9.0.0' } },
  });

  it('answers a domain error in German for de and in English by default, with the same code, reason and field', async () => {
    const german = await post(unsatisfiable(), { 'accept-language': 'de' }, w.kielAdmin);
    const english = await post(unsatisfiable(), {}, w.kielAdmin);

    for (const { body } of [german, english]) {
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'RANGE_UNSATISFIED',
        field: 'input.versionRange',
      });
    }
    expect(english.body.errors[0].message).toBe(
      'input.versionRange: no published release satisfies the range "^9.0.0" (published: 2.0.0-rc.1, 1.1.0, 1.0.0)',
    );
    expect(german.body.errors[0].message).toBe(
      'input.versionRange: Keine veröffentlichte Version liegt im Versionsbereich „^9.0.0“. ' +
        'Wählen Sie einen Versionsbereich, der eine veröffentlichte Version enthält, z. B. ^1.0.0.',
    );
    // Nothing was stored by either attempt.
    const [{ count }] = await w.t.db.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM service_subscription',
    );
    expect(count).toBe(0);
  });

  it.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['en-US,en;q=0.9,de;q=0.8', 'en'],
    ['en;q=0.2, de;q=0.7', 'de'],
    ['fr', 'en'],
    ['de;q=0', 'en'],
  ])('negotiates Accept-Language %j as %s', async (header, language) => {
    const { body } = await post(unsatisfiable(), { 'accept-language': header }, w.kielAdmin);
    expect(body.errors[0].extensions.reason).toBe('RANGE_UNSATISFIED');
    expect(body.errors[0].message).toMatch(language === 'de' ? /Versionsbereich/ : /no published release/);
  });

  it('translates a permission error and keeps its reason', async () => {
    const variables = {
      input: { serviceId: w.manual, versionRange: '^1.0.0', organisationKey: '010030000000' },
    };
    const german = await post({ query: REQUEST, variables }, { 'accept-language': 'de' }, w.kielAdmin);
    const english = await post({ query: REQUEST, variables }, {}, w.kielAdmin);
    expect(german.body.errors[0].extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'MUNICIPALITY_ADMIN_ONLY',
    });
    expect(english.body.errors[0].extensions).toEqual(german.body.errors[0].extensions);
    expect(english.body.errors[0].message).toBe(
      "Only 010030000000's MUNICIPALITY_ADMIN or an OPERATOR may subscribe for it",
    );
    expect(german.body.errors[0].message).toBe(
      'Nur Personen mit der Rolle MUNICIPALITY_ADMIN in 010030000000 oder mit der Rolle OPERATOR dürfen ' +
        'für sie eine Nachnutzung beantragen.',
    );
  });

  it('translates a scalar refusal, naming the variable graphql-js names', async () => {
    const variables = { input: { serviceId: w.manual, versionRange: 'keine' } };
    const german = await post({ query: REQUEST, variables }, { 'accept-language': 'de' }, w.kielAdmin);
    const english = await post({ query: REQUEST, variables }, {}, w.kielAdmin);
    for (const { body } of [german, english]) {
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_RANGE' });
    }
    expect(english.body.errors[0].message).toMatch(/"keine" is not a semver range$/);
    expect(german.body.errors[0].message).toBe(
      'Variable „input.versionRange“: „keine“ ist kein gültiger Versionsbereich: verwenden Sie z. B. ^2.1.0 oder >=2.0.0 <3.0.0.',
    );
  });

  it('keeps graphql-js validation errors in English, with the reason GRAPHQL_VALIDATION', async () => {
    const { body } = await post({ query: '{ noSuchField }' }, { 'accept-language': 'de' });
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION' });
    expect(body.errors[0].message).toMatch(/Cannot query field "noSuchField"/);
  });

  it('answers an unauthenticated call and an invalid token in German', async () => {
    const unauthenticated = await post(unsatisfiable(), { 'accept-language': 'de' });
    expect(unauthenticated.body.errors[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'AUTHENTICATION_REQUIRED',
    });
    expect(unauthenticated.body.errors[0].message).toBe(
      'Bitte melden Sie sich an: diese Aktion erfordert eine Anmeldung.',
    );
    const invalid = await post(unsatisfiable(), { 'accept-language': 'de', authorization: 'Basic abc' });
    expect(invalid.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    expect(invalid.body.errors[0].message).toBe(
      'Ungültiges Token: erwartet wird der Header „Authorization: Bearer <Token>“.',
    );
  });

  it('answers HTTP-level refusals with a reason and in German', async () => {
    const app = w.t.app.getHttpAdapter().getInstance();
    const refused = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'text/plain', 'accept-language': 'de' },
      payload: '{"query":"{ __typename }"}',
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json()).toEqual({
      data: null,
      errors: [
        {
          message:
            'Senden Sie GraphQL-Anfragen als POST mit Content-Type: application/json (nicht text/plain).',
          extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'WRONG_MEDIA_TYPE' },
        },
      ],
    });
    const batch = await post([{ query: '{ __typename }' }], { 'accept-language': 'de' });
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0]).toEqual({
      message:
        'Gebündelte Anfragen (ein JSON-Array) werden nicht unterstützt: senden Sie eine Operation je Anfrage.',
      extensions: { code: 'BAD_REQUEST', reason: 'BATCH_NOT_SUPPORTED' },
    });
    const english = await post([{ query: '{ __typename }' }]);
    expect(english.body.errors[0].message).toBe(
      'Batched requests (a JSON array) are not supported: send one operation per request.',
    );
  });

  it('answers a REST route in German too', async () => {
    const response = await w.t.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/no-such-route', headers: { 'accept-language': 'de' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        reason: 'ROUTE_NOT_FOUND',
        message: 'Unter GET /no-such-route gibt es nichts: prüfen Sie die Adresse.',
      },
    });
  });
});
