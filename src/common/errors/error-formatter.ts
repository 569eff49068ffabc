import { HttpException, type LoggerService } from '@nestjs/common';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { DomainError, type ErrorCode, type RequestErrorCode } from './domain-error';

export interface ClientError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions: { code: ErrorCode } & Record<string, unknown>;
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
export function toClientError(
  error: Error,
  options: { requestId: string; logger: LoggerService; fieldSuggestions: boolean },
): ClientError {
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const original = graphqlError ? (graphqlError.originalError ?? undefined) : error;
  const where = { locations: graphqlError?.locations, path: graphqlError?.path };

  if (original instanceof DomainError) {
    // graphql-js prefixes coercion failures with the variable or argument: keep that context.
    const message = graphqlError?.message ?? original.message;
    return { message, ...where, extensions: { ...original.details, code: original.code } };
  }
  if (original instanceof HttpException && HTTP_CODES[original.getStatus()]) {
    return { message: original.message, ...where, extensions: { code: HTTP_CODES[original.getStatus()] } };
  }
  if (graphqlError && (original === undefined || original instanceof GraphQLError) && !graphqlError.path) {
    // Parse, validation and variable coercion errors (before execution, so no path): the request is wrong.
    // During execution (with a path) the same kind of error, e.g. a value that does not serialise, is ours.
    let message = graphqlError.message;
    if (!options.fieldSuggestions) {
      message = message.replace(/\s*Did you mean .*\?$/s, '');
    }
    return { message, ...where, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const statusCode = (original as { statusCode?: unknown } | undefined)?.statusCode;
  const code = (original as { code?: unknown } | undefined)?.code;
  if (statusCode === 400 && typeof code === 'string' && code.startsWith('MER_ERR_')) {
    return { message: original!.message, ...where, extensions: { code: 'BAD_USER_INPUT' } };
  }
  options.logger.error(
    { err: original ?? error, reqId: options.requestId, path: graphqlError?.path },
    'unexpected error while handling a request',
  );
  return {
    message: `Internal server error (request ${options.requestId})`,
    ...where,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Mercurius' validation failure carries the individual GraphQL errors inside it. */
export function flattenErrors(errors: readonly Error[]): Error[] {
  return errors.flatMap((error) => {
    const inner = (error as GraphQLError).originalError as { errors?: unknown } | undefined;
    return Array.isArray(inner?.errors) ? (inner.errors as Error[]) : [error];
  });
}

export interface RequestError {
  status: number;
  code: RequestErrorCode;
  message: string;
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
    return {
      status: statusCode,
      code: statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST',
      message,
    };
  }
  if (code === 'MER_ERR_METHOD_NOT_ALLOWED') {
    return {
      status: 405,
      code: 'BAD_REQUEST',
      message: 'Only queries may be sent as GET: send this one as POST.',
    };
  }
  const inner: unknown[] = Array.isArray(original.errors) ? original.errors : [];
  if (code === 'MER_ERR_GQL_VALIDATION' && inner.some((e) => !(e instanceof GraphQLError))) {
    // Mercurius' JSON schema of the request body (ajv errors), not a GraphQL validation.
    return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not a GraphQL request.' };
  }
  return undefined;
}

export function formatExecution(
  execution: ExecutionResult & { errors?: readonly Error[] },
  options: { requestId: string; logger: LoggerService; fieldSuggestions: boolean },
) {
  const requestError = (execution.errors ?? []).map(requestErrorOf).find((found) => found !== undefined);
  if (requestError) {
    const { status, code, message } = requestError;
    return { statusCode: status, response: { data: null, errors: [{ message, extensions: { code } }] } };
  }
  const errors = flattenErrors(execution.errors ?? []).map((error) => toClientError(error, options));
  return { statusCode: 200, response: { data: execution.data ?? null, errors } };
}
