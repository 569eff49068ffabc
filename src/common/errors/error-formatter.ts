import { HttpException, type LoggerService } from '@nestjs/common';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { domainErrorIn, type DomainError, type ErrorCode, type RequestErrorCode } from './domain-error';
import type { Language } from './language';
import { MESSAGES, messageOf, type ParamsArg, type Reason, type ReasonOf } from './messages';

export interface ClientError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions: { code: ErrorCode; reason: Reason } & Record<string, unknown>;
}

export interface FormatOptions {
  requestId: string;
  logger: LoggerService;
  fieldSuggestions: boolean;
  /** The language of the messages (`languageOf` the request's Accept-Language); English by default. */
  language?: Language;
}

/**
 * A domain error's message in the request's language. graphql-js puts the variable in front of a
 * scalar's refusal ('Variable "$input" got invalid value "x" at "input.versionRange"; …'): English
 * keeps its words, German names the variable's path in front of the German text.
 */
function messageFor(error: DomainError, graphqlMessage: string | undefined, language: Language): string {
  if (language === 'en') {
    return graphqlMessage ?? error.message;
  }
  const text = error.messageIn(language);
  const variable =
    graphqlMessage !== undefined && graphqlMessage !== error.message
      ? /^Variable "(\$[^"]+)" got invalid value .*?(?: at "([^"]+)")?; /s.exec(graphqlMessage)
      : null;
  return variable ? `Variable „${variable[2] ?? variable[1]}“: ${text}` : text;
}

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

export const STATUS_OF: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * What a failure may tell a client: its code and a message written for people. Anything the domain
 * did not anticipate (a driver error, a bug) is logged with the request id and answered with a
 * generic message, so no SQL, stack or driver text ever leaves the service.
 */
export function toClientError(error: Error, options: FormatOptions): ClientError {
  const language = options.language ?? 'en';
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const original = graphqlError ? (graphqlError.originalError ?? undefined) : error;
  const where = { locations: graphqlError?.locations, path: graphqlError?.path };

  const domain = domainErrorIn(original);
  if (domain) {
    // graphql-js prefixes coercion failures with the variable or argument: keep that context.
    const message = messageFor(domain, graphqlError?.message, language);
    return {
      message,
      ...where,
      extensions: { ...domain.details, code: domain.code, reason: domain.reason },
    };
  }
  if (original instanceof HttpException && HTTP_CODES[original.getStatus()]) {
    // The framework's own refusals (none is thrown by this service's code): its English words.
    return {
      message: original.message,
      ...where,
      extensions: { code: HTTP_CODES[original.getStatus()], reason: 'GRAPHQL_VALIDATION' },
    };
  }
  if (graphqlError && (original === undefined || original instanceof GraphQLError) && !graphqlError.path) {
    // Parse, validation and variable coercion errors (before execution, so no path): the request is wrong.
    // During execution (with a path) the same kind of error, e.g. a value that does not serialise, is ours.
    let message = graphqlError.message;
    if (!options.fieldSuggestions) {
      message = message.replace(/\s*Did you mean .*\?$/s, '');
    }
    return { message, ...where, extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION' } };
  }
  const statusCode = (original as { statusCode?: unknown } | undefined)?.statusCode;
  const code = (original as { code?: unknown } | undefined)?.code;
  if (statusCode === 400 && typeof code === 'string' && code.startsWith('MER_ERR_')) {
    return {
      message: original!.message,
      ...where,
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION' },
    };
  }
  options.logger.error(
    { err: original ?? error, reqId: options.requestId, path: graphqlError?.path },
    'unexpected error while handling a request',
  );
  return {
    message: messageOf('INTERNAL_ERROR', language, { requestId: options.requestId }),
    ...where,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_ERROR' },
  };
}

/** Mercurius' validation failure carries the individual GraphQL errors inside it. */
export function flattenErrors(errors: readonly Error[]): Error[] {
  return errors.flatMap((error) => {
    const inner = (error as GraphQLError).originalError as { errors?: unknown } | undefined;
    return Array.isArray(inner?.errors) ? (inner.errors as Error[]) : [error];
  });
}

type RequestReason = ReasonOf<RequestErrorCode>;

/** A refusal at the HTTP level: its status, and the catalogue's reason (which gives the code). */
export interface RequestError<R extends RequestReason = RequestReason> {
  status: number;
  reason: R;
  params: ParamsArg<R>[0];
}

export function requestError<R extends RequestReason>(
  status: number,
  reason: R,
  ...[params]: ParamsArg<R>
): RequestError {
  const refusal: RequestError = { status, reason, params };
  return refusal;
}

/** The body of an HTTP-level refusal of a GraphQL request, in the request's language. */
export function requestErrorBody(refusal: RequestError, language: Language) {
  const { reason, params } = refusal;
  const message = messageOf(reason, language, ...([params] as ParamsArg<typeof reason>));
  return { data: null, errors: [{ message, extensions: { code: codeOf(reason), reason } }] };
}

function codeOf(reason: RequestReason): RequestErrorCode {
  return MESSAGES[reason].code;
}

/**
 * A request that failed before GraphQL could read it: a body that is not JSON or too large
 * (Fastify's FST_ERR_*), or one that mercurius refused as a request (method, body shape). The
 * HTTP gate refuses most of these first; this maps what remains, so none becomes an internal error.
 */
type FrameworkError = Error & { code?: unknown; statusCode?: unknown; errors?: unknown };

export function requestErrorOf(error: Error): RequestError | undefined {
  const original: FrameworkError | undefined =
    error instanceof GraphQLError ? (error.originalError ?? undefined) : error;
  if (!original) {
    return undefined;
  }
  const { code, statusCode, message } = original;
  if (typeof code !== 'string' || typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) {
    return undefined;
  }
  if (code.startsWith('FST_ERR_')) {
    const reason =
      statusCode === 415 ? 'UNSUPPORTED_BODY' : statusCode === 413 ? 'BODY_TOO_LARGE' : 'MALFORMED_REQUEST';
    return requestError(statusCode, reason, { problem: message });
  }
  if (code === 'MER_ERR_METHOD_NOT_ALLOWED') {
    return requestError(405, 'MUTATION_AS_GET', { operation: 'any' });
  }
  const inner: unknown[] = Array.isArray(original.errors) ? original.errors : [];
  if (code === 'MER_ERR_GQL_VALIDATION' && inner.some((e) => !(e instanceof GraphQLError))) {
    // Mercurius' JSON schema of the request body (ajv errors), not a GraphQL validation.
    return requestError(400, 'NOT_A_GRAPHQL_REQUEST', { problem: 'schema' });
  }
  return undefined;
}

export function formatExecution(
  execution: ExecutionResult & { errors?: readonly Error[] },
  options: FormatOptions,
) {
  const refusal = (execution.errors ?? []).map(requestErrorOf).find((found) => found !== undefined);
  if (refusal) {
    return { statusCode: refusal.status, response: requestErrorBody(refusal, options.language ?? 'en') };
  }
  const errors = flattenErrors(execution.errors ?? []).map((error) => toClientError(error, options));
  return { statusCode: 200, response: { data: execution.data ?? null, errors } };
}
