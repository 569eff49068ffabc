import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, OperationTypeNode, parse } from 'graphql';
import { requestError, requestErrorBody, type RequestError } from '#src/common/errors/error-formatter';
import { languageOf } from '#src/common/errors/language';

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

type Refusal = RequestError;

function refuseOnRequest(request: FastifyRequest, path: string): Refusal | undefined {
  const rawPath = request.url.split('?')[0];
  if (rawPath !== path) {
    return requestError(400, 'WRONG_PATH', { path, got: rawPath });
  }
  if (request.method === 'POST') {
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return requestError(415, 'WRONG_MEDIA_TYPE', { got: mediaType });
    }
    return undefined;
  }
  if (!PREFLIGHT_HEADERS.some((header) => request.headers[header])) {
    return requestError(400, 'GET_WITHOUT_PREFLIGHT');
  }
  return undefined;
}

/** Mercurius' own body schema would refuse these too, but as an error without a code. */
function refuseBody(body: unknown): Refusal | undefined {
  if (Array.isArray(body)) {
    return requestError(400, 'BATCH_NOT_SUPPORTED');
  }
  if (body === null || typeof body !== 'object') {
    return badRequest('body');
  }
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') {
    return badRequest('query');
  }
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  ) {
    return badRequest('variables');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return badRequest('operationName');
  }
  return undefined;
}

/** A GET must not change anything; mercurius checks that too, but fails on an unnamed choice. */
function refuseGetOperation(request: FastifyRequest): Refusal | undefined {
  const { query, operationName, variables } = request.query as Record<string, unknown>;
  if (typeof query !== 'string' || query.trim() === '') {
    return badRequest('getQuery');
  }
  if (variables !== undefined && !isJsonObjectText(variables)) {
    return badRequest('variables');
  }
  let operation;
  try {
    operation = getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined);
  } catch {
    return undefined; // a syntax error: GraphQL answers it as BAD_USER_INPUT with its location
  }
  if (!operation) {
    return requestError(400, 'OPERATION_NOT_NAMED');
  }
  if (operation.operation !== OperationTypeNode.QUERY) {
    return requestError(405, 'MUTATION_AS_GET', { operation: operation.operation });
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

function badRequest(problem: 'body' | 'query' | 'getQuery' | 'variables' | 'operationName'): Refusal {
  return requestError(400, 'NOT_A_GRAPHQL_REQUEST', { problem });
}

/** An async hook that has answered returns the reply, so that Fastify stops there. */
function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  const language = languageOf(reply.request.headers['accept-language']);
  if (refusal.status === 405) {
    reply.header('allow', 'POST');
  }
  return reply.status(refusal.status).send(requestErrorBody(refusal, language));
}
