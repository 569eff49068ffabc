import type { FastifyInstance } from 'fastify';

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const PREFLIGHT_HEADERS = [
  'x-apollo-operation-name',
  'apollo-require-preflight',
  'graphql-require-preflight',
];

/**
 * CSRF prevention (as Apollo Server does it): a browser sends a cross-site request without a CORS
 * preflight only as GET or with a "simple" content type. GraphQL requests of those kinds must carry
 * a header that a simple request cannot set, so a forged form post or image tag never runs an
 * operation with the victim's credentials.
 */
export function registerCsrfPrevention(app: FastifyInstance, path = '/graphql'): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0] !== path) {
      return;
    }
    if (request.method !== 'GET' && request.method !== 'POST') {
      return;
    }
    const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const simple =
      request.method === 'GET' || contentType === '' || SIMPLE_CONTENT_TYPES.includes(contentType);
    if (!simple || PREFLIGHT_HEADERS.some((header) => request.headers[header])) {
      return;
    }
    await reply.status(400).send({
      data: null,
      errors: [
        {
          message:
            'This request was refused to prevent cross-site request forgery: send it as POST with Content-Type: ' +
            'application/json, or add the header "graphql-require-preflight: 1".',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });
}
