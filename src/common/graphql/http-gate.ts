import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, OperationTypeNode, parse } from 'graphql';
import type { RequestErrorCode } from '#src/common/errors/domain-error';

export const GRAPHQL_PATH = '/graphql';

/** Headers a cross-site "simple" request cannot carry (as Apollo Server and Mercurius name them). */
const PREFLIGHT_HEADERS = [
  'graphql-require-preflight',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

/**
 * What reaches the GraphQL endpoint at all, decided on the routed path (so `/%67raphql`, which the
 * router decodes to `/graphql`, meets the same rules):
 * - POST only as `application/json`, one operation per request (no batches, no form bodies, no
 *   text/plain), so a foreign page cannot post a form with the victim's credentials (CSRF);
 * - GET only for queries, and only with a preflight header, which a cross-site request cannot set
 *   without a CORS preflight that this service never grants;
 * - the path spelled as `/graphql`: encoded or otherwise non-canonical spellings are refused.
 * A refusal is an HTTP error (400, 405 or 415) with a code, before any GraphQL work.
 */
export function registerGraphqlHttpGate(app: FastifyInstance, path = GRAPHQL_PATH): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== path) {
      return;
    }
    const refusal = refuseOnRequest(request, path);
    return refusal ? sendRefusal(reply, refusal) : undefined;
  });
  app.addHook('preValidation', async (request, reply) => {
    if (request.routeOptions.url !== path) {
      return;
    }
    const refusal = request.method === 'POST' ? refuseBody(request.body) : refuseGetOperation(request);
    return refusal ? sendRefusal(reply, refusal) : undefined;
  });
}

interface Refusal {
  status: number;
  code: RequestErrorCode;
  message: string;
}

function refuseOnRequest(request: FastifyRequest, path: string): Refusal | undefined {
  const rawPath = request.url.split('?')[0];
  if (rawPath !== path) {
    return badRequest(`The GraphQL endpoint is ${path}, spelled exactly so (not ${rawPath}).`);
  }
  if (request.method === 'POST') {
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `GraphQL requests are sent as POST with Content-Type: application/json (not ${mediaType || 'none'}).`,
      };
    }
    return undefined;
  }
  if (!PREFLIGHT_HEADERS.some((header) => request.headers[header])) {
    return badRequest(
      'This GET request was refused to prevent cross-site request forgery: send it as POST with ' +
        'Content-Type: application/json, or add the header "graphql-require-preflight: 1".',
    );
  }
  return undefined;
}

/** Mercurius' own body schema would refuse these too, but as an error without a code. */
function refuseBody(body: unknown): Refusal | undefined {
  if (Array.isArray(body)) {
    return badRequest('Batched requests (a JSON array) are not supported: send one operation per request.');
  }
  if (body === null || typeof body !== 'object') {
    return badRequest('The request body must be a JSON object with the operation in "query".');
  }
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') {
    return badRequest('The request body must carry the operation as a string in "query".');
  }
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    return badRequest('"variables" must be a JSON object.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return badRequest('"operationName" must be a string.');
  }
  return undefined;
}

/** A GET must not change anything; mercurius checks that too, but fails on an unnamed choice. */
function refuseGetOperation(request: FastifyRequest): Refusal | undefined {
  const { query, operationName, variables } = request.query as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') {
    return badRequest('A GET request carries the operation in the query parameter "query".');
  }
  if (variables !== undefined && !isJsonObjectText(variables)) {
    return badRequest('"variables" must be a JSON object.');
  }
  let operation;
  try {
    operation = getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined);
  } catch {
    return undefined; // a syntax error: GraphQL answers it as BAD_USER_INPUT with its location
  }
  if (!operation) {
    return badRequest('The document holds several operations: name one in "operationName".');
  }
  if (operation.operation !== OperationTypeNode.QUERY) {
    return {
      status: 405,
      code: 'BAD_REQUEST',
      message: `A ${operation.operation} cannot be sent as GET: send it as POST with Content-Type: application/json.`,
    };
  }
  return undefined;
}

function isJsonObjectText(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false; // a repeated parameter arrives as an array
  }
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed));
  } catch {
    return false;
  }
}

function badRequest(message: string): Refusal {
  return { status: 400, code: 'BAD_REQUEST', message };
}

/** An async hook that has answered returns the reply, so that Fastify stops there. */
function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  if (refusal.status === 405) {
    reply.header('allow', 'POST');
  }
  return reply
    .status(refusal.status)
    .send({ data: null, errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
}
