import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import type { SessionApi } from '../session/session';

/**
 * The console's only door to the data: the public GraphQL API at /graphql, with the session's
 * token and German messages (Accept-Language: de). An UNAUTHENTICATED answer (an expired or
 * revoked token) ends the session and leads to sign-in, which returns to the page.
 */
export function createGraphqlClient(session: Pick<SessionApi, 'current' | 'expire'>): Client {
  const token = session.current?.token;
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      headers: {
        'accept-language': 'de',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    }),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (token && error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
            session.expire();
          }
        },
      }),
      fetchExchange,
    ],
  });
}
